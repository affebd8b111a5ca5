/// What the site does with one kind of page, apart from the page's own type, its decoder and its
/// template: where its files live, where it publishes, what it is called, where it ranks.
///
/// One value per kind, in ``ContentKind/descriptor``'s exhaustive switch: a new kind cannot be
/// added without saying all of this, and no other code switches on a kind to find it out.
public struct KindDescriptor: Sendable {
    /// The folder under `Content/`.
    public let folder: String
    /// Where pages publish, when not under their folder (`/conditions/sciatica/`): `""` puts them at
    /// the site root (`/about/`).
    public let urlPrefix: String?
    /// One page of the kind, in messages and on cards: "Exercise card".
    public let label: String
    /// The title of the kind's index page (`/exercises/`) and its link in the main navigation; nil for
    /// a kind without one.
    public let indexTitle: String?
    /// Whether sub-folders are part of a page's id and address (`pages/about/team.md` → `/about/team/`);
    /// otherwise they only sort files, and the file name alone is the id.
    public let nestedIDs: Bool
    /// Search results that score the same are ordered by this, lowest first.
    public let searchRank: Int
    /// Health content (schema.org `MedicalWebPage`), or the site's own pages (`WebPage`).
    public let isHealthContent: Bool
    /// Section ids the kind's template writes, so `page.md#symptoms` can be checked before any page
    /// exists. Headings in the body add their own.
    public let fixedAnchors: Set<String>

    public var hasIndex: Bool { indexTitle != nil }
}

extension ContentKind {
    public var descriptor: KindDescriptor {
        switch self {
        case .condition: Self.conditionDescriptor
        case .article: Self.articleDescriptor
        case .exercise: Self.exerciseDescriptor
        case .program: Self.programDescriptor
        case .expert: Self.expertDescriptor
        case .page: Self.pageDescriptor
        }
    }

    private static let common: Set<String> = [SectionAnchor.summary, SectionAnchor.review, SectionAnchor.references, "main"]

    private static let conditionDescriptor = KindDescriptor(
        folder: "conditions", urlPrefix: nil, label: "Condition", indexTitle: "Conditions", nestedIDs: false,
        searchRank: 0, isHealthContent: true,
        fixedAnchors: common.union([SectionAnchor.overview, SectionAnchor.symptoms, SectionAnchor.seekCare,
                                    SectionAnchor.articles, SectionAnchor.exercises, SectionAnchor.programs,
                                    SectionAnchor.experts]))
    private static let articleDescriptor = KindDescriptor(
        folder: "articles", urlPrefix: nil, label: "Article", indexTitle: "Articles", nestedIDs: false,
        searchRank: 1, isHealthContent: true, fixedAnchors: common.union([SectionAnchor.experts]))
    private static let exerciseDescriptor = KindDescriptor(
        folder: "exercises", urlPrefix: nil, label: "Exercise card", indexTitle: "Exercise cards", nestedIDs: false,
        searchRank: 3, isHealthContent: true,
        fixedAnchors: common.union([SectionAnchor.steps, SectionAnchor.dosage, SectionAnchor.cautions]))
    private static let programDescriptor = KindDescriptor(
        folder: "programs", urlPrefix: nil, label: "Program", indexTitle: "Programs", nestedIDs: false,
        searchRank: 2, isHealthContent: true,
        fixedAnchors: common.union([SectionAnchor.phases, SectionAnchor.mistakes, SectionAnchor.pauseSignals]))
    private static let expertDescriptor = KindDescriptor(
        folder: "experts", urlPrefix: nil, label: "Expert", indexTitle: "Experts", nestedIDs: false,
        searchRank: 4, isHealthContent: false, fixedAnchors: common.union([SectionAnchor.reviewed]))
    private static let pageDescriptor = KindDescriptor(
        folder: "pages", urlPrefix: "", label: "Page", indexTitle: nil, nestedIDs: true,
        searchRank: 5, isHealthContent: false, fixedAnchors: common)
}
