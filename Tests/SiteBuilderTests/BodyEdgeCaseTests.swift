import Foundation
import SiteBuilder
import Testing

/// Body features meeting each other: citations in headings, cards embedded in cards, headings in
/// embedded cards. Each builds a small generated project in a temporary folder.
@Suite(.timeLimit(.minutes(1)))
struct BodyEdgeCaseTests {
    static let articleFrontMatter = """
        ---
        title: Host
        summary: A page that hosts things.
        conditions: [knee-pain]
        review:
          reviewer: jo-bloggs
          role: clinical
          date: 2026-01-10
        published: 2026-01-12
        ---

        """

    static func card(_ title: String, kind: String, body: String) -> String {
        """
        ---
        title: \(title)
        kind: \(kind)
        conditions: [knee-pain]
        review:
          reviewer: jo-bloggs
          role: clinical
          date: 2026-01-10
        ---
        \(body)
        """
    }

    static func build(_ files: [String: String]) throws -> (report: BuildReport, files: [String: Data]) {
        try withTemporaryFolder { temp in
            let project = try HostileInputTests.project(in: temp, adding: files)
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, output: output)
            return (report, FileTree.exists(output) ? try FileTree.read(output) : [:])
        }
    }

    /// Bug: a heading's id is made from its source text, citation brackets included, so
    /// `## Why it helps [@smith2019]` gets `id="why-it-helps-smith2019"` (and a link to `#why-it-helps`
    /// is reported broken). The search index also gets the raw `[@smith2019]`.
    @Test func headingWithACitationTakesItsIdFromTheWords() throws {
        let (report, files) = try Self.build([
            "Content/articles/host.md": Self.articleFrontMatter + """
                ## Why it helps [@smith2019]

                Text.

                """,
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let page = files.text("articles/host/index.html")
        // The citation itself renders inside the heading.
        #expect(page.contains("Why it helps<sup class=\"citation\"><a href=\"#ref-smith2019\" aria-label=\"Reference 1\">1</a></sup></h2>"))
        #expect(page.contains("<h2 id=\"why-it-helps\">"))
        #expect(!files.searchIndexText.contains("[@smith2019]"))
    }

    /// Bug: headings in an embedded card keep the ids they have on the card's own page, so a page
    /// embedding a card with `## Tips` that has its own `## Tips` holds `id="tips"` twice.
    @Test func embeddedCardHeadingsDoNotRepeatPageIds() throws {
        let (report, files) = try Self.build([
            "Content/articles/host.md": Self.articleFrontMatter + """
                ## Tips

                Text.

                ```exercise
                outer
                ```

                """,
            "Content/exercises/outer.md": Self.card("Outer", kind: "strength", body: """
                1. Outer step.

                ## Tips

                Keep going.

                """),
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let page = files.text("articles/host/index.html")
        #expect(page.contains("<li>Outer step.</li>"))
        #expect(page.occurrences(of: "id=\"tips\"") == 1)
    }

    /// Cards never embed cards: on a host page, the block inside an embedded card is left out; on the
    /// card's own page it is embedded.
    @Test func cardsInsideEmbeddedCardsAreNotNested() throws {
        let (report, files) = try Self.build([
            "Content/articles/host.md": Self.articleFrontMatter + """
                Text.

                ```exercise
                outer
                ```

                """,
            "Content/exercises/outer.md": Self.card("Outer", kind: "strength", body: """
                1. Outer step.

                ```exercise
                inner
                ```

                """),
            "Content/exercises/inner.md": Self.card("Inner", kind: "stretch", body: "1. Inner step.\n"),
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let host = files.text("articles/host/index.html")
        #expect(host.occurrences(of: "<aside class=\"card-embed\"") == 1)
        #expect(!host.contains("Inner step."))
        #expect(!host.contains("language-exercise"))
        let outer = files.text("exercises/outer/index.html")
        #expect(outer.contains("<aside class=\"card-embed\" aria-label=\"Exercise card: Inner\">"))
        #expect(outer.contains("<li>Inner step.</li>"))
    }

    /// A card that embeds itself, and an empty exercise block, neither loop nor fail.
    @Test func selfEmbeddingAndEmptyBlocks() throws {
        let (report, files) = try Self.build([
            "Content/exercises/selfish.md": Self.card("Selfish", kind: "strength", body: """
                1. The only step.

                ```exercise
                selfish
                ```

                ```exercise
                ```

                """),
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let card = files.text("exercises/selfish/index.html")
        #expect(card.occurrences(of: "<aside class=\"card-embed\"") == 1)
        #expect(!card.contains("language-exercise"))
    }

    /// Bodies are rendered once at load with slots for what each page decides. A link with a title
    /// inside a heading keeps both, and is pointed at its page both on the card's page and embedded.
    @Test func aTitledLinkInAHeadingIsFilledOnEveryPage() throws {
        let (report, files) = try Self.build([
            "Content/articles/host.md": Self.articleFrontMatter + """
                Text.

                ```exercise
                outer
                ```

                """,
            "Content/exercises/outer.md": Self.card("Outer", kind: "strength", body: """
                1. Outer step.

                ## See [the "host" page](../articles/host.md "Host & more") [@smith2019]

                """),
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let link = "<a href=\"../../articles/host/\" title=\"Host &amp; more\">the &quot;host&quot; page</a>"
        let card = files.text("exercises/outer/index.html")
        #expect(card.contains("<h2 id=\"see-the-host-page\">See \(link)<sup class=\"citation\">"))
        let host = files.text("articles/host/index.html")
        #expect(host.contains("<h4>See \(link)<sup class=\"citation\">"))
        #expect(!host.contains("\u{1}") && !card.contains("\u{1}"))
    }

    /// U+0001 marks slots in rendered bodies: written in a source, it becomes U+FFFD and cannot forge one.
    @Test func aControlCharacterCannotForgeASlot() throws {
        let (report, files) = try Self.build([
            "Content/articles/host.md": Self.articleFrontMatter + "Text \u{1}c0\u{1} and [@smith2019].\n",
        ])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let page = files.text("articles/host/index.html")
        #expect(page.contains("Text \u{FFFD}c0\u{FFFD} and<sup class=\"citation\">"))
        #expect(page.occurrences(of: "aria-label=\"Reference 1\"") == 1)
    }
}
