import ContentModel

/// The kinds of page `salve new` writes, each in its folder under `Content/`.
public enum NewPageKind: String, CaseIterable, Sendable {
    case condition, article, exercise, program, expert, page

    public var folder: String {
        switch self {
        case .condition: "conditions"
        case .article: "articles"
        case .exercise: "exercises"
        case .program: "programs"
        case .expert: "experts"
        case .page: "pages"
        }
    }

    /// Whether the page names the conditions it is about (a required key).
    public var needsCondition: Bool {
        switch self {
        case .article, .exercise, .program: true
        case .condition, .expert, .page: false
        }
    }
}

/// What a new page may point at: ids that exist in the site, so the page loads without errors.
public struct PageLinks: Sendable {
    /// A condition the page is about (articles, exercise cards, programs).
    public var condition: Slug?
    /// An expert credited as the article's author.
    public var expert: Slug?
    /// A bibliography key the placeholder text cites; without one, the text says how to cite.
    public var citation: String?
    /// An exercise card the article embeds.
    public var exercise: Slug?
    /// The day written as an article's `published` date.
    public var today: Day

    public init(condition: Slug? = nil, expert: Slug? = nil, citation: String? = nil, exercise: Slug? = nil, today: Day) {
        self.condition = condition
        self.expert = expert
        self.citation = citation
        self.exercise = exercise
        self.today = today
    }
}

/// The text of a new page of each kind: every required key and the common optional ones, with
/// placeholder text marked `TODO` (which `salve check` reports until it is replaced). Optional keys
/// whose values must name something real (sources, aliases, dosage numbers) are shown as comments,
/// never filled with made-up values. Comments that only explain never contain the marker.
public enum PageTemplates {
    public static func text(for kind: NewPageKind, links: PageLinks) -> String {
        switch kind {
        case .condition: condition(links)
        case .article: article(links)
        case .exercise: exercise(links)
        case .program: program(links)
        case .expert: expert()
        case .page: page()
        }
    }

    /// ` [@key]` after a placeholder claim, or nothing.
    private static func cite(_ links: PageLinks) -> String {
        links.citation.map { " [@\($0)]" } ?? ""
    }

    /// How to back a claim with a source, for a body paragraph.
    private static func howToCite(_ links: PageLinks) -> String {
        if let key = links.citation { return "Back each health claim with a source, like this [@\(key)]." }
        return "Back each health claim with a source: write `[@key]` with the source's id from `seeds/references.json`."
    }

    private static func conditionLines(_ links: PageLinks) -> String {
        "conditions:\n  - \(links.condition?.rawValue ?? "")\n"
    }

    private static let reviewLines = """
        # Say who reviewed the page only once the review has happened:
        #   review: {reviewer: an-expert-id, role: clinical, date: YYYY-MM-DD}
        review: pending

        """

    static let commonOptionalLines = """
        # sources: [key]        the documents this page was adapted from (ids in seeds/references.json)
        # search-terms: [words readers search with that the page does not use]
        # aliases: [/an-old-address/]
        # image: {src: ../media/a-picture.png, alt: "what the picture shows", credit: "who made it"}

        """

    /// A plain page needs no review, and may record one that happened.
    static let plainReviewLine = "# review: {reviewer: an-expert-id, role: editorial, date: YYYY-MM-DD}\n"

    static func condition(_ links: PageLinks) -> String {
        """
        ---
        name: "TODO: the condition's name"
        synonyms:
          - "TODO: another name people use for it"
        summary: "TODO: Say what the condition is in one or two short sentences\(cite(links))."
        symptoms:
          - "TODO: a symptom, in plain words\(cite(links))"
        seek-care:
          - "TODO: a sign that means the reader should see a doctor, as your source says\(cite(links))"
        \(commonOptionalLines)\(reviewLines)---
        TODO: Explain the condition and what helps. Use short sentences and everyday words.
        \(howToCite(links))

        """
    }

