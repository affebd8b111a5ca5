import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// Pipe tables in bodies: GitHub's table examples (GFM spec 198–205) with Salve's accessible markup,
/// captions, cells' inline Markdown and citations, and the warnings for tables gone wrong.
@Suite struct PipeTableTests {
    static func analyze(_ markdown: String, firstLine: Int = 1, allowRawHTML: Bool = false) -> (Body, [Diagnostic]) {
        var analyzer = BodyAnalyzer(file: "Content/articles/page.md", folder: ["articles"], allowRawHTML: allowRawHTML)
        let body = analyzer.analyze(markdown: markdown, firstLine: firstLine)
        return (body, analyzer.diagnostics)
    }

    static func html(_ markdown: String) -> String { analyze(markdown).0.html.markup }

    /// GitHub's `<table>` inside Salve's scrolling region.
    static func region(_ table: String, label: String = "Table") -> String {
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(label)\" tabindex=\"0\">\n<table>\n" + table + "</table>\n</div>\n"
    }

    static func row(_ cells: [String], tag: String = "td") -> String {
        "<tr>\n" + cells.map { cell in
            let attributes = tag == "th" ? " scope=\"col\"" : ""
            if let split = cell.firstIndex(of: "^") {
                return "<\(tag)\(attributes) class=\"align-\(cell[..<split])\">\(cell[cell.index(after: split)...])</\(tag)>\n"
            }
            return "<\(tag)\(attributes)>\(cell)</\(tag)>\n"
        }.joined() + "</tr>\n"
    }

    static func head(_ cells: [String]) -> String { "<thead>\n" + row(cells, tag: "th") + "</thead>\n" }
    static func body(_ rows: [[String]]) -> String { "<tbody>\n" + rows.map { row($0) }.joined() + "</tbody>\n" }

    // MARK: GitHub's examples

