/// A page that is not health content: About us, Contact, Privacy, an accessibility statement.
/// It needs no condition, date or review, publishes at the site root (`pages/about.md` → `/about/`)
/// and may be linked from the header or footer menu.
public struct PlainPage: ContentPage {
    public static let kind = ContentKind.page
    public static var store: WritableKeyPath<PageStores, PageStore<PlainPage>> { \.plainPages }
    /// `pages/index.md` is the home page's own text, not a page of its own.
    public static let homeSlug = "index"

    public var slug: Slug
    public var file: String
    public var title: String
    public var summary: InlineText?
    /// The menus that link to the page, and where in them: lower weights first, then by title.
    public var menus: [MenuName]
    public var weight: Int
    public var pageType: PlainPageType
    public var updated: Day?
    public var draft: Bool
    public var sources: [Located<CitationKey>]
    public var review: Review?
    public var body: Body
    public var aliases: [Located<String>]
    public var searchTerms: [String]
    public var image: PageImage?

    public init(slug: Slug, file: String, title: String, summary: InlineText?, menus: [MenuName], weight: Int,
                pageType: PlainPageType, updated: Day?, draft: Bool, sources: [Located<CitationKey>], review: Review?,
                body: Body, aliases: [Located<String>] = [], searchTerms: [String] = []) {
        self.slug = slug
        self.file = file
        self.title = title
        self.summary = summary
        self.menus = menus
        self.weight = weight
        self.pageType = pageType
        self.updated = updated
        self.draft = draft
        self.sources = sources
        self.review = review
        self.body = body
        self.aliases = aliases
        self.searchTerms = searchTerms
    }

    public var isHome: Bool { slug.rawValue == Self.homeSlug }
    public var hasOwnPage: Bool { !isHome }
    public var updatedDay: Day? { updated }
    public var heading: String { title }
    public var searchFields: SearchFields { SearchFields(summary: summary?.plain ?? "") }
    public var readability: TextStatistics {
        summary.map { TextStatistics.measure($0.plain) + body.prose } ?? body.prose
    }
    public var citedKeys: [Located<CitationKey>] { located(summary.map { [$0] } ?? []) + body.citations }
    public func isPublished(asOf day: Day) -> Bool { !draft }
    public var listing: [String] {
        [title, summary?.text ?? "", updated?.iso ?? "", "\(draft)", pageType.rawValue, String(weight)]
            + menus.map(\.rawValue)
    }
}

/// What a plain page is, for search engines (schema.org `AboutPage`, `ContactPage` or `WebPage`).
public enum PlainPageType: String, CaseIterable, Sendable {
    case page
    case about
    case contact

    public var schemaType: String {
        switch self {
        case .page: "WebPage"
        case .about: "AboutPage"
        case .contact: "ContactPage"
        }
    }
}
