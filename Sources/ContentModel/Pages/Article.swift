public struct Article: ContentPage {
    public static let kind = ContentKind.article
    public static var store: WritableKeyPath<PageStores, PageStore<Article>> { \.articles }
    public var slug: Slug
    public var file: String
    public var title: String
    public var summary: InlineText
    public var conditions: [Located<Slug>]
    public var experts: [ExpertCredit]
    public var sources: [Located<CitationKey>]
    public var pageReview: Review
    public var published: Day
    public var updated: Day?
    public var draft: Bool
    public var body: Body
    public var aliases: [Located<String>] = []
    public var searchTerms: [String] = []
    public var image: PageImage?

    public init(slug: Slug, file: String, title: String, summary: InlineText, conditions: [Located<Slug>],
                experts: [ExpertCredit], sources: [Located<CitationKey>], review: Review, published: Day,
                updated: Day?, draft: Bool, body: Body) {
        self.slug = slug
        self.file = file
        self.title = title
        self.summary = summary
        self.conditions = conditions
        self.experts = experts
        self.sources = sources
        self.pageReview = review
        self.published = published
        self.updated = updated
        self.draft = draft
        self.body = body
    }

    public var readability: TextStatistics { TextStatistics.measure(summary.plain) + body.prose }
    public var searchFields: SearchFields { SearchFields(summary: summary.plain) }
    public var listing: [String] {
        [title, summary.text, published.iso, updated?.iso ?? "", "\(draft)"] + conditions.map(\.value.rawValue)
            + experts.map { "\($0.expert.value) \($0.role.rawValue)" }
    }
    public var heading: String { title }
    public var review: Review? { pageReview }
    public var citedKeys: [Located<CitationKey>] { located([summary]) + body.citations }
    public func isPublished(asOf day: Day) -> Bool { !draft && published <= day }
    public var linkedConditions: [Located<Slug>] { conditions }
    public var credits: [ExpertCredit] { experts }
    public var updatedDay: Day? { lastChanged }
    /// The most recent of published and updated.
    public var lastChanged: Day { max(published, updated ?? published) }
}
