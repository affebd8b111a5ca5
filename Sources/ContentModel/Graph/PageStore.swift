/// The pages of one kind, sorted by slug, with an index by slug.
public struct PageStore<Page: ContentPage>: Sendable {
    /// Sorted by slug, so everything derived from the graph is deterministic.
    public private(set) var all: [Page]
    private var index: [Slug: Int]

    init(_ pages: [Page]) {
        let sorted = pages.sorted { $0.slug < $1.slug }
        all = sorted
        index = Dictionary(sorted.indices.map { (sorted[$0].slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(slug: Slug) -> Page? { index[slug].map { all[$0] } }
    public func contains(_ slug: Slug) -> Bool { index[slug] != nil }
    func position(of slug: Slug) -> Int? { index[slug] }

    /// Adds a page without indexing it, while a ``PageStores`` is being grouped (then re-made sorted).
    fileprivate mutating func appendUnindexed(_ page: Page) { all.append(page) }

    /// Replaces the page with the same slug; false when there is none.
    mutating func replace(_ page: Page) -> Bool {
        guard let position = index[page.slug] else { return false }
        all[position] = page
        return true
    }
}

/// One store per kind. A new kind adds its store here and names it in its type's ``ContentPage/store``.
public struct PageStores: Sendable {
    public var conditions: PageStore<Condition>
    public var articles: PageStore<Article>
    public var exercises: PageStore<ExerciseCard>
    public var programs: PageStore<Program>
    public var experts: PageStore<Expert>
    public var plainPages: PageStore<PlainPage>

    /// Sorts each kind's pages into its store, through the store each page's type names.
    init(_ pages: [any ContentPage]) {
        var grouped = PageStores(conditions: [], articles: [], exercises: [], programs: [], experts: [], plainPages: [])
        func add<Page: ContentPage>(_ page: Page) { grouped[keyPath: Page.store].appendUnindexed(page) }
        for page in pages { add(page) }
        self.init(conditions: grouped.conditions.all, articles: grouped.articles.all, exercises: grouped.exercises.all,
                  programs: grouped.programs.all, experts: grouped.experts.all, plainPages: grouped.plainPages.all)
    }

    init(conditions: [Condition], articles: [Article], exercises: [ExerciseCard], programs: [Program],
         experts: [Expert], plainPages: [PlainPage]) {
        self.conditions = PageStore(conditions)
        self.articles = PageStore(articles)
        self.exercises = PageStore(exercises)
        self.programs = PageStore(programs)
        self.experts = PageStore(experts)
        self.plainPages = PageStore(plainPages)
    }

    /// Every page, by kind (in ``ContentKind``'s order) then slug.
    var allPages: [any ContentPage] {
        var pages: [any ContentPage] = []
        pages.reserveCapacity(conditions.all.count + articles.all.count + exercises.all.count + programs.all.count
                              + experts.all.count + plainPages.all.count)
        for kind in ContentKind.allCases { append(kind, to: &pages) }
        return pages
    }

    private func append(_ kind: ContentKind, to pages: inout [any ContentPage]) {
        switch kind {
        case .condition: pages.append(contentsOf: conditions.all as [any ContentPage])
        case .article: pages.append(contentsOf: articles.all as [any ContentPage])
        case .exercise: pages.append(contentsOf: exercises.all as [any ContentPage])
        case .program: pages.append(contentsOf: programs.all as [any ContentPage])
        case .expert: pages.append(contentsOf: experts.all as [any ContentPage])
        case .page: pages.append(contentsOf: plainPages.all as [any ContentPage])
        }
    }

    func page(_ ref: PageRef) -> (any ContentPage)? {
        switch ref.kind {
        case .condition: conditions[ref.slug]
        case .article: articles[ref.slug]
        case .exercise: exercises[ref.slug]
        case .program: programs[ref.slug]
        case .expert: experts[ref.slug]
        case .page: plainPages[ref.slug]
        }
    }

    func contains(_ ref: PageRef) -> Bool {
        switch ref.kind {
        case .condition: conditions.contains(ref.slug)
        case .article: articles.contains(ref.slug)
        case .exercise: exercises.contains(ref.slug)
        case .program: programs.contains(ref.slug)
        case .expert: experts.contains(ref.slug)
        case .page: plainPages.contains(ref.slug)
        }
    }
}
