/// What every page of the graph has.
public protocol ContentPage: Sendable {
    static var kind: ContentKind { get }
    /// Where the graph keeps pages of this type.
    static var store: WritableKeyPath<PageStores, PageStore<Self>> { get }
    var slug: Slug { get }
    /// The file it was loaded from, relative to the project root.
    var file: String { get }
    /// The page's heading.
    var heading: String { get }
    var body: Body { get }
    /// Source documents the page was adapted from.
    var sources: [Located<CitationKey>] { get }
    /// `nil` for page kinds that are not reviewed (experts).
    var review: Review? { get }
    /// Everything the page cites, from front matter and body, in the order a reader meets it.
    var citedKeys: [Located<CitationKey>] { get }
    /// Old URL paths (`/conditions/sciatic-pain/`) that should redirect to this page.
    var aliases: [Located<String>] { get set }
    /// Lay words a reader might search for (`search-terms`), e.g. "slipped disc".
    var searchTerms: [String] { get set }
    /// The page's picture (`image`), if it has one.
    var image: PageImage? { get set }
    /// Every file in `Content/media/` the front matter names (`image`, a card's `images`), to be
    /// checked and counted as used like a body's references.
    var frontMatterMedia: [BodyMedia] { get }
    /// The page's prose for readability scores: its summary (if any) and its body's paragraphs.
    var readability: TextStatistics { get }
    /// False for a draft, or an article scheduled after `day`. A requirement rather than a cast to
    /// `Article`, which copies the page out: this is asked of every page of a site.
    func isPublished(asOf day: Day) -> Bool
    /// The conditions the page is about, and the experts it credits, as written: requirements, so
    /// checking every page's ids needs no cast (and copy) to its type.
    var linkedConditions: [Located<Slug>] { get }
    var creditedExperts: [Located<Slug>] { get }
    /// The experts the page credits, each with what they did (only articles credit any).
    var credits: [ExpertCredit] { get }
    /// What search indexes besides the title, headings, lay terms and body.
    var searchFields: SearchFields { get }
    /// The fields of this page that other pages and site-wide files (indexes, feed, sitemap, search,
    /// structured data) show, beyond what every page has (heading, headings, links, citations,
    /// review): an edit that leaves them alone changes only the page's own files.
    var listing: [String] { get }
    /// False for a page whose content is shown elsewhere rather than at its own address (the home
    /// page's text, `pages/index.md`).
    var hasOwnPage: Bool { get }
    /// When the page says it was last changed, if it says so.
    var updatedDay: Day? { get }
}

/// A page's words for search, beyond its title, headings, lay terms and body.
public struct SearchFields: Sendable {
    /// Other names the page goes by (a condition's synonyms).
    public var names: [String]
    /// Shown under the result's title.
    public var summary: String
    /// Indexed with the summary but not shown (body areas, equipment, phases…).
    public var about: [String]
    /// Text indexed and shown in snippets with the body (a condition's symptoms).
    public var text: [String]

    public init(names: [String] = [], summary: String = "", about: [String] = [], text: [String] = []) {
        self.names = names
        self.summary = summary
        self.about = about
        self.text = text
    }
}

extension ContentPage {
    public var ref: PageRef { PageRef(Self.kind, slug) }
    public func isPublished(asOf day: Day) -> Bool { true }
    public var linkedConditions: [Located<Slug>] { [] }
    public var creditedExperts: [Located<Slug>] { credits.map(\.expert) }
    public var credits: [ExpertCredit] { [] }
    public var hasOwnPage: Bool { true }
    public var frontMatterMedia: [BodyMedia] { image.map { [$0.reference] } ?? [] }
    public var updatedDay: Day? { nil }
}

func located(_ texts: [InlineText]) -> [Located<CitationKey>] {
    texts.flatMap { text in
        zip(text.citations.flatMap(\.items), text.keyLocations).map { item, location in Located(item.key, at: location) }
    }
}