    static func article(_ links: PageLinks) -> String {
        let experts = links.expert.map { "experts:\n  - expert: \($0)\n    role: author\n" }
            ?? "# experts: [{expert: an-expert-id, role: author}]\n"
        let exercise = links.exercise.map { "\n## TODO: a heading\n\nTODO: Say when the exercise below can help.\n\n```exercise\n\($0)\n```\n" } ?? ""
        return """
            ---
            title: "TODO: the article's title"
            summary: "TODO: Say what the reader will learn, in one or two short sentences\(cite(links))."
            \(conditionLines(links))\(experts)\(reviewLines)published: \(links.today)
            # updated: \(links.today)
            # draft: true           keeps the article out of the site until you remove it
            \(commonOptionalLines)---
            TODO: Write the article. Use short sentences and everyday words.
            \(howToCite(links))
            \(exercise)
            """
    }

    static func exercise(_ links: PageLinks) -> String {
        """
        ---
        title: "TODO: the exercise's name"
        kind: stretch           # TODO: stretch, strength, aerobic, mobility, balance or cool-down
        \(conditionLines(links))body-areas:
          - "TODO: the part of the body it works"
        equipment:
          - "TODO: what the reader needs, or remove this key"
        difficulty: easy        # TODO: easy, moderate or hard
        # dosage: only numbers a source supports, each a number or a range such as 10-15
        #   hold-seconds: 30
        #   reps: 10
        #   sets: 2
        cautions:
          - "TODO: when to stop or take care, as your source says\(cite(links))"
        # images: the start and end positions, each with what it shows for screen readers
        #   - {src: ../media/exercises/start.png, alt: "what the picture shows", caption: Start}
        # video: {src: ../media/video/a-video.mp4, captions: ../media/video/a-video.vtt}   or   video: {youtube: its-id}
        \(commonOptionalLines)\(reviewLines)---
        TODO: Say in one or two sentences what the exercise is for.
        \(howToCite(links))

        1. TODO: the first step.
        2. TODO: the next step.

        """
    }

    static func program(_ links: PageLinks) -> String {
        """
        ---
        title: "TODO: the program's title"
        summary: "TODO: Say what the program is for and who it suits\(cite(links))."
        \(conditionLines(links))phases:
          - name: "TODO: the first phase's name"
            weeks: 1-2          # TODO: the weeks this phase lasts, such as 1-2 or 5+
            goal: "TODO: what this phase aims for"
            cues:
              - "TODO: a tip for doing it well"
            # minutes, per-day, per-week: only numbers a source supports, such as 10-15
            # terrain, pace, breathing: text
        mistakes:
          - title: "TODO: a common mistake"
            text: "TODO: why it sets people back, and what to do instead"
        pause-signals:
          - "TODO: a sign to stop and get advice\(cite(links))"
        \(commonOptionalLines)\(reviewLines)---
        TODO: Explain how to use the program. Use short sentences and everyday words.
        \(howToCite(links))

        """
    }

    static func expert() -> String {
        """
        ---
        name: "TODO: the person's name"
        credentials:
          - "TODO: a credential, such as PT"
        title: "TODO: their job, such as Physical therapist"
        affiliation: "TODO: where they work, or remove this line"
        ---
        TODO: A short bio. Say only what is known about the person.

        """
    }

    static func page() -> String {
        """
        ---
        title: "TODO: the page's title"
        summary: "TODO: one sentence on what the page is for"
        menu: footer            # header, footer or [header, footer]; remove the line to leave the page out of the menus
        # weight: 10            orders the menu: lower numbers first
        # page-type: about      page, about or contact: what the page tells search engines it is
        # updated: YYYY-MM-DD
        # draft: true           keeps the page out of the site until you remove it
        \(commonOptionalLines)\(plainReviewLine)---
        TODO: Write the page.

        """
    }
}
