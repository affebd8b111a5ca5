import ContentModel

/// Renders a page body into HTML, numbering its citations into the page's list.
public typealias BodyRenderer = (inout CitationNumbering) -> HTML

public enum ArticlePage {
    public static func render(_ article: Article, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(article.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let summary = CitationMarkup.render(article.summary, numbering: &numbering)
        let bodyHTML = body(&numbering)
        let conditions = article.conditions.compactMap { graph.condition($0.value) }
        let about: [HTML] = conditions.map { "<a href=\"\(linker.href($0.ref))\">\($0.name)</a>" }
        var dates = strings.html(.published, ["date": strings.time(article.published)])
        if let updated = article.updated, updated != article.published {
            dates += " · \(strings.html(.updated, ["date": strings.time(updated)]))"
        }
        let aboutLine: HTML = about.isEmpty ? "" : " · \(strings.html(.about, ["conditions": about.joined(separator: ", ")]))"
        let main: HTML = """
            <article class="article">
            <header class="page-header">
            <p class="kind">\(strings[.article])</p>
            <h1>\(article.title)</h1>
            \(PageParts.draftBanner(article.draft, strings: strings))<p class="lede" id="\(SectionAnchor.summary)">\(summary)</p>
            <p class="meta">\(dates)\(aboutLine)</p>
            </header>
            \(PictureMarkup.pageFigure(article.image, graph: graph, linker: linker))\(PageParts.reviewBox(article.pageReview, graph: graph, linker: linker))<div class="prose">
            \(bodyHTML)</div>
            \(credits(article, graph: graph, linker: linker))\(sourcesNote(article.sources, references: references, strings: strings))\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: conditions.map { ($0.name, linker.href($0.ref, fragment: SectionAnchor.seekCare)) }))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = article.summary.plain
        let data = StructuredData.medicalWebPage(article, graph: graph, references: references, description: description)
        return Layout.render(PageHead(title: article.title, description: description, route: route,
                                      pageClass: "page-article", structuredData: data, openGraphType: "article",
                                      review: article.pageReview, image: PictureMarkup.absoluteURL(article.image, graph: graph)), site: graph.site, main: main)
    }

    /// The people credited, each with what they did — never more than the source says.
    static func credits(_ article: Article, graph: ContentGraph, linker: Linker) -> HTML {
        let rows: [HTML] = article.experts.compactMap { credit in
            guard let expert = graph.expert(credit.expert.value) else { return nil }
            return "<li><a href=\"\(linker.href(expert.ref))\">\(expert.heading)</a>, \(expert.title): \(graph.site.strings.label(credit.role))</li>\n"
        }
        guard !rows.isEmpty else { return .empty }
        return """
            <section class="credits" id="\(SectionAnchor.experts)" aria-labelledby="credits-title">
            <h2 id="credits-title">\(graph.site.strings[.peopleCredited])</h2>
            <ul>
            \(rows)</ul>
            </section>

            """
    }

    /// "Adapted from" — the source documents, linked to their entries on the references page.
    static func sourcesNote(_ sources: [Located<CitationKey>], references: ReferenceTable, strings: UIStrings) -> HTML {
        let items: [HTML] = sources.compactMap { source in
            guard let reference = references[source.value] else { return nil }
            return "<li>\(reference)</li>"
        }
        guard !items.isEmpty else { return .empty }
        return "<section class=\"adapted\" aria-label=\"\(strings[.adaptedFrom])\"><p>\(strings[.adaptedNote])</p><ul>\(items)</ul></section>\n"
    }
}
