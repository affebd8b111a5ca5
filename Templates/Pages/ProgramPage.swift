import ContentModel

public enum ProgramPage {
    public static func render(_ program: Program, graph: ContentGraph, references: ReferenceTable, body: BodyRenderer) -> HTML {
        let route = Route.page(program.ref)
        let linker = Linker(from: route, site: graph.site)
        let strings = graph.site.strings
        var numbering = CitationNumbering(announcedAs: strings[.referenceNumber])
        let summary = CitationMarkup.render(program.summary, numbering: &numbering)
        let bodyHTML = body(&numbering)
        let phases: [HTML] = program.phases.enumerated().map { index, phase in
            phaseHTML(phase, number: index + 1, strings: strings, numbering: &numbering)
        }
        let mistakes: [HTML] = program.mistakes.map {
            "<li><strong>\($0.title).</strong> \(CitationMarkup.render($0.text, numbering: &numbering))</li>\n"
        }
        let signals: [HTML] = program.pauseSignals.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let conditions = program.conditions.compactMap { graph.condition($0.value) }
        let mistakesSection: HTML = mistakes.isEmpty ? "" : """
            <section id="\(SectionAnchor.mistakes)" aria-labelledby="mistakes-title">
            <h2 id="mistakes-title">\(strings[.mistakes])</h2>
            <ul>
            \(mistakes)</ul>
            </section>

            """
        let signalsSection: HTML = signals.isEmpty ? "" : """
            <section id="\(SectionAnchor.pauseSignals)" class="seek-care" aria-labelledby="pause-title">
            <h2 id="pause-title">\(strings[.pauseSignals])</h2>
            <ul>
            \(signals)</ul>
            </section>

            """
        let main: HTML = """
            <article class="program">
            <header class="page-header">
            <p class="kind">\(strings[.program])</p>
            <h1>\(program.title)</h1>
            <p class="lede" id="\(SectionAnchor.summary)">\(summary)</p>
            </header>
            \(PictureMarkup.pageFigure(program.image, graph: graph, linker: linker))\(PageParts.reviewBox(program.pageReview, graph: graph, linker: linker))<div class="prose">
            \(bodyHTML)</div>
            <section id="\(SectionAnchor.phases)" aria-labelledby="phases-title">
            <h2 id="phases-title">\(strings[.thePlan])</h2>
            <ol class="phases">
            \(phases)</ol>
            </section>
            \(mistakesSection)\(signalsSection)\(ArticlePage.sourcesNote(program.sources, references: references, strings: strings))\(PageParts.careAndDisclaimer(site: graph.site, seekCareLinks: conditions.map { ($0.name, linker.href($0.ref, fragment: SectionAnchor.seekCare)) }))\(CitationMarkup.referenceList(numbering, references: references, linker: linker, strings: strings))</article>

            """
        let description = program.summary.plain
        let data = StructuredData.medicalWebPage(program, graph: graph, references: references, description: description)
        return Layout.render(PageHead(title: program.title, description: description, route: route,
                                      pageClass: "page-program", structuredData: data, openGraphType: "article",
                                      review: program.pageReview, image: PictureMarkup.absoluteURL(program.image, graph: graph)), site: graph.site, main: main)
    }

    static func phaseHTML(_ phase: ProgramPhase, number: Int, strings: UIStrings, numbering: inout CitationNumbering) -> HTML {
        var rows: [(String, HTML)] = [(strings[.when], .text(strings.weeks(phase.weeks)))]
        if let minutes = phase.minutes {
            // The phase names its own activity ("walk", "session"); without one, just the minutes.
            let text = phase.activity.map { activity in
                strings(minutes.isSingle && minutes.lower == 1 ? .minutesPerActivityOne : .minutesPerActivityOther,
                        ["n": minutes.description, "activity": activity])
            } ?? strings.count(minutes, one: .minutesOne, other: .minutesOther)
            rows.append((strings[.howLong], .text(text)))
        }
        if let perDay = phase.perDay {
            rows.append((strings[.howOften], .text(perDay.isSingle && perDay.lower == 1 ? strings[.onceADay]
                                                    : strings.count(perDay, one: .timesADayOne, other: .timesADayOther))))
        }
        if let perWeek = phase.perWeek { rows.append((strings[.howOften], .text(strings.count(perWeek, one: .daysAWeekOne, other: .daysAWeekOther)))) }
        for (label, text) in [(strings[.where], phase.terrain), (strings[.pace], phase.pace), (strings[.breathing], phase.breathing), (strings[.goal], phase.goal)] {
            if let text { rows.append((label, CitationMarkup.render(text, numbering: &numbering))) }
        }
        let facts: [HTML] = rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }
        let cues: [HTML] = phase.cues.map { "<li>\(CitationMarkup.render($0, numbering: &numbering))</li>\n" }
        let cueList: HTML = cues.isEmpty ? "" : "<p><strong>\(strings[.formCues])</strong></p>\n<ul>\n\(cues)</ul>\n"
        return """
            <li class="phase">
            <h3>\(strings(.phase, ["number": String(number), "name": phase.name]))</h3>
            <dl class="facts">\(facts)</dl>
            \(cueList)</li>

            """
    }
}
