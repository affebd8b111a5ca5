import ContentModel

public enum ProgramPage {
    public static func render(_ program: Program, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(program.ref)
        let linker = Linker(from: route, site: graph.site)
        var numbering = CitationNumbering()
        let summary = CitationMarkup.render(program.summary, numbering: &numbering)
        let bodyHTML = body(&numbering)
        let phases: [HTML] = program.phases.enumerated().map { index, phase in
            phaseHTML(phase, number: index + 1, numbering: &numbering)
        }
        let mistakes: [HTML] = program.mistakes.map {
            "<li><strong>\($0.title).</strong> \(CitationMarkup.render($0.text, numbering: &numbering))</li>\n"
        }
        let signals: [HTML] = program.pauseSignals.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let conditions = program.conditions.compactMap { graph.condition($0.value) }
        let mistakesSection: HTML = mistakes.isEmpty ? "" : """
            <section id="\(SectionAnchor.mistakes)" aria-labelledby="mistakes-title">
            <h2 id="mistakes-title">Mistakes to avoid</h2>
            <ul>
            \(mistakes)</ul>
            </section>

            """
        let signalsSection: HTML = signals.isEmpty ? "" : """
            <section id="\(SectionAnchor.pauseSignals)" class="seek-care" aria-labelledby="pause-title">
            <h2 id="pause-title">When to pause and get advice</h2>
            <ul>
            \(signals)</ul>
            </section>

            """
        let main: HTML = """
            <article class="program">
            <header class="page-header">
            <p class="kind">Program</p>
            <h1>\(program.title)</h1>
            <p class="lede" id="\(SectionAnchor.summary)">\(summary)</p>
            </header>
            \(PageParts.reviewBox(program.pageReview, graph: graph, linker: linker))<div class="prose">
            \(bodyHTML)</div>
            <section id="\(SectionAnchor.phases)" aria-labelledby="phases-title">
            <h2 id="phases-title">The plan, phase by phase</h2>
            <ol class="phases">
            \(phases)</ol>
            </section>
            \(mistakesSection)\(signalsSection)\(ArticlePage.sourcesNote(program.sources, references: references))\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: conditions.map { ($0.name, linker.href($0.ref, fragment: SectionAnchor.seekCare)) }))\(CitationMarkup.referenceList(numbering, references: references, linker: linker))</article>

            """
        let description = program.summary.plain
        let data = StructuredData.medicalWebPage(program, graph: graph, references: references, description: description)
        return Layout.render(PageHead(title: program.title, description: description, route: route,
                                      pageClass: "page-program", structuredData: data, openGraphType: "article",
                                      review: program.pageReview), site: graph.site, main: main)
    }

    static func phaseHTML(_ phase: ProgramPhase, number: Int, numbering: inout CitationNumbering) -> HTML {
        var rows: [(String, HTML)] = [("When", .text(phase.weeksLabel))]
        if let minutes = phase.minutes { rows.append(("How long", .text("\(minutes) minutes a walk"))) }
        if let perDay = phase.perDay { rows.append(("How often", .text(perDay.isSingle && perDay.lower == 1 ? "Once a day" : "\(perDay) times a day"))) }
        if let perWeek = phase.perWeek { rows.append(("How often", .text("\(perWeek) days a week"))) }
        for (label, text) in [("Where", phase.terrain), ("Pace", phase.pace), ("Breathing", phase.breathing), ("Goal", phase.goal)] {
            if let text { rows.append((label, CitationMarkup.render(text, numbering: &numbering))) }
        }
        let facts: [HTML] = rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }
        let cues: [HTML] = phase.cues.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let cueList: HTML = cues.isEmpty ? "" : "<p><strong>Form cues</strong></p>\n<ul>\n\(cues)</ul>\n"
        return """
            <li class="phase">
            <h3>Phase \(number): \(phase.name)</h3>
            <dl class="facts">\(facts)</dl>
            \(cueList)</li>

            """
    }
}
