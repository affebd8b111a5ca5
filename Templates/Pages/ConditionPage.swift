import ContentModel

public enum ConditionPage {
    public static func render(_ condition: Condition, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(condition.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let summary = CitationMarkup.render(condition.summary, numbering: &numbering)
        let bodyHTML = body(&numbering)
        let symptoms: [HTML] = condition.symptoms.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let seekCare: [HTML] = condition.seekCare.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let synonyms: HTML = condition.synonyms.isEmpty ? "" :
            "<p class=\"synonyms\">\(strings(.alsoCalled, ["names": condition.synonyms.joined(separator: ", ")]))</p>\n"

        let articles = graph.articles(about: condition.slug).map {
            (title: $0.title, href: linker.href($0.ref), note: Optional($0.summary.plain))
        }
        let cards = graph.exercises(for: condition.slug)
        let groups = Dictionary(grouping: cards, by: \.exerciseKind).sorted { $0.key < $1.key }
        let cardGroups: [HTML] = groups.map { kind, cards in
            let links = cards.map { (title: $0.title, href: linker.href($0.ref), note: Optional<String>.none) }
            return "<h3>\(strings.plural(kind))</h3>\n\(PageParts.linkList(links))"
        }
        let programs = graph.programs(for: condition.slug).map {
            (title: $0.title, href: linker.href($0.ref), note: Optional($0.summary.plain))
        }
        let experts = graph.experts(involvedIn: condition.slug).map {
            (title: $0.heading, href: linker.href($0.ref), note: Optional($0.title))
        }

        func section(_ id: String, _ title: String, _ content: HTML) -> HTML {
            guard !content.isEmpty else { return .empty }
            return "<section id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n<h2 id=\"\(id)-title\">\(title)</h2>\n\(content)</section>\n"
        }
        let main: HTML = """
            <article class="condition">
            <header class="page-header">
            <p class="kind">\(strings[.condition])</p>
            <h1>\(condition.name)</h1>
            \(synonyms)<p class="lede" id="\(SectionAnchor.summary)">\(summary)</p>
            </header>
            \(PictureMarkup.pageFigure(condition.image, graph: graph, linker: linker))\(PageParts.reviewBox(condition.pageReview, graph: graph, linker: linker))<section id="\(SectionAnchor.overview)" class="prose" aria-label="\(strings[.overview])">
            \(bodyHTML)</section>
            \(section(SectionAnchor.symptoms, strings[.symptoms], "<ul>\n\(symptoms)</ul>\n"))<section class="seek-care" id="\(SectionAnchor.seekCare)" aria-labelledby="seek-care-title">
            <h2 id="seek-care-title">\(strings[.whenToSeekCare])</h2>
            <ul>
            \(seekCare)</ul>
            </section>
            \(section(SectionAnchor.articles, strings[.articles], PageParts.linkList(articles)))\(section(SectionAnchor.exercises, strings[.exercises], cardGroups.joined()))\(section(SectionAnchor.programs, strings[.programs], PageParts.linkList(programs)))\(section(SectionAnchor.experts, strings[.expertsInvolved], PageParts.linkList(experts)))\(ArticlePage.sourcesNote(condition.sources, references: references, strings: strings))\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: []))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = condition.summary.plain
        let data = StructuredData.medicalWebPage(condition, graph: graph, references: references, description: description,
                                                 mainEntity: StructuredData.medicalCondition(condition, graph: graph))
        return Layout.render(PageHead(title: condition.name, description: description, route: route,
                                      pageClass: "page-condition", structuredData: data, openGraphType: "article",
                                      review: condition.pageReview, image: PictureMarkup.absoluteURL(condition.image, graph: graph)), site: graph.site, main: main)
    }
}
