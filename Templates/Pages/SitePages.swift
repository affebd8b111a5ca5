import ContentModel

/// The pages that list others: home, one index per kind, the references page and the 404 page.
public enum SitePages {
    /// - Parameter text: the home page's own text (`pages/index.md`), rendered; otherwise the site's
    ///   description.
    public static func home(graph: ContentGraph, text: HTML? = nil) -> HTML {
        let linker = Linker(from: .home, site: graph.site)
        let strings = graph.site.strings
        let conditions = graph.conditions.map { (title: $0.name, href: linker.href($0.ref), note: Optional($0.summary.plain)) }
        let articles = graph.articlesNewestFirst().prefix(10).map {
            (title: $0.title, href: linker.href($0.ref), note: Optional($0.summary.plain))
        }
        let intro: HTML = text ?? graph.site.description.map { "<p class=\"lede\">\($0)</p>\n" } ?? ""
        let main: HTML = """
            <header class="page-header">
            <h1>\(graph.site.title)</h1>
            \(intro)</header>
            <section aria-labelledby="conditions-title">
            <h2 id="conditions-title">\(strings[.conditions])</h2>
            \(PageParts.linkList(conditions, class: "card-list"))</section>
            <section aria-labelledby="latest-title">
            <h2 id="latest-title">\(strings[.latestArticles])</h2>
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
        let strings = graph.site.strings
        let title: String
        var body = HTML.empty
        switch kind {
        case .condition:
            title = strings[.conditions]
            body = PageParts.linkList(graph.conditions.map { ($0.name, linker.href($0.ref), Optional($0.summary.plain)) },
                                      thumbs: graph.conditions.map { PictureMarkup.thumbnail($0.image, graph: graph, linker: linker) }, class: "card-list")
        case .article:
            title = strings[.articles]
            body = PageParts.linkList(graph.articles.map { ($0.title, linker.href($0.ref), Optional($0.summary.plain)) },
                                      thumbs: graph.articles.map { PictureMarkup.thumbnail($0.image, graph: graph, linker: linker) },
                                      class: "card-list")
        case .exercise:
            title = strings[.exerciseCards]
            let groups = Dictionary(grouping: graph.exercises, by: \.exerciseKind).sorted { $0.key < $1.key }
            body = groups.map { kind, cards -> HTML in
                "<section aria-labelledby=\"kind-\(kind.rawValue)\"><h2 id=\"kind-\(kind.rawValue)\">\(strings.plural(kind))</h2>\n\(PageParts.linkList(cards.map { ($0.title, linker.href($0.ref), nil) }, thumbs: cards.map { PictureMarkup.thumbnail($0.image, graph: graph, linker: linker) }))</section>\n"
            }.joined()
        case .program:
            title = strings[.programs]
            body = PageParts.linkList(graph.programs.map { ($0.title, linker.href($0.ref), Optional($0.summary.plain)) },
                                      thumbs: graph.programs.map { PictureMarkup.thumbnail($0.image, graph: graph, linker: linker) }, class: "card-list")
        case .expert:
            title = strings[.experts]
            body = PageParts.linkList(graph.experts.map { ($0.heading, linker.href($0.ref), Optional($0.title)) },
                                      thumbs: graph.experts.map { PictureMarkup.thumbnail($0.image, graph: graph, linker: linker) })
        case .page:
            // Plain pages have no index of their own (``KindDescriptor/hasIndex``); listed, they read so.
            title = strings[.pages]
            body = PageParts.linkList(graph.plainPages.filter(\.hasOwnPage).map { ($0.title, linker.href($0.ref), $0.summary?.plain) })
        }
        if body.isEmpty { body = "<p>\(strings[.nothingYet])</p>\n" }
        let main: HTML = """
            <header class="page-header">
            <h1>\(title)</h1>
            </header>
            \(body)
            """
        let description = strings(.indexDescription, ["title": title, "site": graph.site.title])
        return Layout.render(PageHead(title: title, description: description, route: route, pageClass: "page-index",
                                      structuredData: StructuredData.listPage(title: title, description: description,
                                                                              route: route, site: graph.site)),
                             site: graph.site, main: main)
    }

    /// Every bibliography entry, in AMA style, with the pages that cite it.
    public static func references(graph: ContentGraph) -> HTML {
        let strings = graph.site.strings
        var main: HTML = """
            <header class="page-header">
            <h1>\(strings[.references])</h1>
            <p class="lede">\(strings[.referencesLede])</p>
            </header>
            <ol class="reference-index">

            """
        appendReferenceIndex(graph: graph, to: &main)
        main += "</ol>\n"
        let description = strings(.referencesDescription, ["site": graph.site.title])
        return Layout.render(PageHead(title: strings[.references], description: description, route: .references,
                                      pageClass: "page-references",
                                      structuredData: StructuredData.listPage(title: strings[.references], description: description,
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
            guard let heading = graph.page(ref)?.heading else { return nil }
            let link: HTML = "<a href=\"\(linker.href(ref))\">\(heading)</a>"
            links[ref] = link
            return link
        }
        // Written once for every entry: "<br><span class="note">Cited on: "
        var citedOn: HTML = "<br><span class=\"note\">"
        citedOn.append(text: graph.site.strings[.citedOn] + " ")
        let entries = graph.bibliography.entries
        let citations = entries.reduce(0) { $0 + graph.pages(citing: $1.id).count }
        items.reserveCapacity(items.bytes.count + entries.count * 512 + citations * 96)
        for reference in entries {
            items += "<li id=\"\(CitationMarkup.anchor(for: reference.id))\">\(CitationMarkup.formattedReference(reference, style: graph.site.citationStyle))"
            var listed = false
            for ref in graph.pages(citing: reference.id) {
                guard let link = links[ref] ?? makeLink(ref) else { continue }
                if listed { items.append(", ") } else { items += citedOn }
                items += link
                listed = true
            }
            items.append(listed ? "</span></li>\n" : "</li>\n")
        }
    }

    public static func notFound(graph: ContentGraph) -> HTML {
        let linker = Linker(from: .notFound, site: graph.site)
        let strings = graph.site.strings
        let links = strings.html(.notFoundLinks, [
            "home": "<a href=\"\(linker.href(.home))\">\(strings[.goHome])</a>",
            "conditions": "<a href=\"\(linker.href(.index(.condition)))\">\(strings[.browseConditions])</a>",
        ])
        let main: HTML = """
            <header class="page-header">
            <h1>\(strings[.pageNotFound])</h1>
            </header>
            <p>\(strings[.notFoundText])</p>
            <p>\(links)</p>

            """
        return Layout.render(PageHead(title: strings[.pageNotFound], description: strings[.notFoundDescription],
                                      route: .notFound, pageClass: "page-404"), site: graph.site, main: main)
    }
}
