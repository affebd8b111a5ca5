import ContentModel
import Templates

/// Which output files can change when some pages change, as the content graph knows them.
///
/// A page shows its own content, the names of the pages it points to, and lists of the pages that
/// point to it; so a change reaches the page itself, its neighbours in both directions (before and
/// after the change), its kind's index, the home page and the references page.
enum AffectedPages {
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

    static func neighbours(of ref: PageRef, in graph: ContentGraph) -> Set<PageRef> {
        guard let page = graph.page(ref) else { return [] }
        var result = Set<PageRef>()
        // Pages this one points to list it, or show its name.
        if let reviewer = page.review?.completed?.reviewer.value { result.insert(PageRef(.expert, reviewer)) }
        for embed in page.body.exerciseEmbeds { result.insert(PageRef(.exercise, embed.value)) }
        switch page {
        case let article as Article:
            result.formUnion(article.conditions.map { PageRef(.condition, $0.value) })
            result.formUnion(article.experts.map { PageRef(.expert, $0.expert.value) })
        case let card as ExerciseCard:
            result.formUnion(card.conditions.map { PageRef(.condition, $0.value) })
        case let program as Program:
            result.formUnion(program.conditions.map { PageRef(.condition, $0.value) })
        default:
            break
        }
        // Pages that point to this one show its name or embed its content.
        switch ref.kind {
        case .condition:
            result.formUnion(graph.articles(about: ref.slug).map(\.ref))
            result.formUnion(graph.exercises(for: ref.slug).map(\.ref))
            result.formUnion(graph.programs(for: ref.slug).map(\.ref))
        case .expert:
            result.formUnion(graph.pages(involving: ref.slug))
        case .exercise:
            result.formUnion(graph.pages(embedding: ref.slug))
        case .article, .program:
            break
        }
        return result
    }
}
