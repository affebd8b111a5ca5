/// What every page of the graph has.
public protocol ContentPage: Sendable {
    static var kind: ContentKind { get }
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
    /// The page's prose for readability scores: its summary (if any) and its body's paragraphs.
    var readability: TextStatistics { get }
    /// False for a draft, or an article scheduled after `day`. A requirement rather than a cast to
    /// `Article`, which copies the page out: this is asked of every page of a site.
    func isPublished(asOf day: Day) -> Bool
    /// The conditions the page is about, and the experts it credits, as written: requirements, so
    /// checking every page's ids needs no cast (and copy) to its type.
    var linkedConditions: [Located<Slug>] { get }
    var creditedExperts: [Located<Slug>] { get }
}

extension ContentPage {
    public var ref: PageRef { PageRef(Self.kind, slug) }
    public func isPublished(asOf day: Day) -> Bool { true }
    public var linkedConditions: [Located<Slug>] { [] }
    public var creditedExperts: [Located<Slug>] { [] }
}

func located(_ texts: [InlineText]) -> [Located<CitationKey>] {
    texts.flatMap { text in
        zip(text.citations.flatMap(\.items), text.keyLocations).map { item, location in Located(item.key, at: location) }
    }
}
