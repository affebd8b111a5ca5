public enum ExerciseKind: String, CaseIterable, Sendable, Comparable {
    case stretch
    case strength
    case aerobic
    case mobility
    case balance
    case coolDown = "cool-down"

    public var label: String {
        switch self {
        case .stretch: "Stretches"
        case .strength: "Strengthening"
        case .aerobic: "Aerobic (cardio)"
        case .mobility: "Mobility"
        case .balance: "Balance"
        case .coolDown: "Cool-down"
        }
    }

    public var singular: String {
        switch self {
        case .stretch: "Stretch"
        case .strength: "Strengthening"
        case .aerobic: "Aerobic"
        case .mobility: "Mobility"
        case .balance: "Balance"
        case .coolDown: "Cool-down"
        }
    }

    public static func < (a: ExerciseKind, b: ExerciseKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

public enum Difficulty: String, CaseIterable, Sendable {
    case easy
    case moderate
    case hard
}

/// How much of an exercise to do. Every field is optional: write only what a source supports.
public struct Dosage: Sendable, Hashable {
    public var holdSeconds: Quantity?
    public var reps: Quantity?
    public var sets: Quantity?
    public var minutes: Quantity?
    public var perDay: Quantity?
    public var perWeek: Quantity?

    public init(holdSeconds: Quantity? = nil, reps: Quantity? = nil, sets: Quantity? = nil,
                minutes: Quantity? = nil, perDay: Quantity? = nil, perWeek: Quantity? = nil) {
        self.holdSeconds = holdSeconds
        self.reps = reps
        self.sets = sets
        self.minutes = minutes
        self.perDay = perDay
        self.perWeek = perWeek
    }

    public var isEmpty: Bool {
        [holdSeconds, reps, sets, minutes, perDay, perWeek].allSatisfy { $0 == nil }
    }
}

public struct ExerciseCard: ContentPage {
    public static let kind = ContentKind.exercise
    public static var store: WritableKeyPath<PageStores, PageStore<ExerciseCard>> { \.exercises }
    public var slug: Slug
    public var file: String
    public var title: String
    public var exerciseKind: ExerciseKind
    public var conditions: [Located<Slug>]
    public var bodyAreas: [String]
    public var equipment: [String]
    public var difficulty: Difficulty?
    public var dosage: Dosage
    public var cautions: [InlineText]
    public var sources: [Located<CitationKey>]
    public var pageReview: Review
    public var body: Body
    public var aliases: [Located<String>] = []
    public var searchTerms: [String] = []
    public var image: PageImage?
    /// `images:` — shown in a row before the steps, and on the printed handout.
    public var images: [CardImage] = []
    /// `video:` — shown after the steps.
    public var video: CardVideo?

    public init(slug: Slug, file: String, title: String, kind: ExerciseKind, conditions: [Located<Slug>],
                bodyAreas: [String], equipment: [String], difficulty: Difficulty?, dosage: Dosage,
                cautions: [InlineText], sources: [Located<CitationKey>], review: Review, body: Body) {
        self.slug = slug
        self.file = file
        self.title = title
        self.exerciseKind = kind
        self.conditions = conditions
        self.bodyAreas = bodyAreas
        self.equipment = equipment
        self.difficulty = difficulty
        self.dosage = dosage
        self.cautions = cautions
        self.sources = sources
        self.pageReview = review
        self.body = body
    }

    public var readability: TextStatistics { body.prose }
    public var heading: String { title }
    /// Condition names are added by search from ``linkedConditions``.
    public var searchFields: SearchFields {
        SearchFields(summary: steps.first ?? "", about: bodyAreas + equipment + [exerciseKind.singular])
    }
    public var listing: [String] {
        [title, exerciseKind.rawValue, steps.first ?? "", "\(dosage)"] + conditions.map(\.value.rawValue) + bodyAreas
            + images.flatMap { [$0.path, $0.alt, $0.caption ?? ""] } + [video.map { "\($0)" } ?? ""]
    }
    public var linkedConditions: [Located<Slug>] { conditions }
    public var frontMatterMedia: [BodyMedia] { (image.map { [$0.reference] } ?? []) + images.map(\.reference) + (video?.references ?? []) }
    public var review: Review? { pageReview }
    /// The steps are the body's first ordered list.
    public var steps: [String] { body.firstOrderedList }
    public var citedKeys: [Located<CitationKey>] { body.citations + located(cautions) }
}
