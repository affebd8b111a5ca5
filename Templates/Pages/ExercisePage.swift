import ContentModel

public enum ExercisePage {
    /// The card's own page; it prints as a one-page handout.
    public static func render(_ card: ExerciseCard, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(card.ref)
        let linker = Linker(from: route, site: graph.site)
        var numbering = CitationNumbering()
        let steps = body(&numbering)
        let cautions = cautionList(card, numbering: &numbering)
        let conditions = card.conditions.compactMap { graph.condition($0.value) }
        let forConditions: [HTML] = conditions.map { "<a href=\"\(linker.href($0.ref))\">\($0.name)</a>" }
        let used = graph.pages(embedding: card.slug).compactMap { ref -> (title: String, href: String, note: String?)? in
            guard let heading = graph.heading(of: ref) else { return nil }
            return (heading, linker.href(ref), nil)
        }
        let usedIn: HTML = used.isEmpty ? "" :
            "<section class=\"used-in\" aria-labelledby=\"used-in-title\"><h2 id=\"used-in-title\">Found in</h2>\n\(PageParts.linkList(used))</section>\n"
        let cautionsSection: HTML = cautions.isEmpty ? "" : """
            <section id="\(SectionAnchor.cautions)" class="cautions" aria-labelledby="cautions-title">
            <h2 id="cautions-title">Take care</h2>
            \(cautions)</section>

            """
        let conditionLine: HTML = forConditions.isEmpty ? "" : "<p class=\"meta\">For: \(forConditions.joined(separator: ", "))</p>\n"
        let main: HTML = """
            <article class="exercise-card">
            <header class="page-header">
            <p class="kind">Exercise card · \(card.exerciseKind.singular)</p>
            <h1>\(card.title)</h1>
            \(conditionLine)</header>
            \(details(card))<section id="\(SectionAnchor.steps)" class="steps prose" aria-labelledby="steps-title">
            <h2 id="steps-title">How to do it</h2>
            \(steps)</section>
            \(dosage(card))\(cautionsSection)\(PageParts.reviewBox(card.pageReview, graph: graph, linker: linker))\(usedIn)\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: conditions.map { ($0.name, linker.href($0.ref, fragment: SectionAnchor.seekCare)) }))\(CitationMarkup.referenceList(numbering, references: references, linker: linker))</article>

            """
        let description = "How to do the \(card.title.lowercased()) exercise, step by step."
        let data = StructuredData.medicalWebPage(card, graph: graph, references: references, description: description,
                                                 mainEntity: StructuredData.exercisePlan(card, graph: graph))
        return Layout.render(PageHead(title: card.title, description: description, route: route,
                                      pageClass: "page-exercise", structuredData: data, openGraphType: "article",
                                      review: card.pageReview), site: graph.site, main: main)
    }

    /// The card inside another page (an `exercise` block), numbered into that page's references.
    public static func embed(_ card: ExerciseCard, linker: Linker, numbering: inout CitationNumbering,
                             body: BodyRenderer) -> HTML {
        let steps = body(&numbering)
        let cautions = cautionList(card, numbering: &numbering)
        let cautionsBlock: HTML = cautions.isEmpty ? "" : "<div class=\"cautions\"><p><strong>Take care</strong></p>\n\(cautions)</div>\n"
        return """
            <aside class="card-embed" aria-label="Exercise card: \(card.title)">
            <p class="kind">Exercise card · \(card.exerciseKind.singular)</p>
            <h3><a href="\(linker.href(card.ref))">\(card.title)</a></h3>
            <div class="steps">
            \(steps)</div>
            \(dosage(card, sectionID: nil))\(cautionsBlock)<p class="card-link"><a href="\(linker.href(card.ref))">Open the printable card for \(card.title)</a></p>
            </aside>

            """
    }

    static func details(_ card: ExerciseCard) -> HTML {
        PageParts.facts([
            ("Type", card.exerciseKind.singular),
            ("Difficulty", card.difficulty.map { $0.rawValue.capitalizedFirst } ?? ""),
            ("Body areas", card.bodyAreas.joined(separator: ", ")),
            ("Equipment", card.equipment.isEmpty ? "None" : card.equipment.joined(separator: ", ")),
        ])
    }

    /// `sectionID` is nil inside an embed: a page may embed several cards, and ids must stay unique.
    static func dosage(_ card: ExerciseCard, sectionID: String? = SectionAnchor.dosage) -> HTML {
        guard !card.dosage.isEmpty else { return .empty }
        let id: HTML = sectionID.map { " id=\"\($0)\"" } ?? ""
        return """
            <section\(id) class="dosage" aria-label="How much">
            \(PageParts.facts(card.dosage.lines.map { ($0.label, $0.value) }))</section>

            """
    }

    static func cautionList(_ card: ExerciseCard, numbering: inout CitationNumbering) -> HTML {
        guard !card.cautions.isEmpty else { return .empty }
        let items: [HTML] = card.cautions.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        return "<ul>\n\(items)</ul>\n"
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
