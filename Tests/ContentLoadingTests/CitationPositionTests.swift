import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// Citations in a body are reported where the writer typed them: file line (front matter counted
/// once) and the column of the '@', counted in Unicode scalars.
@Suite struct CitationPositionTests {
    static func page(frontMatterLines: Int, body: String) -> String {
        var fields = articleFields
        while fields.count < frontMatterLines { fields.append("# comment line \(fields.count)") }
        return article(fields, body: body)
    }

    static func citationPositions(_ text: String) throws -> [String] {
        let page = try #require(loadPage(text).page as? Article)
        return page.body.citations.map { "\($0.value):\(position($0.location))" }
    }

    @Test(arguments: [5, 6, 12])
    func lineCountsTheFrontMatterOnce(frontMatterLines: Int) throws {
        // Fences take two lines; the body starts after them.
        let text = Self.page(frontMatterLines: frontMatterLines, body: "Intro.\n\nWalking helps [@smith2018].\n")
        let bodyFirstLine = frontMatterLines + 3
        #expect(try Self.citationPositions(text) == ["smith2018:\(bodyFirstLine + 2):16"])
    }

    @Test(arguments: [
        // (line of body text, the column of '@')
        ("Walking helps [@k].", 16),
        ("Café helps [@k].", 13),                 // é: 2 bytes, 1 column
        ("Rest — then walk [@k].", 19),           // —: 3 bytes, 1 column
        ("Feel better 👍 [@k].", 16),             // 👍: 4 bytes, 1 column
        ("Très — bien 👍 é [@k].", 18),
        ("*Très* bien [@k].", 14),                // emphasis markers are in the source
        ("`code [@x]` then [@k].", 19),           // code spans are not searched
        ("[see @k, p. 3]", 6),
        ("[-@k]", 3),
    ])
    func columnIsTheAtSignCountedInScalars(line: String, column: Int) throws {
        let text = Self.page(frontMatterLines: 5, body: "First paragraph.\n\n" + line + "\n")
        // Body starts at line 8; the citation is on the body's third line.
        #expect(try Self.citationPositions(text) == ["k:10:\(column)"])
    }

    /// An entity or a backslash escape is longer in the source than in the text cmark hands over.
    /// cmark 0.30 delivers the whole run as one text node, so the single text piece is mapped from
    /// its start and every column after the entity or escape is short by the difference.
    @Test(arguments: [
        ("Tom &amp; Jerry [@k].", 18),   // "&amp;" is 5 source columns for 1 character of text
        ("A \\* star [@k].", 12),        // "\*" is 2 source columns for 1 character
        ("Caf&eacute; [@k].", 14),
    ])
    func columnAfterAnEntityOrEscape(line: String, column: Int) throws {
        let text = Self.page(frontMatterLines: 5, body: "First paragraph.\n\n" + line + "\n")
        let found = try Self.citationPositions(text)
        #expect(found == ["k:10:\(column)"])
    
    }

    @Test func severalCitationsOnSeveralLines() throws {
        let body = """
            Intro [@a].

            Café — 👍 walking helps [@smith2018] a lot.
            Second [see @b, p. 3; @c].

            ## Heading é [@d]

            - item — [@e]

            """
        let text = Self.page(frontMatterLines: 5, body: body)
        #expect(try Self.citationPositions(text) == [
            "a:8:8", "smith2018:10:25", "b:11:13", "c:11:23", "d:13:15", "e:15:11",
        ])
    }

    /// The same citation twice in a paragraph: each is reported where it is written, not both at the
    /// first.
    @Test func aRepeatedCitationIsFoundAtEachPlace() throws {
        let text = Self.page(frontMatterLines: 5, body: "Walk [@a] and rest [@a], then walk [@a; @b].\n")
        #expect(try Self.citationPositions(text) == ["a:8:7", "a:8:21", "a:8:37", "b:8:41"])
    }

    @Test func crlfFileGivesIdenticalPositions() throws {
        let body = "Intro [@a].\n\nCafé — 👍 walking helps [@smith2018] a lot.\nSecond [see @b, p. 3; @c].\n"
        let lf = Self.page(frontMatterLines: 6, body: body)
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let decoded = try SourceText.decode(Data(crlf.utf8), file: "Content/articles/page.md").get()
        #expect(decoded == lf)
        let expected = try Self.citationPositions(lf)
        #expect(expected == ["a:9:8", "smith2018:11:25", "b:12:13", "c:12:23"])
        #expect(try Self.citationPositions(decoded) == expected)
    }

    @Test func positionsWithAByteOrderMark() throws {
        let text = Self.page(frontMatterLines: 5, body: "Walking helps [@k].\n")
        let decoded = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), file: "Content/articles/page.md").get()
        #expect(try Self.citationPositions(decoded) == ["k:8:16"])
    }
}
