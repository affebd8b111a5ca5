public struct Condition: ContentPage {
    public static let kind = ContentKind.condition
    public static var store: WritableKeyPath<PageStores, PageStore<Condition>> { \.conditions }
    public var slug: Slug
    public var file: String
    public var name: String
    public var synonyms: [String]
    public var summary: InlineText
    public var symptoms: [InlineText]
    public var seekCare: [InlineText]
    public var sources: [Located<CitationKey>]
    public var pageReview: Review
    public var body: Body
    public var aliases: [Located<String>] = []
    public var searchTerms: [String] = []
    public var image: PageImage?

    public init(slug: Slug, file: String, name: String, synonyms: [String], summary: InlineText,
                symptoms: [InlineText], seekCare: [InlineText], sources: [Located<CitationKey>],
                review: Review, body: Body) {
        self.slug = slug
        self.file = file
        self.name = name
        self.synonyms = synonyms
        self.summary = summary
        self.symptoms = symptoms
        self.seekCare = seekCare
        self.sources = sources
        self.pageReview = review
        self.body = body
    }

    public var readability: TextStatistics { TextStatistics.measure(summary.plain) + body.prose }
    public var searchFields: SearchFields {
        SearchFields(names: synonyms, summary: summary.plain, text: symptoms.map(\.plain))
    }
    public var listing: [String] { [name, summary.text] + synonyms + symptoms.map(\.text) }
    public var heading: String { name }
    public var review: Review? { pageReview }
    public var citedKeys: [Located<CitationKey>] {
        located([summary]) + body.citations + located(symptoms) + located(seekCare)
    }
}
