/// The whole site as typed values, with every edge resolvable in both directions.
///
/// Built by the loader after validation; ids that do not resolve have already been reported, and
/// lookups here simply skip them. A class, because every template and render task shares one graph
/// and a struct of a dozen arrays cost a dozen reference-count operations per copy.
public final class ContentGraph: Sendable {
    public let site: SiteConfig
    /// Each kind sorted by slug, so everything derived from the graph is deterministic.
    public let conditions: [Condition]
    public let articles: [Article]
    public let exercises: [ExerciseCard]
    public let programs: [Program]
    public let experts: [Expert]
    public let bibliography: Bibliography
    public let sourceRecords: [SourceRecord]
    /// The files in `Content/media/`, for the images and downloads bodies show.
    public let media: MediaLibrary

    private let conditionIndex: [Slug: Int]
    private let articleIndex: [Slug: Int]
    /// Every page's heading, apart from the page: reading it through the page copied the whole page.
    private let headings: [PageRef: String]
    private let exerciseIndex: [Slug: Int]
    private let programIndex: [Slug: Int]
    private let expertIndex: [Slug: Int]

    private let pagesByCondition: [Slug: [PageRef]]
    private let pagesByExpert: [Slug: [PageRef]]
    private let pagesByCitation: [CitationKey: [PageRef]]
    private let embeddersByExercise: [Slug: [PageRef]]

    public init(site: SiteConfig, conditions: [Condition], articles: [Article], exercises: [ExerciseCard],
                programs: [Program], experts: [Expert], bibliography: Bibliography, sourceRecords: [SourceRecord],
                media: MediaLibrary = .empty) {
        self.site = site
        self.media = media
        self.conditions = conditions.sorted { $0.slug < $1.slug }
        self.articles = articles.sorted { $0.slug < $1.slug }
        self.exercises = exercises.sorted { $0.slug < $1.slug }
        self.programs = programs.sorted { $0.slug < $1.slug }
        self.experts = experts.sorted { $0.slug < $1.slug }
        // Formatted once, in the style the site chose.
        self.bibliography = bibliography.styled(site.citationStyle)
        self.sourceRecords = sourceRecords

        // Pages are read in place, by index, here and below: iterating an array of pages copies each.
        func index<P: ContentPage>(_ pages: [P]) -> [Slug: Int] {
            Dictionary(pages.indices.map { (pages[$0].slug, $0) }, uniquingKeysWith: { first, _ in first })
        }
        conditionIndex = index(self.conditions)
        articleIndex = index(self.articles)
        var headings: [PageRef: String] = [:]
        headings.reserveCapacity(self.conditions.count + self.articles.count + self.exercises.count
                                 + self.programs.count + self.experts.count)
        for index in self.conditions.indices { headings[self.conditions[index].ref] = self.conditions[index].name }
        for index in self.articles.indices { headings[self.articles[index].ref] = self.articles[index].title }
        for index in self.exercises.indices { headings[self.exercises[index].ref] = self.exercises[index].title }
        for index in self.programs.indices { headings[self.programs[index].ref] = self.programs[index].title }
        for index in self.experts.indices { headings[self.experts[index].ref] = self.experts[index].heading }
        self.headings = headings
        exerciseIndex = index(self.exercises)
        programIndex = index(self.programs)
        expertIndex = index(self.experts)

        allPages = self.conditions + self.articles + self.exercises + self.programs + self.experts
        let edges = ReverseEdges(allPages)
        pagesByCondition = edges.byCondition
        pagesByExpert = edges.byExpert
        pagesByCitation = edges.byCitation
        embeddersByExercise = edges.embedders
    }

