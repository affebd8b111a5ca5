import ContentModel

/// The pages that list others: home, one index per kind, the references page and the 404 page.
public enum SitePages {
    /// - Parameter text: the home page's own text (`pages/index.md`), rendered; otherwise the site's
    ///   description.
    public static func home(graph: ContentGraph, text: HTML? = nil) -> HTML {
        let linker = Linker(from: .home, site: graph.site)
        let conditions = graph.conditions.map { (title: $0.name, href: linker.href($0.ref), note: Optional($0.summary.plain)) }
        let articles = graph.articleIndicesNewestFirst().prefix(10).map { index in
            (title: graph.articles[index].title, href: linker.href(graph.articles[index].ref),
             note: Optional(graph.articles[index].summary.plain))
        }
        let intro: HTML = text ?? graph.site.description.map { "<p class=\"lede\">\($0)</p>\n" } ?? ""
        let main: HTML = """
            <header class="page-header">
            <h1>\(graph.site.title)</h1>
            \(intro)</header>
            <section aria-labelledby="conditions-title">
            <h2 id="conditions-title">Conditions</h2>
            \(PageParts.linkList(conditions, class: "card-list"))</section>
            <section aria-labelledby="latest-title">
            <h2 id="latest-title">Latest articles</h2>
            \(PageParts.linkList(articles, class: "card-list"))</section>
            \(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: []))
            """
        let description = graph.site.description ?? graph.site.title
        return Layout.render(PageHead(title: graph.site.title, description: description, route: .home, pageClass: "page-home",
                                      structuredData: StructuredData.listPage(title: graph.site.title, description: description,
                                                                              route: .home, site: graph.site)),
                             site: graph.site, main: main)
    }

    public static func index(_ kind: ContentKind, graph: ContentGraph) -> HTML {
        let route = Route.index(kind)
        let linker = Linker(from: route, site: graph.site)
        let title: String
        var body = HTML.empty
        switch kind {
        case .condition:
            title = "Conditions"
            body = PageParts.linkList(graph.conditions.map { ($0.name, linker.href($0.ref), Optional($0.summary.plain)) }, class: "card-list")
        case .article:
            title = "Articles"
            // By index: mapping the articles themselves copies each one.
            body = PageParts.linkList(graph.articles.indices.map { index in
                (graph.articles[index].title, linker.href(graph.articles[index].ref), Optional(graph.articles[index].summary.plain))
            }, class: "card-list")
        case .exercise:
            title = "Exercise cards"
            let groups = Dictionary(grouping: graph.exercises, by: \.exerciseKind).sorted { $0.key < $1.key }
            body = groups.map { kind, cards -> HTML in
                "<section aria-labelledby=\"kind-\(kind.rawValue)\"><h2 id=\"kind-\(kind.rawValue)\">\(kind.label)</h2>\n\(PageParts.linkList(cards.map { ($0.title, linker.href($0.ref), nil) }))</section>\n"
            }.joined()
        case .program:
            title = "Programs"
            body = PageParts.linkList(graph.programs.map { ($0.title, linker.href($0.ref), Optional($0.summary.plain)) }, class: "card-list")
        case .expert:
            title = "Experts"
            body = PageParts.linkList(graph.experts.map { ($0.heading, linker.href($0.ref), Optional($0.title)) })
        case .page:
            // Plain pages have no index of their own (``KindDescriptor/hasIndex``); listed, they read so.
            title = "Pages"
            body = PageParts.linkList(graph.plainPages.filter(\.hasOwnPage).map { ($0.title, linker.href($0.ref), $0.summary?.plain) })
        }
        if body.isEmpty { body = "<p>Nothing here yet.</p>\n" }
        let main: HTML = """
            <header class="page-header">
            <h1>\(title)</h1>
            </header>
            \(body)
            """
        let description = "\(title) on \(graph.site.title)."
        return Layout.render(PageHead(title: title, description: description, route: route, pageClass: "page-index",
                                      structuredData: StructuredData.listPage(title: title, description: description,
                                                                              route: route, site: graph.site)),
                             site: graph.site, main: main)
    }

    /// Every bibliography entry, in AMA style, with the pages that cite it.
    public static func references(graph: ContentGraph) -> HTML {
        var main: HTML = """
            <header class="page-header">
            <h1>References</h1>
            <p class="lede">The sources behind the health information on this site.</p>
            </header>
            <ol class="reference-index">

            """
        appendReferenceIndex(graph: graph, to: &main)
        main += "</ol>\n"
        let description = "The sources behind \(graph.site.title)."
        return Layout.render(PageHead(title: "References", description: description, route: .references,
                                      pageClass: "page-references",
                                      structuredData: StructuredData.listPage(title: "References", description: description,
                                                                              route: .references, site: graph.site)),
                             site: graph.site, main: main)
    }

    /// Every entry and the pages citing it. On a large site this is the biggest page by far (each
    /// entry can list thousands of pages), so it is written straight into the page, into room made
    /// for it at the start: growing it, or joining it from parts, held two or three copies at once.
    private static func appendReferenceIndex(graph: ContentGraph, to items: inout HTML) {
        let linker = Linker(from: .references, site: graph.site)
        // Each page's link is made once and reused: a page citing twenty sources is listed twenty times.
        var links: [PageRef: HTML] = [:]
        func makeLink(_ ref: PageRef) -> HTML? {
            guard let heading = graph.heading(of: ref) else { return nil }
            let link: HTML = "<a href=\"\(linker.href(ref))\">\(heading)</a>"
            links[ref] = link
            return link
        }
        let entries = graph.bibliography.entries
        let citations = entries.reduce(0) { $0 + graph.pages(citing: $1.id).count }
        items.reserveCapacity(items.bytes.count + entries.count * 512 + citations * 96)
        for reference in entries {
            items += "<li id=\"\(CitationMarkup.anchor(for: reference.id))\">\(CitationMarkup.formattedReference(reference, style: graph.site.citationStyle))"
            var listed = false
            for ref in graph.pages(citing: reference.id) {
                guard let link = links[ref] ?? makeLink(ref) else { continue }
                items.append(listed ? ", " : "<br><span class=\"note\">Cited on: ")
                items += link
                listed = true
            }
            items.append(listed ? "</span></li>\n" : "</li>\n")
        }
    }

    public static func notFound(graph: ContentGraph) -> HTML {
        let linker = Linker(from: .notFound, site: graph.site)
        let main: HTML = """
            <header class="page-header">
            <h1>Page not found</h1>
            </header>
            <p>We could not find that page. It may have moved.</p>
            <p><a href="\(linker.href(.home))">Go to the home page</a> or <a href="\(linker.href(.index(.condition)))">browse conditions</a>.</p>

            """
        return Layout.render(PageHead(title: "Page not found", description: "This page could not be found.",
                                      route: .notFound, pageClass: "page-404"), site: graph.site, main: main)
    }
}
