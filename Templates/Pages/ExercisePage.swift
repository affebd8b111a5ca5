import ContentModel

public enum ExercisePage {
    /// The card's own page; it prints as a one-page handout.
    public static func render(_ card: ExerciseCard, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(card.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let steps = body(&numbering)
        let cautions = cautionList(card, numbering: &numbering)
        let conditions = card.conditions.compactMap { graph.condition($0.value) }
        let forConditions: [HTML] = conditions.map { "<a href=\"\(linker.href($0.ref))\">\($0.name)</a>" }
        let used = graph.pages(embedding: card.slug).compactMap { ref -> (title: String, href: String, note: String?)? in
            guard let heading = graph.page(ref)?.heading else { return nil }
            return (heading, linker.href(ref), nil)
        }
        let usedIn: HTML = used.isEmpty ? "" :
            "<section class=\"used-in\" aria-labelledby=\"used-in-title\"><h2 id=\"used-in-title\">\(strings[.foundIn])</h2>\n\(PageParts.linkList(used))</section>\n"
        let cautionsSection: HTML = cautions.isEmpty ? "" : """
            <section id="\(SectionAnchor.cautions)" class="cautions" aria-labelledby="cautions-title">
            <h2 id="cautions-title">\(strings[.takeCare])</h2>
            \(cautions)</section>

            """
        let conditionLine: HTML = forConditions.isEmpty ? "" : "<p class=\"meta\">\(strings.html(.forConditions, ["conditions": forConditions.joined(separator: ", ")]))</p>\n"
        let main: HTML = """
            <article class="exercise-card">
            <header class="page-header">
            <p class="kind">\(strings[.exerciseCard]) · \(strings.singular(card.exerciseKind))</p>
            <h1>\(card.title)</h1>
            \(conditionLine)</header>
            \(PictureMarkup.pageFigure(card.image, graph: graph, linker: linker))\(details(card, strings: strings))\(PictureMarkup.cardFigures(card.images, graph: graph, linker: linker))<section id="\(SectionAnchor.steps)" class="steps prose" aria-labelledby="steps-title">
            <h2 id="steps-title">\(strings[.howToDoIt])</h2>
            \(steps)</section>
            \(VideoMarkup.section(card, graph: graph, linker: linker))\(dosage(card, strings: strings))\(cautionsSection)\(PageParts.reviewBox(card.pageReview, graph: graph, linker: linker))\(usedIn)\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: conditions.map { ($0.name, linker.href($0.ref, fragment: SectionAnchor.seekCare)) }))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = strings(.exerciseDescription, ["exercise": card.title.lowercased()])
        let data = StructuredData.medicalWebPage(card, graph: graph, references: references, description: description,
                                                 mainEntity: StructuredData.exercisePlan(card, graph: graph))
        return Layout.render(PageHead(title: card.title, description: description, route: route,
                                      pageClass: "page-exercise", structuredData: data, openGraphType: "article",
                                      review: card.pageReview, image: PictureMarkup.absoluteURL(card.image, graph: graph)), site: graph.site, main: main)
    }

    /// The card inside another page (an `exercise` block), numbered into that page's references.
    /// - Parameter figures: the card's pictures (``PictureMarkup/cardFigures(_:graph:linker:lazy:)``),
    ///   shown before its steps as on the card's page.
    public static func embed(_ card: ExerciseCard, linker: Linker, strings: UIStrings, figures: HTML = .empty,
                             numbering: inout CitationNumbering, body: BodyRenderer) -> HTML {
        let steps = body(&numbering)
        let cautions = cautionList(card, numbering: &numbering)
        let cautionsBlock: HTML = cautions.isEmpty ? "" : "<div class=\"cautions\"><p><strong>\(strings[.takeCare])</strong></p>\n\(cautions)</div>\n"
        return """
            <aside class="card-embed" aria-label="\(strings[.exerciseCard]): \(card.title)">
            <p class="kind">\(strings[.exerciseCard]) · \(strings.singular(card.exerciseKind))</p>
            <h3><a href="\(linker.href(card.ref))">\(card.title)</a></h3>
            \(figures)<div class="steps">
            \(steps)</div>
            \(dosage(card, strings: strings, sectionID: nil))\(cautionsBlock)<p class="card-link"><a href="\(linker.href(card.ref))">\(strings(.openPrintableCard, ["exercise": card.title]))</a></p>
            </aside>

            """
    }

    static func details(_ card: ExerciseCard, strings: UIStrings) -> HTML {
        PageParts.facts([
            (strings[.type], strings.singular(card.exerciseKind)),
            (strings[.difficulty], card.difficulty.map(strings.label) ?? ""),
            (strings[.bodyAreas], card.bodyAreas.joined(separator: ", ")),
            (strings[.equipment], card.equipment.isEmpty ? strings[.noEquipment] : card.equipment.joined(separator: ", ")),
        ])
    }

    /// `sectionID` is nil inside an embed: a page may embed several cards, and ids must stay unique.
    static func dosage(_ card: ExerciseCard, strings: UIStrings, sectionID: String? = SectionAnchor.dosage) -> HTML {
        guard !card.dosage.isEmpty else { return .empty }
        let id: HTML = sectionID.map { " id=\"\($0)\"" } ?? ""
        return """
            <section\(id) class="dosage" aria-label="\(strings[.howMuch])">
            \(PageParts.facts(strings.lines(card.dosage).map { ($0.label, $0.value) }))</section>

            """
    }

    static func cautionList(_ card: ExerciseCard, numbering: inout CitationNumbering) -> HTML {
        guard !card.cautions.isEmpty else { return .empty }
        let items: [HTML] = card.cautions.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        return "<ul>\n\(items)</ul>\n"
    }
}
