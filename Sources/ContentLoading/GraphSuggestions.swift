import ContentModel
import Diagnostics
import Foundation

/// Did-you-mean for the names a graph holds (citation keys, each kind's ids, each page's sections),
/// and each page's section ids. Every index is made the first time it is needed and then shared by
/// the checks of every page, which run on every core: a hundred links to one page's sections, or
/// thousands of unknown keys, cost one index each rather than one scan of the names per reference.
final class GraphSuggestions: @unchecked Sendable {
    private let graph: ContentGraph
    private let lock = NSLock()
    private var indexes: [String: SuggestionIndex] = [:]
    private var sections: [PageRef: Set<String>] = [:]

    init(_ graph: ContentGraph) {
        self.graph = graph
    }

    func belongs(to graph: ContentGraph) -> Bool { self.graph === graph }

    /// " — did you mean 'x'?" among the citation keys, or "".
    func citation(_ word: String) -> String {
        index("citations") { graph.bibliography.keys.map(\.rawValue) }.didYouMean(word)
    }

    /// " — did you mean 'x'?" among the ids of one kind's pages, or "".
    func page(_ word: String, kind: ContentKind) -> String {
        index("kind:\(kind.folder)") { graph.allPages.lazy.filter { $0.ref.kind == kind }.map(\.slug.rawValue) }.didYouMean(word)
    }

    /// The ids a link's `#fragment` may name on a page: its fixed sections and its headings.
    func sections(of ref: PageRef) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let known = sections[ref] { return known }
        let found = SectionAnchor.fixed(for: ref.kind).union(graph.page(ref)?.body.headings.map(\.anchor) ?? [])
        sections[ref] = found
        return found
    }

    /// " — did you mean '#x'?"-ready hint among a page's sections, or "".
    func section(_ fragment: String, of ref: PageRef) -> String {
        let anchors = sections(of: ref)
        return index("sections:\(ref)") { anchors.sorted() }.didYouMean(fragment)
    }

    private func index(_ name: String, _ candidates: () -> some Sequence<String>) -> SuggestionIndex {
        lock.lock()
        defer { lock.unlock() }
        if let known = indexes[name] { return known }
        let made = SuggestionIndex(candidates())
        indexes[name] = made
        return made
    }
}

/// Holds the suggestions of the graph a context last checked, for the page checks that share it.
final class SuggestionsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var current: GraphSuggestions?

    func suggestions(for graph: ContentGraph) -> GraphSuggestions {
        lock.lock()
        defer { lock.unlock() }
        if let current, current.belongs(to: graph) { return current }
        let made = GraphSuggestions(graph)
        current = made
        return made
    }
}
