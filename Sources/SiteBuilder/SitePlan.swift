import ContentModel
import Templates

/// Every file of the site, as routes and the functions that render them.
struct SitePlan {
    struct Entry {
        var file: String
        var render: @Sendable () -> String
    }

    /// What rendering any page of one build needs, made once.
    struct PageRenderer: Sendable {
        let graph: ContentGraph
        let bodies: BodyHTMLRenderer
        let references: ReferenceTable

        init(graph: ContentGraph) {
            self.graph = graph
            bodies = BodyHTMLRenderer(graph: graph)
            references = ReferenceTable(graph.bibliography)
        }

        func render(_ page: any ContentPage) -> String {
            let linker = Linker(from: .page(page.ref), site: graph.site)
            let body: BodyRenderer = { numbering in bodies.render(page.body, linker: linker, numbering: &numbering) }
            switch page {
            case let condition as Condition: return ConditionPage.render(condition, graph: graph, references: references, body: body).markup
            case let article as Article: return ArticlePage.render(article, graph: graph, references: references, body: body).markup
            case let card as ExerciseCard: return ExercisePage.render(card, graph: graph, references: references, body: body).markup
            case let program as Program: return ProgramPage.render(program, graph: graph, references: references, body: body).markup
            case let expert as Expert: return ExpertPage.render(expert, graph: graph, references: references, body: body).markup
            default: return ""
            }
        }
    }

    /// - Parameter articles: false when the articles' pages were written as they loaded (``ArticleSink``).
    static func entries(for graph: ContentGraph, articles: Bool = true) -> [Entry] {
        let renderer = PageRenderer(graph: graph)
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
        for page in graph.allPages where articles || page.ref.kind != .article {
            entries.append(Entry(file: Route.page(page.ref).outputFile) { renderer.render(page) })
        }
        return entries
    }
}