    @Test func example198() {
        #expect(Self.html("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
            == Self.region(Self.head(["foo", "bar"]) + Self.body([["baz", "bim"]])))
    }

    @Test func example199AlignmentFromTheDelimiterRow() {
        #expect(Self.html("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
            == Self.region(Self.head(["center^abc", "right^defghi"]) + Self.body([["center^bar", "right^baz"]])))
        #expect(Self.html("a | b | c\n:-- | --- | :--:\n1 | 2 | 3\n")
            == Self.region(Self.head(["left^a", "b", "center^c"]) + Self.body([["left^1", "2", "center^3"]])))
    }

    @Test func example200EscapedPipesInCellsAndCodeSpans() {
        #expect(Self.html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n")
            == Self.region(Self.head(["f|oo"]) + Self.body([["b <code>|</code> az"], ["b <strong>|</strong> im"]])))
    }

    @Test func example201TableEndsAtABlockQuote() {
        #expect(Self.html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
            == Self.region(Self.head(["abc", "def"]) + Self.body([["bar", "baz"]])) + "<blockquote>\n<p>bar</p>\n</blockquote>\n")
    }

    @Test func example202TableEndsAtABlankLine() {
        #expect(Self.html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n")
            == Self.region(Self.head(["abc", "def"]) + Self.body([["bar", "baz"], ["bar", ""]])) + "<p>bar</p>\n")
    }

    @Test func example203HeaderAndDelimiterMustMatch() {
        let (body, diagnostics) = Self.analyze("| abc | def |\n| --- |\n| bar |\n", firstLine: 7)
        #expect(body.html.markup == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
        #expect(diagnostics.map(\.code) == [.tableSyntax])
        #expect(diagnostics.first.map { position($0.location) } == "8:1")
        #expect(diagnostics.first?.message.hasPrefix("the header row has 2 cells but the delimiter row under it has 1") == true)
    }

    @Test func example204RowsArePaddedAndCut() {
        let (body, diagnostics) = Self.analyze("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n")
        #expect(body.html.markup == Self.region(Self.head(["abc", "def"]) + Self.body([["bar", ""], ["bar", "baz"]])))
        // GitHub drops the third cell; Salve says so, at the cell.
        #expect(diagnostics.map(\.code) == [.tableCells])
        #expect(diagnostics.first.map { position($0.location) } == "4:15")
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.hasPrefix("this row has 3 cells but the table has 2 columns") == true)
    }

    @Test func example205HeaderOnly() {
        #expect(Self.html("| abc | def |\n| --- | --- |\n") == Self.region(Self.head(["abc", "def"])))
    }

    // MARK: Where tables are

    @Test func textBeforeTheHeaderStaysAParagraph() {
        #expect(Self.html("Before *it*:\n| a | b |\n|---|---|\n| 1 | 2 |\n")
            == "<p>Before <em>it</em>:</p>\n" + Self.region(Self.head(["a", "b"]) + Self.body([["1", "2"]])))
    }

    @Test func tablesInBlockQuotesAndListItems() {
        let table = Self.region(Self.head(["a", "b"]) + Self.body([["1", "2"]]))
        #expect(Self.html("> | a | b |\n> |---|---|\n>| 1 | 2 |\n") == "<blockquote>\n" + table + "</blockquote>\n")
        #expect(Self.html("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n")
            == "<ul>\n<li>\n<p>item</p>\n" + table + "</li>\n</ul>\n")
    }

    @Test func cellsAreInlineMarkdownOnly() {
        // Block syntax at the start of a cell is text, as on GitHub.
        #expect(Self.html("| # 1 | > 2 |\n|---|---|\n| 1. x | - y |\n")
            == Self.region(Self.head(["# 1", "&gt; 2"]) + Self.body([["1. x", "- y"]])))
        #expect(Self.html("| _a_ | <b>x</b> |\n|---|---|\n")
            == Self.region(Self.head(["<em>a</em>", "<!-- raw HTML omitted -->x<!-- raw HTML omitted -->"])))
        #expect(Self.analyze("| _a_ | <b>x</b> |\n|---|---|\n", allowRawHTML: true).0.html.markup
            == Self.region(Self.head(["<em>a</em>", "<b>x</b>"])))
    }

    @Test func aNewlineWrittenAsAnEntityStaysInItsCell() {
        #expect(Self.html("| a&#10;b | [@smith2018] |\n|---|---|\n")
            == Self.region(Self.head(["a\nb", BodyHTML.token(.citation("[@smith2018]"))])))
    }

    @Test func plainTextWithPipesIsNotATable() {
        let (body, diagnostics) = Self.analyze("Walk 10 | 20 minutes.\nRest a day.\n\nA | B\n")
        #expect(body.html.markup == "<p>Walk 10 | 20 minutes.\nRest a day.</p>\n<p>A | B</p>\n")
        #expect(diagnostics.isEmpty)
    }

    // MARK: Captions and names

    @Test func captionBeforeTheTable() {
        let table = Self.head(["Week", "Minutes"]) + Self.body([["1", "10"]])
        let expected = Self.region("<caption>Walking <em>plan</em></caption>\n" + table, label: "Walking plan")
        // As a paragraph of its own, or as the line right above the header.
        #expect(Self.html("Table: Walking *plan*\n\n| Week | Minutes |\n|---|---|\n| 1 | 10 |\n") == expected)
        #expect(Self.html("Table: Walking *plan*\n| Week | Minutes |\n|---|---|\n| 1 | 10 |\n") == expected)
    }

    @Test func captionAfterTheTable() {
        #expect(Self.html("## Plan\n\n| a |\n|---|\n\nTable: After.\n\nText.\n")
            == "<h2>Plan</h2>\n" .replacingOccurrences(of: "<h2>", with: BodyHTML.token(.headingOpen(0)))
                .replacingOccurrences(of: "</h2>", with: BodyHTML.token(.headingClose(0)))
            + Self.region("<caption>After.</caption>\n" + Self.head(["a"]), label: "After.") + "<p>Text.</p>\n")
    }

    @Test func aCaptionBetweenTwoTablesBelongsToTheSecond() {
        let html = Self.html("| a |\n|---|\n\nTable: Second\n\n| b |\n|---|\n")
        #expect(html == Self.region(Self.head(["a"])) + Self.region("<caption>Second</caption>\n" + Self.head(["b"]), label: "Second"))
    }

    @Test func withoutACaptionTheHeadingAboveNamesTheRegion() {
        let html = Self.html("## Week by week [@smith2018]\n\nIntro.\n\n| a |\n|---|\n")
        #expect(html.hasSuffix(Self.region(Self.head(["a"]), label: "Week by week")))
        #expect(!html.contains("<caption>"))
    }

    @Test func aTableCaptionLineAloneIsText() {
        #expect(Self.html("Table: nothing here.\n") == "<p>Table: nothing here.</p>\n")
    }

    // MARK: Citations and links in cells

    @Test func citationsAndLinksInCellsBecomeSlots() {
        let markdown = """
            Intro [@first].

            | Exercise | Evidence |
            |---|---|
            | [bridge](../exercises/glute-bridge.md) | Helps [@smith2018; @jones2020]. |
            | [NHS](https://www.nhs.uk/) | Table: [see @lee2021, p. 3] |

            """
        let (body, diagnostics) = Self.analyze(markdown, firstLine: 5)
        #expect(diagnostics.isEmpty)
        #expect(body.citations.map { "\($0.value)@\(position($0.location))" } == [
            "first@5:8", "smith2018@9:51", "jones2020@9:63", "lee2021@10:44",
        ])
        #expect(body.links.map { "\($0.target.slug)@\(position($0.location))" } == ["glute-bridge@9:3"])
        #expect(body.externalLinks.map(\.value) == ["https://www.nhs.uk/"])
        let html = body.html.markup
        #expect(html.contains("<td><a href=\"\(BodyHTML.token(.link(0)))\">bridge</a></td>"))
        #expect(html.contains("<td>Helps\(BodyHTML.token(.citation("[@smith2018; @jones2020]"))).</td>"))
        #expect(html.contains("<td>Table:\(BodyHTML.token(.citation("[see @lee2021, p. 3]")))</td>"))
    }

    @Test func referenceLinksInCellsUseTheBodysDefinitions() {
        let markdown = "| Source |\n|---|\n| [NHS][nhs] and [Mayo] |\n\n> [nhs]: https://www.nhs.uk/ \"NHS\"\n\n[mayo]: https://mayoclinic.org/\n"
        let (body, diagnostics) = Self.analyze(markdown)
        #expect(diagnostics.isEmpty)
        #expect(body.html.markup == Self.region(Self.head(["Source"]) + Self.body([[
            "<a href=\"https://www.nhs.uk/\" title=\"NHS\">NHS</a> and <a href=\"https://mayoclinic.org/\">Mayo</a>",
        ]])) + "<blockquote>\n</blockquote>\n")
        #expect(body.externalLinks.map(\.value) == ["https://www.nhs.uk/", "https://mayoclinic.org/"])
    }

    @Test func cellsAreNotProse() {
        let (withTable, _) = Self.analyze("One sentence here.\n\n| a b c | d e f |\n|---|---|\n| g h | i j |\n")
        let (without, _) = Self.analyze("One sentence here.\n")
        #expect(withTable.prose == without.prose)
    }

    @Test func checkingOnlyStillFindsCitationsInCells() {
        var analyzer = BodyAnalyzer(file: "Content/articles/page.md", folder: ["articles"], allowRawHTML: false, render: false)
        let body = analyzer.analyze(markdown: "| a |\n|---|\n| x [@smith2018] |\n", firstLine: 1)
        #expect(body.citations.map(\.value) == [key("smith2018")])
        #expect(body.html.isEmpty)
    }

    // MARK: Warnings at their positions

    @Test func brokenDelimiterRowIsAWarningAtTheCell() {
        let (body, diagnostics) = Self.analyze("Intro.\n\n| Week | Dose |\n|------|--x-|\n| 1 | 2 |\n", firstLine: 3)
        #expect(body.html.markup.contains("<p>| Week | Dose |"))
        #expect(diagnostics.map(\.code) == [.tableSyntax])
        #expect(diagnostics.first.map { position($0.location) } == "6:9")
        #expect(diagnostics.first?.message.hasPrefix("'--x-' is not a column delimiter") == true)
    }

    @Test func missingDelimiterRowIsAWarning() {
        let (_, diagnostics) = Self.analyze("| Week | Dose |\n| 1 | 2 |\n")
        #expect(diagnostics.map(\.code) == [.tableSyntax])
        #expect(diagnostics.first.map { position($0.location) } == "2:1")
    }

    @Test func extraCellsAreReportedWithUnicodeColumns() {
        // Columns count characters: "é" and "—" are one each.
        let (_, diagnostics) = Self.analyze("| Étape | Durée |\n|---|---|\n| 1 — début | 10 | trop |\n> x\n", firstLine: 20)
        #expect(diagnostics.map { position($0.location) } == ["22:20"])
    }

    @Test func positionsInAFileWithCRLFLineEnds() throws {
        let lf = article(body: "\n| Week | Minutes |\n|---|---|\n| 1 — début | 10 [@smith2018] | x |\n")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let decoded = try SourceText.decode(Data(crlf.utf8), file: "Content/articles/page.md").get()
        for text in [lf, decoded] {
            let result = loadPage(text)
            #expect(result.errors.isEmpty, "\(result.diagnostics)")
            // Front matter: 7 lines; the body's blank line is 8, the header 9.
            #expect(result.positions(.tableCells) == ["11:33"])
            #expect(result.page?.body.citations.map { position($0.location) } == ["11:19"])
        }
    }

    @Test func aRuleRightUnderATableIsReported() {
        // CommonMark reads the rows and the `---` under them as a heading.
        let (_, diagnostics) = Self.analyze("## Plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n", firstLine: 4)
        #expect(diagnostics.filter { $0.code == .tableSyntax }.map { position($0.location) } == ["9:1"])
        let (_, clean) = Self.analyze("## Plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n")
        #expect(clean.isEmpty)
    }
}
