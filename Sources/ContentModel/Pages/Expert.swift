public struct Expert: ContentPage {
    public static let kind = ContentKind.expert
    public static var store: WritableKeyPath<PageStores, PageStore<Expert>> { \.experts }
    public var slug: Slug
    public var file: String
    public var name: String
    public var credentials: [String]
    public var title: String
    public var affiliation: String?
    public var body: Body
    public var aliases: [Located<String>] = []
    public var searchTerms: [String] = []
    public var image: PageImage?

    public init(slug: Slug, file: String, name: String, credentials: [String], title: String,
                affiliation: String?, body: Body) {
        self.slug = slug
        self.file = file
        self.name = name
        self.credentials = credentials
        self.title = title
        self.affiliation = affiliation
        self.body = body
    }

    public var searchFields: SearchFields {
        SearchFields(summary: title, about: credentials + (affiliation.map { [$0] } ?? []))
    }
    public var listing: [String] { [name, title, affiliation ?? ""] + credentials }
    /// "Keesha Vaughn, PT, DPT"
    public var readability: TextStatistics { body.prose }
    public var heading: String { ([name] + credentials).joined(separator: ", ") }
    public var sources: [Located<CitationKey>] { [] }
    public var review: Review? { nil }
    public var citedKeys: [Located<CitationKey>] { body.citations }
}
