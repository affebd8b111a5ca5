/// One stage of a program, e.g. weeks 1–2 of a walking plan.
public struct ProgramPhase: Sendable {
    public var name: String
    /// What one bout of the phase is called ("walk", "session", "set"), in the site's language:
    /// "10–15 minutes a walk". Without it the minutes stand alone.
    public var activity: String?
    public var weeks: Quantity
    public var minutes: Quantity?
    public var perDay: Quantity?
    public var perWeek: Quantity?
    public var terrain: InlineText?
    public var pace: InlineText?
    public var breathing: InlineText?
    public var goal: InlineText?
    public var cues: [InlineText]

    public init(name: String, weeks: Quantity, minutes: Quantity?, perDay: Quantity?, perWeek: Quantity?,
                terrain: InlineText?, pace: InlineText?, breathing: InlineText?, goal: InlineText?, cues: [InlineText],
                activity: String? = nil) {
        self.name = name
        self.activity = activity
        self.weeks = weeks
        self.minutes = minutes
        self.perDay = perDay
        self.perWeek = perWeek
        self.terrain = terrain
        self.pace = pace
        self.breathing = breathing
        self.goal = goal
        self.cues = cues
    }

    var texts: [InlineText] { [terrain, pace, breathing, goal].compactMap { $0 } + cues }
}

public struct ProgramMistake: Sendable {
    public var title: String
    public var text: InlineText

    public init(title: String, text: InlineText) {
        self.title = title
        self.text = text
    }
}

public struct Program: ContentPage {
    public static let kind = ContentKind.program
    public static var store: WritableKeyPath<PageStores, PageStore<Program>> { \.programs }
    public var slug: Slug
    public var file: String
    public var title: String
    public var summary: InlineText
    public var conditions: [Located<Slug>]
    public var phases: [ProgramPhase]
    public var mistakes: [ProgramMistake]
    public var pauseSignals: [InlineText]
    public var sources: [Located<CitationKey>]
    public var pageReview: Review
    public var body: Body
    public var aliases: [Located<String>] = []
    public var searchTerms: [String] = []
    public var image: PageImage?

    public init(slug: Slug, file: String, title: String, summary: InlineText, conditions: [Located<Slug>],
                phases: [ProgramPhase], mistakes: [ProgramMistake], pauseSignals: [InlineText],
                sources: [Located<CitationKey>], review: Review, body: Body) {
        self.slug = slug
        self.file = file
        self.title = title
        self.summary = summary
        self.conditions = conditions
        self.phases = phases
        self.mistakes = mistakes
        self.pauseSignals = pauseSignals
        self.sources = sources
        self.pageReview = review
        self.body = body
    }

    public var readability: TextStatistics { TextStatistics.measure(summary.plain) + body.prose }
    public var searchFields: SearchFields {
        SearchFields(summary: summary.plain, about: phases.map(\.name))
    }
    public var listing: [String] { [title, summary.text] + conditions.map(\.value.rawValue) + phases.map(\.name) }
    public var heading: String { title }
    public var linkedConditions: [Located<Slug>] { conditions }
    public var review: Review? { pageReview }
    public var citedKeys: [Located<CitationKey>] {
        located([summary]) + body.citations + located(phases.flatMap(\.texts))
            + located(mistakes.map(\.text)) + located(pauseSignals)
    }
}
