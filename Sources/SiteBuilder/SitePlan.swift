import ContentModel
import Templates

/// Every file of the site, as routes and the functions that render them.
struct SitePlan {
    struct Entry {
        var file: String
        var render: @Sendable () -> String
    }

    static func entries(for graph: ContentGraph) -> [Entry] {
        let bodies = BodyHTMLRenderer(graph: graph)
        func body(_ page: any ContentPage) -> @Sendable () -> String {
            { () -> String in
                let linker = Linker(from: .page(page.ref), site: graph.site)
                let render: BodyRenderer = { numbering in bodies.render(page.body, linker: linker, numbering: &numbering) }
                switch page {
                case let condition as Condition: return ConditionPage.render(condition, graph: graph, body: render).markup
                case let article as Article: return ArticlePage.render(article, graph: graph, body: render).markup
                case let card as ExerciseCard: return ExercisePage.render(card, graph: graph, body: render).markup
                case let program as Program: return ProgramPage.render(program, graph: graph, body: render).markup
                case let expert as Expert: return ExpertPage.render(expert, graph: graph, body: render).markup
                default: return ""
                }
            }
        }
        var entries: [Entry] = [
            Entry(file: Route.home.outputFile) { SitePages.home(graph: graph).markup },
            Entry(file: Route.references.outputFile) { SitePages.references(graph: graph).markup },
            Entry(file: Route.notFound.outputFile) { SitePages.notFound(graph: graph).markup },
            Entry(file: "assets/" + Stylesheet.fileName) { Stylesheet.css },
        ]
        for kind in ContentKind.allCases {
            entries.append(Entry(file: Route.index(kind).outputFile) { SitePages.index(kind, graph: graph).markup })
        }
        for page in graph.allPages {
            entries.append(Entry(file: Route.page(page.ref).outputFile, render: body(page)))
        }
        return entries
    }
}
