import ContentModel
import Templates

/// Which output files can change when some pages change, as the content graph knows them.
///
/// A page shows its own content, the names of the pages it points to, and lists of the pages that
/// point to it; so a change reaches the page itself, its neighbours in both directions (before and
/// after the change), its kind's index, the home page and the references page.
///
/// Nothing here is derived from the templates: `IncrementalEqualsFullTests` changes every key of every
/// kind (generated from the fixture site and the README) and checks the result against a full build.
enum AffectedPages {
    /// True when every changed page still exists and shows others only what it showed before.
    static func onlyOwnContentChanged(_ changed: Set<PageRef>, old: ContentGraph, new: ContentGraph) -> Bool {
        changed.allSatisfy { ref in
            guard let before = old.page(ref), let after = new.page(ref) else { return false }
            return listing(before) == listing(after)
        }
    }

    /// A changed page's own file, and the pages embedding it when it is an exercise card; its search
    /// fragment and the search index, which hold the words of its text.
    /// - Parameter order: the graph's ``SearchOrder``, when already made.
    static func ownFiles(for changed: Set<PageRef>, in graph: ContentGraph, order: SearchOrder? = nil) -> Set<String> {
        var routes = Set<Route>()
        for ref in changed {
            routes.insert(.page(ref))
            if ref.kind == .exercise {
                for embedder in graph.pages(embedding: ref.slug) { routes.insert(.page(embedder)) }
            }
        }
        // Own content only: the title, hence the rank and the fragment's name, is unchanged.
        let order = order ?? SearchOrder(graph: graph)
        return Set(routes.map(\.outputFile)).union(changed.compactMap(order.fragmentFile(of:)))
            .union(Search.indexFiles(pageCount: graph.allPages.count))
    }

    /// Everything about a page that other pages or site-wide files (indexes, feed, sitemap, search,
    /// references, structured data) show: when it is unchanged, an edit stays on the page itself.
    static func listing(_ page: any ContentPage) -> [String] {
        var parts = [page.heading, page.file]
        parts += page.body.headings.map(\.title) + page.body.exerciseEmbeds.map(\.value.rawValue)
        parts += page.body.links.map { $0.target.description }
        parts += Set(page.citedKeys.map(\.value.rawValue)).sorted() + page.sources.map(\.value.rawValue)
        parts += page.aliases.map(\.value)
        // The site-wide synonym list's targets are checked against these (and titles, synonyms).
        parts += page.searchTerms
        // Index lists show the picture; og:image and structured data name it.
        if let image = page.image { parts += ["image", image.path, image.alt, image.credit ?? ""] }
        switch page.review {
        case .reviewed(let review)?: parts += [review.reviewer.value.rawValue, review.role.rawValue, review.date.iso, review.nextDue.iso]
        case .pending?: parts.append("pending")
        case nil: parts.append("-")
        }
        return parts + page.listing
    }

    static func files(for changed: Set<PageRef>, graphs: [ContentGraph]) -> Set<String> {
        var routes: Set<Route> = [.home, .references]
        for ref in changed {
            routes.insert(.page(ref))
            routes.insert(.index(ref.kind))
            for graph in graphs {
                for neighbour in neighbours(of: ref, in: graph) { routes.insert(.page(neighbour)) }
            }
        }
        return Set(routes.map(\.outputFile))
    }

    /// The pages whose search words can differ: the changed ones, and their neighbours, whose words
    /// hold the names of the conditions they are about.
    static func searchWords(for changed: Set<PageRef>, graphs: [ContentGraph]) -> Set<PageRef> {
        var result = changed
        for ref in changed {
            for graph in graphs { result.formUnion(neighbours(of: ref, in: graph)) }
        }
        return result
    }

    /// The search fragments to write again: each holds one page's own text and is named by its rank,
    /// so those of changed pages and of every rank that now holds another page.
    static func fragments(for changed: Set<PageRef>, order: SearchOrder, previous: SearchOrder?) -> Set<String> {
        let before = previous?.pages ?? []
        var files = Set<String>()
        for (rank, ref) in order.pages.enumerated() where rank >= before.count || before[rank] != ref || changed.contains(ref) {
            files.insert(Search.fragmentFile(rank: rank))
        }
        return files
    }

    static func neighbours(of ref: PageRef, in graph: ContentGraph) -> Set<PageRef> {
        guard let page = graph.page(ref) else { return [] }
        var result = Set<PageRef>()
        // Pages this one points to list it, or show its name.
        if let reviewer = page.review?.completed?.reviewer.value { result.insert(PageRef(.expert, reviewer)) }
        for embed in page.body.exerciseEmbeds { result.insert(PageRef(.exercise, embed.value)) }
        result.formUnion(page.linkedConditions.map { PageRef(.condition, $0.value) })
        result.formUnion(page.creditedExperts.map { PageRef(.expert, $0.value) })
        // Pages that point to this one show its name or embed its content.
        switch ref.kind {
        case .condition:
            result.formUnion(graph.articles(about: ref.slug).map(\.ref))
            result.formUnion(graph.exercises(for: ref.slug).map(\.ref))
            result.formUnion(graph.programs(for: ref.slug).map(\.ref))
        case .expert:
            // The pages naming the expert, and the condition pages listing the experts involved in
            // those pages ("Experts involved", two steps away).
            for involving in graph.pages(involving: ref.slug) {
                result.insert(involving)
                guard let page = graph.page(involving) else { continue }
                result.formUnion(page.linkedConditions.map { PageRef(.condition, $0.value) })
            }
        case .exercise:
            result.formUnion(graph.pages(embedding: ref.slug))
        case .article, .program, .page:
            break
        }
        return result
    }
}