    private init(_ other: ContentGraph, conditions: [Condition], articles: [Article], exercises: [ExerciseCard],
                 programs: [Program], experts: [Expert], allPages: [any ContentPage], headings: [PageRef: String]) {
        site = other.site
        self.headings = headings
        self.conditions = conditions
        self.articles = articles
        self.exercises = exercises
        self.programs = programs
        self.experts = experts
        self.allPages = allPages
        bibliography = other.bibliography
        sourceRecords = other.sourceRecords
        media = other.media
        conditionIndex = other.conditionIndex
        articleIndex = other.articleIndex
        exerciseIndex = other.exerciseIndex
        programIndex = other.programIndex
        expertIndex = other.expertIndex
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
        var conditions = self.conditions, articles = self.articles, exercises = self.exercises
        var programs = self.programs, experts = self.experts, allPages = self.allPages, headings = self.headings
        let offsets = [conditions.count, articles.count, exercises.count, programs.count]
        for page in updated {
            let position: Int
            switch page {
            case let condition as Condition:
                guard let index = conditionIndex[condition.slug] else { return nil }
                conditions[index] = condition
                position = index
            case let article as Article:
                guard let index = articleIndex[article.slug] else { return nil }
                articles[index] = article
                position = offsets[0] + index
            case let card as ExerciseCard:
                guard let index = exerciseIndex[card.slug] else { return nil }
                exercises[index] = card
                position = offsets[0] + offsets[1] + index
            case let program as Program:
                guard let index = programIndex[program.slug] else { return nil }
                programs[index] = program
                position = offsets[0] + offsets[1] + offsets[2] + index
            case let expert as Expert:
                guard let index = expertIndex[expert.slug] else { return nil }
                experts[index] = expert
                position = offsets.reduce(0, +) + index
            default:
                return nil
            }
            allPages[position] = page
            headings[page.ref] = page.heading
        }
        return ContentGraph(self, conditions: conditions, articles: articles, exercises: exercises, programs: programs,
                            experts: experts, allPages: allPages, headings: headings)
    }

    // MARK: Lookup by id

    public func condition(_ slug: Slug) -> Condition? { conditionIndex[slug].map { conditions[$0] } }
    public func article(_ slug: Slug) -> Article? { articleIndex[slug].map { articles[$0] } }
    public func exercise(_ slug: Slug) -> ExerciseCard? { exerciseIndex[slug].map { exercises[$0] } }
    public func program(_ slug: Slug) -> Program? { programIndex[slug].map { programs[$0] } }
    public func expert(_ slug: Slug) -> Expert? { expertIndex[slug].map { experts[$0] } }

    /// A page's heading, without copying the page into an existential as `page(_:)` does: pages
    /// that list thousands of others (the references page, a card's "Found in") ask this often.
    public func heading(of ref: PageRef) -> String? { headings[ref] }

    public func page(_ ref: PageRef) -> (any ContentPage)? {
        switch ref.kind {
        case .condition: condition(ref.slug)
        case .article: article(ref.slug)
        case .exercise: exercise(ref.slug)
        case .program: program(ref.slug)
        case .expert: expert(ref.slug)
        }
    }

    /// Whether a page exists, without copying it out.
    public func contains(_ ref: PageRef) -> Bool {
        switch ref.kind {
        case .condition: conditionIndex[ref.slug] != nil
        case .article: articleIndex[ref.slug] != nil
        case .exercise: exerciseIndex[ref.slug] != nil
        case .program: programIndex[ref.slug] != nil
        case .expert: expertIndex[ref.slug] != nil
        }
    }

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
        articleIndices(about: condition).map { articles[$0] }
    }

    /// The same articles as indices into `articles`. Templates that list many articles read them in
    /// place: copying an article copies each of its strings and lists, and a condition's page lists
    /// hundreds.
    public func articleIndices(about condition: Slug) -> [Int] {
        newestFirst(refs(pagesByCondition[condition], .article).compactMap { articleIndex[$0] })
    }

    /// Every article, newest first, as indices into `articles` (see ``articleIndices(about:)``).
    public func articleIndicesNewestFirst() -> [Int] {
        newestFirst(Array(articles.indices))
    }

    /// By last change, newest first; then by slug.
    private func newestFirst(_ indices: [Int]) -> [Int] {
        indices.sorted { a, b in
            let (first, second) = (articles[a].lastChanged, articles[b].lastChanged)
            return first != second ? first > second : articles[a].slug < articles[b].slug
        }
    }

    /// A page's review, read in place (`page(_:)` copies the page out).
    public func review(of ref: PageRef) -> Review? {
        switch ref.kind {
        case .condition: conditionIndex[ref.slug].map { conditions[$0].pageReview }
        case .article: articleIndex[ref.slug].map { articles[$0].pageReview }
        case .exercise: exerciseIndex[ref.slug].map { exercises[$0].pageReview }
        case .program: programIndex[ref.slug].map { programs[$0].pageReview }
        case .expert: nil
        }
    }

    /// The experts a page credits (only articles credit any), read in place.
    public func creditedExperts(of ref: PageRef) -> [ExpertCredit] {
        guard ref.kind == .article, let index = articleIndex[ref.slug] else { return [] }
        return articles[index].experts
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
            if let reviewer = review(of: ref)?.completed?.reviewer.value { slugs.insert(reviewer) }
            slugs.formUnion(creditedExperts(of: ref).map(\.expert.value))
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
