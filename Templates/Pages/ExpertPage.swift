import ContentModel

public enum ExpertPage {
    public static func render(_ expert: Expert, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(expert.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let bio = body(&numbering)
        var reviewed: [(title: String, href: String, note: String?)] = []
        var credited: [(title: String, href: String, note: String?)] = []
        for ref in graph.pages(involving: expert.slug) {
            guard let page = graph.page(ref) else { continue }
            if let review = page.review?.completed, review.reviewer.value == expert.slug {
                reviewed.append((page.heading, linker.href(ref), "\(strings.label(review.role)), \(strings.date(review.date))"))
            }
            for credit in page.credits where credit.expert.value == expert.slug {
                credited.append((page.heading, linker.href(ref), strings.label(credit.role)))
            }
        }
        let reviewedHTML: HTML = reviewed.isEmpty
            ? "<p>\(strings(.notReviewed, ["name": expert.name]))</p>\n"
            : PageParts.linkList(reviewed)
        let creditedHTML: HTML = credited.isEmpty ? "" : """
            <section aria-labelledby="credited-title">
            <h2 id="credited-title">\(strings[.namedOn])</h2>
            \(PageParts.linkList(credited))</section>

            """
        let main: HTML = """
            <article class="expert">
            <header class="page-header">
            <p class="kind">\(strings[.expert])</p>
            <h1>\(expert.heading)</h1>
            <p class="lede" id="\(SectionAnchor.summary)">\(expert.title)\(expert.affiliation.map { ", \($0)" } ?? "")</p>
            </header>
            \(PictureMarkup.pageFigure(expert.image, graph: graph, linker: linker))<div class="prose">
            \(bio)</div>
            <section id="\(SectionAnchor.reviewed)" aria-labelledby="reviewed-title">
            <h2 id="reviewed-title">\(strings[.pagesReviewed])</h2>
            \(reviewedHTML)</section>
            \(creditedHTML)\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: []))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = "\(expert.heading), \(expert.title)."
        let data = StructuredData.medicalWebPage(expert, graph: graph, references: references, description: description,
                                                 mainEntity: StructuredData.person(expert, site: graph.site))
        return Layout.render(PageHead(title: expert.heading, description: description, route: route,
                                      pageClass: "page-expert", structuredData: data, openGraphType: "profile", image: PictureMarkup.absoluteURL(expert.image, graph: graph)),
                             site: graph.site, main: main)
    }
}
