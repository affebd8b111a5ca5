/// The whole site as typed values, with every edge resolvable in both directions.
///
/// Built by the loader after validation; ids that do not resolve have already been reported, and
/// lookups here simply skip them. A class, because every template and render task shares one graph
/// and a struct of a dozen arrays cost a dozen reference-count operations per copy.
public final class ContentGraph: Sendable {
    public let site: SiteConfig
    /// Each kind's pages, sorted by slug.
    public let stores: PageStores
    public let bibliography: Bibliography
    public let sourceRecords: [SourceRecord]
    /// `seeds/synonyms.yml`: readers' words for the pages' names.
    public let searchSynonyms: SearchSynonyms

    public var conditions: [Condition] { stores.conditions.all }
    public var articles: [Article] { stores.articles.all }
    public var exercises: [ExerciseCard] { stores.exercises.all }
    public var programs: [Program] { stores.programs.all }
    public var experts: [Expert] { stores.experts.all }
    public var plainPages: [PlainPage] { stores.plainPages.all }
    /// The files in `Content/media/`, for the images and downloads bodies show.
    public let media: MediaLibrary


    private let pagesByCondition: [Slug: [PageRef]]
    private let pagesByExpert: [Slug: [PageRef]]
    private let pagesByCitation: [CitationKey: [PageRef]]
    private let embeddersByExercise: [Slug: [PageRef]]

    public convenience init(site: SiteConfig, pages: [any ContentPage], bibliography: Bibliography,
                            sourceRecords: [SourceRecord], searchSynonyms: SearchSynonyms = SearchSynonyms(),
                            media: MediaLibrary = .empty) {
        self.init(site: site, stores: PageStores(pages), bibliography: bibliography, sourceRecords: sourceRecords,
                  searchSynonyms: searchSynonyms, media: media)
    }

    public convenience init(site: SiteConfig, conditions: [Condition] = [], articles: [Article] = [],
                            exercises: [ExerciseCard] = [], programs: [Program] = [], experts: [Expert] = [],
                            plainPages: [PlainPage] = [], bibliography: Bibliography, sourceRecords: [SourceRecord] = [],
                            searchSynonyms: SearchSynonyms = SearchSynonyms(), media: MediaLibrary = .empty) {
        self.init(site: site, stores: PageStores(conditions: conditions, articles: articles, exercises: exercises,
                                                 programs: programs, experts: experts, plainPages: plainPages),
                  bibliography: bibliography, sourceRecords: sourceRecords, searchSynonyms: searchSynonyms, media: media)
    }

    private init(site: SiteConfig, stores: PageStores, bibliography: Bibliography, sourceRecords: [SourceRecord],
                 searchSynonyms: SearchSynonyms, media: MediaLibrary) {
        var site = site
        // Plain pages that name a menu join site.yml's items there, ordered by weight, then title.
        for page in stores.plainPages.all.sorted(by: { ($0.weight, $0.title) < ($1.weight, $1.title) }) {
            for menu in page.menus {
                site.menus.fromPages[menu, default: []].append(MenuItem(title: page.title, target: .page(page.ref, fragment: nil),
                                                                        weight: page.weight))
            }
        }
        self.site = site
        self.media = media
        self.stores = stores
        // Formatted once, in the style the site chose.
        self.bibliography = bibliography.styled(site.citationStyle)
        self.sourceRecords = sourceRecords
        self.searchSynonyms = searchSynonyms
        allPages = stores.allPages
        let edges = ReverseEdges(allPages)
        pagesByCondition = edges.byCondition
        pagesByExpert = edges.byExpert
        pagesByCitation = edges.byCitation
        embeddersByExercise = edges.embedders
    }

    private init(_ other: ContentGraph, stores: PageStores, allPages: [any ContentPage]) {
        site = other.site
        self.stores = stores
        self.allPages = allPages
        bibliography = other.bibliography
        sourceRecords = other.sourceRecords
        searchSynonyms = other.searchSynonyms
        media = other.media
        pagesByCondition = other.pagesByCondition
        pagesByExpert = other.pagesByExpert
        pagesByCitation = other.pagesByCitation
        embeddersByExercise = other.embeddersByExercise
    }

