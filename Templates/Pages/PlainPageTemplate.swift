import ContentModel

/// A page that is not health content (About, Contact, Privacy…): its title, text, sources and, when
/// it has one, its review.
public enum PlainPageTemplate {
    public static func render(_ page: PlainPage, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(page.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let lede: HTML = page.summary.map {
            "<p class=\"lede\" id=\"\(SectionAnchor.summary)\">\(CitationMarkup.render($0, numbering: &numbering))</p>\n"
        } ?? ""
        let bodyHTML = body(&numbering)
        let updated: HTML = page.updated.map { "<p class=\"meta\">\(strings.html(.updated, ["date": strings.time($0)]))</p>\n" } ?? ""
        let review: HTML = page.review.map { PageParts.reviewBox($0, graph: graph, linker: linker) } ?? ""
        let main: HTML = """
            <article class="plain-page">
            <header class="page-header">
            <h1>\(page.title)</h1>
            \(PageParts.draftBanner(page.draft, strings: strings))\(lede)\(updated)</header>
            \(PictureMarkup.pageFigure(page.image, graph: graph, linker: linker))\(review)<div class="prose">
            \(bodyHTML)</div>
            \(ArticlePage.sourcesNote(page.sources, references: references, strings: strings))\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: []))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = page.summary?.plain ?? page.title
        return Layout.render(PageHead(title: page.title, description: description, route: route, pageClass: "page-plain",
                                      structuredData: StructuredData.webPage(page, graph: graph, references: references,
                                                                             description: description),
                                      review: page.review, image: PictureMarkup.absoluteURL(page.image, graph: graph)), site: graph.site, main: main)
    }

    /// The home page's own text (`pages/index.md`), shown above its lists.
    public static func homeText(_ page: PlainPage, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let lede: HTML = page.summary.map {
            "<p class=\"lede\">\(CitationMarkup.render($0, numbering: &numbering))</p>\n"
        } ?? ""
        let linker = Linker(from: .home, site: graph.site)
        return """
            \(lede)<div class="prose home-text">
            \(body(&numbering))</div>
            \(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))
            """
    }
}
