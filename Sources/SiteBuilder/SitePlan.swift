import ContentModel
import Templates

/// Every file of the site, as routes and the functions that render them.
struct SitePlan {
    struct Entry {
        var file: String
        /// The file's UTF-8 bytes.
        var render: @Sendable () -> [UInt8]
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

        /// An article's page, from the article itself: through `any ContentPage` it was boxed, then
        /// copied out again, once for each of a site's thousands of articles.
        func render(article: Article) -> [UInt8] {
            ArticlePage.render(article, graph: graph, references: references, body: body(of: article)).bytes
        }

        /// A page of any kind, rendered by its kind's template.
        func render(_ page: any ContentPage) -> [UInt8] {
            render(page.ref)
        }

        func render(_ ref: PageRef) -> [UInt8] {
            let stores = graph.stores
            func page<Page: ContentPage>(_ store: PageStore<Page>, _ template: (Page, BodyRenderer) -> HTML) -> [UInt8] {
                guard let page = store[ref.slug] else { return [] }
                return template(page, body(of: page)).bytes
            }
            return switch ref.kind {
            case .condition: page(stores.conditions) { ConditionPage.render($0, graph: graph, references: references, body: $1) }
            case .article: page(stores.articles) { ArticlePage.render($0, graph: graph, references: references, body: $1) }
            case .exercise: page(stores.exercises) { ExercisePage.render($0, graph: graph, references: references, body: $1) }
            case .program: page(stores.programs) { ProgramPage.render($0, graph: graph, references: references, body: $1) }
            case .expert: page(stores.experts) { ExpertPage.render($0, graph: graph, references: references, body: $1) }
            case .page: page(stores.plainPages) { PlainPageTemplate.render($0, graph: graph, references: references, body: $1) }
            }
        }

        /// The home page, with its own text when `pages/index.md` exists.
        func home() -> [UInt8] {
            let text = graph.plainPage(Slug(PlainPage.homeSlug)!).map {
                PlainPageTemplate.homeText($0, graph: graph, references: references, body: body(of: $0))
            }
            return SitePages.home(graph: graph, text: text).bytes
        }

        private func body<Page: ContentPage>(of page: Page) -> BodyRenderer {
            let linker = Linker(from: .page(page.ref), site: graph.site)
            return { numbering in bodies.render(page.body, linker: linker, numbering: &numbering) }
        }
    }

    /// - Parameters:
    ///   - articles: false when the articles' pages (and search fragments) were written as they loaded
    ///     (``ArticlePageWriter``, the build's article stage, which names their fragments by rank
    ///     once every page is known).
    ///   - search: the index those articles' words were added to; the other pages are added from the graph.
    ///   - order: the graph's ``SearchOrder``, when already made.
    static func entries(for graph: ContentGraph, articles: Bool = true, search: SearchIndexBuilder = SearchIndexBuilder(),
                        order: SearchOrder? = nil) -> [Entry] {
        let renderer = PageRenderer(graph: graph)
        var entries: [Entry] = [
            Entry(file: Route.home.outputFile) { renderer.home() },
            Entry(file: Route.references.outputFile) { SitePages.references(graph: graph).bytes },
            Entry(file: Route.notFound.outputFile) { SitePages.notFound(graph: graph).bytes },
            Entry(file: "assets/" + Stylesheet.fileName) { Array(Stylesheet.css(for: graph.site.palette).utf8) },
            Entry(file: Route.search.outputFile) { Search.page(graph: graph).bytes },
            Entry(file: "assets/" + Search.scriptFile) { Array(SearchScript.source.utf8) },
            Entry(file: Route.sitemap.outputFile) { Array(SiteFeeds.sitemap(graph: graph).utf8) },
            Entry(file: Route.feed.outputFile) { Array(SiteFeeds.atom(graph: graph).utf8) },
            Entry(file: "robots.txt") { Array(SiteFeeds.robots(site: graph.site).utf8) },
        ]
        if let custom = graph.site.customCSS {
            entries.append(Entry(file: "assets/" + Stylesheet.customFileName) { Array(custom.text.utf8) })
        }
        let aliases = Redirects.aliases(graph: graph)
        if !aliases.isEmpty {
            entries.append(Entry(file: "_redirects") { Array(Redirects.redirectsFile(graph: graph).utf8) })
            for (alias, target) in aliases {
                entries.append(Entry(file: alias.outputFile) { Redirects.page(from: alias, to: target, graph: graph).bytes })
            }
        }
        for kind in ContentKind.allCases where kind.descriptor.hasIndex {
            entries.append(Entry(file: Route.index(kind).outputFile) { SitePages.index(kind, graph: graph).bytes })
        }
        let order = order ?? SearchOrder(graph: graph)
        for page in graph.allPages where articles || page.ref.kind != .article {
            // The home page's text is on the home page; it is still found by search.
            if page.hasOwnPage { entries.append(Entry(file: Route.page(page.ref).outputFile) { renderer.render(page) }) }
            if let fragment = order.fragmentFile(of: page.ref) {
                entries.append(Entry(file: fragment) { SearchDocument(page, graph: graph).fragment })
            }
        }
        // The index files' names depend only on the number of pages; the index is made once, by
        // whichever of them is rendered first.
        for file in Search.indexFiles(pageCount: graph.allPages.count) {
            entries.append(Entry(file: file) { search.files(graph: graph, order: order)[file] ?? [] })
        }
        return entries
    }
}