    /// This graph with some pages replaced by new versions of themselves, for a rebuild after an edit.
    ///
    /// Only valid when each new version points to the same pages, citations and cards as before (the
    /// caller compares them): then every index and reverse edge still holds and is shared, not rebuilt.
    /// Nil if a page is not in the graph.
    public func replacing(_ updated: [any ContentPage]) -> ContentGraph? {
        var stores = self.stores
        func replace<Page: ContentPage>(_ page: Page) -> Bool { stores[keyPath: Page.store].replace(page) }
        for page in updated {
            guard replace(page) else { return nil }
        }
        return ContentGraph(self, stores: stores, allPages: stores.allPages)
    }

    // MARK: Lookup by id

    public func condition(_ slug: Slug) -> Condition? { stores.conditions[slug] }
    public func article(_ slug: Slug) -> Article? { stores.articles[slug] }
    public func exercise(_ slug: Slug) -> ExerciseCard? { stores.exercises[slug] }
    public func program(_ slug: Slug) -> Program? { stores.programs[slug] }
    public func expert(_ slug: Slug) -> Expert? { stores.experts[slug] }
    public func plainPage(_ slug: Slug) -> PlainPage? { stores.plainPages[slug] }


    public func page(_ ref: PageRef) -> (any ContentPage)? { stores.page(ref) }

    /// Whether a page exists, without copying it out.
    public func contains(_ ref: PageRef) -> Bool { stores.contains(ref) }

    /// Every page, by kind then slug. Stored: boxing ten thousand pages into existentials on each
    /// call cost more than the checks that asked for them.
    public let allPages: [any ContentPage]

    // MARK: Edges in reverse

    /// Articles about a condition, newest first.
    /// Whether any article, exercise card or program is about the condition (without fetching them).
    public func hasContent(about condition: Slug) -> Bool {
        !(pagesByCondition[condition] ?? []).isEmpty
    }

    public func articles(about condition: Slug) -> [Article] {
        newestFirst(refs(pagesByCondition[condition], .article).compactMap { stores.articles.position(of: $0) })
    }

    /// Every article, newest first.
    public func articlesNewestFirst() -> [Article] { newestFirst(Array(stores.articles.all.indices)) }

    /// The articles at these places in the store, by last change, newest first; then by slug. Places
    /// are sorted, not articles: moving an article moves each of its fields.
    private func newestFirst(_ positions: [Int]) -> [Article] {
        let all = stores.articles.all
        return positions.sorted { a, b in
            all[a].lastChanged != all[b].lastChanged ? all[a].lastChanged > all[b].lastChanged : all[a].slug < all[b].slug
        }.map { all[$0] }
    }

    public func exercises(for condition: Slug) -> [ExerciseCard] {
        refs(pagesByCondition[condition], .exercise).compactMap(exercise)
    }

    public func programs(for condition: Slug) -> [Program] {
        refs(pagesByCondition[condition], .program).compactMap(program)
    }

    /// Experts credited on, or reviewers of, the condition's articles, cards and programs.
    public func experts(involvedIn condition: Slug) -> [Expert] {
        var slugs = Set<Slug>()
        for ref in pagesByCondition[condition] ?? [] {
            guard let page = page(ref) else { continue }
            if let reviewer = page.review?.completed?.reviewer.value { slugs.insert(reviewer) }
            slugs.formUnion(page.creditedExperts.map(\.value))
        }
        return slugs.sorted().compactMap(expert)
    }

    /// Pages an expert reviewed or is credited on.
    public func pages(involving expert: Slug) -> [PageRef] { pagesByExpert[expert] ?? [] }

    /// Pages that cite a reference (inline or as a source document).
    public func pages(citing key: CitationKey) -> [PageRef] { pagesByCitation[key] ?? [] }

    /// Pages that embed an exercise card.
    public func pages(embedding exercise: Slug) -> [PageRef] { embeddersByExercise[exercise] ?? [] }

    private func refs(_ list: [PageRef]?, _ kind: ContentKind) -> [Slug] {
        (list ?? []).filter { $0.kind == kind }.map(\.slug)
    }
}
