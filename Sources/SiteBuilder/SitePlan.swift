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
        let references = ReferenceTable(graph.bibliography)
        func body(_ page: any ContentPage) -> @Sendable () -> String {
            { () -> String in
                let linker = Linker(from: .page(page.ref), site: graph.site)
                let render: BodyRenderer = { numbering in bodies.render(page.body, linker: linker, numbering: &numbering) }
                switch page {
                case let condition as Condition: return ConditionPage.render(condition, graph: graph, references: references, body: render).markup
                case let article as Article: return ArticlePage.render(article, graph: graph, references: references, body: render).markup
                case let card as ExerciseCard: return ExercisePage.render(card, graph: graph, references: references, body: render).markup
                case let program as Program: return ProgramPage.render(program, graph: graph, references: references, body: render).markup
                case let expert as Expert: return ExpertPage.render(expert, graph: graph, references: references, body: render).markup
                default: return ""
                }
            }
        }
        var entries: [Entry] = [
            Entry(file: Route.home.outputFile) { SitePages.home(graph: graph).markup },
            Entry(file: Route.references.outputFile) { SitePages.references(graph: graph).markup },
            Entry(file: Route.notFound.outputFile) { SitePages.notFound(graph: graph).markup },
            Entry(file: "assets/" + Stylesheet.fileName) { Stylesheet.css },
            Entry(file: Route.search.outputFile) { Search.page(graph: graph).markup },
            Entry(file: Search.indexFile) { Search.index(graph: graph) },
            Entry(file: "assets/" + Search.scriptFile) { Search.script },
            Entry(file: Route.sitemap.outputFile) { SiteFeeds.sitemap(graph: graph) },
            Entry(file: Route.feed.outputFile) { SiteFeeds.atom(graph: graph) },
            Entry(file: "robots.txt") { SiteFeeds.robots(site: graph.site) },
        ]
        let aliases = Redirects.aliases(graph: graph)
        if !aliases.isEmpty {
            entries.append(Entry(file: "_redirects") { Redirects.redirectsFile(graph: graph) })
            for (alias, target) in aliases {
                entries.append(Entry(file: alias.outputFile) { Redirects.page(from: alias, to: target, graph: graph).markup })
            }
        }
        for kind in ContentKind.allCases {
            entries.append(Entry(file: Route.index(kind).outputFile) { SitePages.index(kind, graph: graph).markup })
        }
        for page in graph.allPages {
            entries.append(Entry(file: Route.page(page.ref).outputFile, render: body(page)))
        }
        return entries
    }
}
