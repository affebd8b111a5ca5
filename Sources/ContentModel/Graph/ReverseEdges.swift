/// The graph's edges read backwards: which pages name a condition, an expert, a reference or a card.
///
/// Built from halves of the site on both cores and then joined: on a large site this was the
/// longest serial step of loading. Pages are added in order, so each list is in page order.
struct ReverseEdges: Sendable {
    var byCondition: [Slug: [PageRef]] = [:]
    var byExpert: [Slug: [PageRef]] = [:]
    var byCitation: [CitationKey: [PageRef]] = [:]
    var embedders: [Slug: [PageRef]] = [:]

    init(_ pages: [any ContentPage]) {
        let middle = pages.count / 2
        let halves = [0..<middle, middle..<pages.count].concurrentMap { range in
            var edges = ReverseEdges()
            for index in range { edges.add(pages[index]) }
            return edges
        }
        self = halves[0]
        append(halves[1])
    }

    private init() {}

    /// Each list gets the page once, however often the page names the same id.
    private mutating func add(_ page: some ContentPage) {
        let ref = page.ref
        // A page's citations are added together, so a repeat is the list's last element.
        func cites(_ key: CitationKey) {
            byCitation[key, default: []].appendUnlessLast(ref)
        }
        for key in page.citedKeys { cites(key.value) }
        for key in page.sources { cites(key.value) }
        for slug in Set(page.body.exerciseEmbeds.map(\.value)) { embedders[slug, default: []].append(ref) }
        var experts = Set(page.creditedExperts.map(\.value))
        if let reviewer = page.review?.completed?.reviewer.value { experts.insert(reviewer) }
        for expert in experts { byExpert[expert, default: []].append(ref) }
        for condition in Set(page.linkedConditions.map(\.value)) { byCondition[condition, default: []].append(ref) }
    }

    /// The later pages' edges after these.
    private mutating func append(_ later: ReverseEdges) {
        func join<Key>(_ own: inout [Key: [PageRef]], _ other: [Key: [PageRef]]) {
            for (key, refs) in other { own[key, default: []].append(contentsOf: refs) }
        }
        join(&byCondition, later.byCondition)
        join(&byExpert, later.byExpert)
        join(&byCitation, later.byCitation)
        join(&embedders, later.embedders)
    }
}

extension Array where Element: Equatable {
    fileprivate mutating func appendUnlessLast(_ element: Element) {
        if last != element { append(element) }
    }
}
