import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

@Suite struct BibliographyLoaderTests {
    static let file = "seeds/references.json"

    static func load(_ text: String) -> (Bibliography, [Diagnostic]) {
        BibliographyLoader.load(text, file: file)
    }

    @Test func validEntries() throws {
        let text = """
            [
              {
                "id": "belavy2017",
                "type": "article-journal",
                "author": [{"family": "Belavý", "given": "D. L."}, {"literal": "The Study Group"}],
                "title": "Running exercise strengthens the intervertebral disc",
                "container-title": "Scientific Reports",
                "container-title-short": "Sci Rep",
                "volume": 7, "issue": "1", "number": "45975", "page": "1-10",
                "issued": {"date-parts": [[2017, 4, 19]]},
                "accessed": {"date-parts": [["2026", "11", "22"]]},
                "DOI": "10.1038/srep45975", "PMID": 28422125, "PMCID": "PMC5396190",
                "URL": "https://www.nature.com/articles/srep45975", "publisher": "Nature", "ISBN": "978-0",
                "note": "A note"
              },
              {"id": "clevelandclinic-sciatica-2020", "type": "webpage", "title": "Sciatica",
               "issued": {"date-parts": [[2020, 3]]}, "updated": {"raw": "2023-05-01"}}
            ]
            """
        let (bibliography, diagnostics) = Self.load(text)
        #expect(diagnostics.isEmpty)
        #expect(bibliography.keys.map(\.rawValue) == ["belavy2017", "clevelandclinic-sciatica-2020"])
        let belavy = try #require(bibliography[key("belavy2017")])
        #expect(belavy.type == "article-journal")
        #expect(belavy.authors == [CSLName(family: "Belavý", given: "D. L."), CSLName(literal: "The Study Group")])
        #expect(belavy.title == "Running exercise strengthens the intervertebral disc")
        #expect(belavy.containerTitle == "Scientific Reports")
        #expect(belavy.containerTitleShort == "Sci Rep")
        #expect(belavy.volume == "7")       // numbers and strings both read as text
        #expect(belavy.issue == "1")
        #expect(belavy.number == "45975")
        #expect(belavy.page == "1-10")
        #expect(belavy.issued == CSLDate(year: 2017, month: 4, day: 19))
        #expect(belavy.accessed == CSLDate(year: 2026, month: 11, day: 22))
        #expect(belavy.doi == "10.1038/srep45975")
        #expect(belavy.pmid == "28422125")
        #expect(belavy.pmcid == "PMC5396190")
        #expect(belavy.url == "https://www.nature.com/articles/srep45975")
        #expect(belavy.publisher == "Nature")
        #expect(belavy.isbn == "978-0")
        #expect(belavy.note == "A note")
        #expect(belavy.location == SourceLocation(file: Self.file, line: 2, column: 3))
        let cleveland = try #require(bibliography[key("clevelandclinic-sciatica-2020")])
        #expect(cleveland.issued == CSLDate(year: 2020, month: 3))
        #expect(cleveland.updated == CSLDate(year: 2023, month: 5, day: 1))
        #expect(cleveland.authors.isEmpty)
        #expect(cleveland.location == SourceLocation(file: Self.file, line: 16, column: 3))
    }

    @Test func journalAbbreviationIsTheShortTitleToo() {
        let (bibliography, _) = Self.load(#"[{"id": "a", "type": "article-journal", "journalAbbreviation": "Spine J"}]"#)
        #expect(bibliography[key("a")]?.containerTitleShort == "Spine J")
    }

    @Test(arguments: [
        (#"{"date-parts": [[2017]]}"#, CSLDate(year: 2017) as CSLDate?),
        (#"{"date-parts": [[2017, 4]]}"#, CSLDate(year: 2017, month: 4)),
        (#"{"date-parts": [[2017, 4, 6]]}"#, CSLDate(year: 2017, month: 4, day: 6)),
        (#"{"date-parts": [["2017", "04", "06"]]}"#, CSLDate(year: 2017, month: 4, day: 6)),
        (#"{"date-parts": [[2017, 4, 6], [2018, 1, 1]]}"#,
         CSLDate(year: 2017, month: 4, day: 6, end: CSLDate.Bound(year: 2018, month: 1, day: 1))),  // a range, both ends
        (#"{"raw": "2017-04-06"}"#, CSLDate(year: 2017, month: 4, day: 6)),
        (#"{"raw": "2017"}"#, CSLDate(year: 2017)),
        (#"{"date-parts": [[]]}"#, nil),
        (#"{"literal": "Spring 2017"}"#, CSLDate(year: 2017, literal: "Spring 2017")),
        (#""2017""#, CSLDate(year: 2017)),
    ])
    func dateParts(json: String, expected: CSLDate?) {
        let (bibliography, diagnostics) = Self.load(#"[{"id": "a", "type": "book", "issued": "# + json + "}]")
        #expect(diagnostics.isEmpty)
        #expect(bibliography[key("a")]?.issued == expected)
    }

    @Test func invalidJSONIsReportedWithLineAndColumn() throws {
        let text = "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\" \"type\": \"book\"}\n]\n"
        let (bibliography, diagnostics) = Self.load(text)
        #expect(bibliography.entries.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .invalidBibliography)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "the bibliography is not valid JSON: expected ',' or '}'")
        #expect(diagnostic.location == SourceLocation(file: Self.file, line: 3, column: 14))
    }

    @Test func invalidJSONAfterNonASCIIText() throws {
        let text = "[\n  {\"id\": \"a\", \"title\": \"Café — 👍\" x}\n]"
        let (_, diagnostics) = Self.load(text)
        #expect(diagnostics.map { position($0.location) } == ["2:35"])
    }

    @Test func notAList() {
        let (_, diagnostics) = Self.load("\n  {\"id\": \"a\"}")
        #expect(diagnostics.map(\.message) == ["the bibliography must be a JSON list ([ … ]) of CSL-JSON entries"])
        #expect(diagnostics.map { position($0.location) } == ["2:3"])
    }

    @Test func entryProblemsAreReportedAndTheRestLoads() {
        let text = """
            [
              {"type": "book", "title": "No id"},
              {"id": "no-type"},
              {"id": "empty-type", "type": ""},
              {"id": "bad id", "type": "book"},
              "just a string",
              {"id": "dup", "type": "book", "title": "First"},
              {"id": "dup", "type": "webpage", "title": "Second"},
              {"id": "ok", "type": "book"}
            ]
            """
        let (bibliography, diagnostics) = Self.load(text)
        #expect(bibliography.keys.map(\.rawValue) == ["dup", "ok"])
        #expect(bibliography[key("dup")]?.title == "First")
        #expect(diagnostics.map { "\(position($0.location)) \($0.code) \($0.message)" } == [
            "2:3 invalid-bibliography this bibliography entry has no 'id'; add one so pages can cite it",
            "3:3 invalid-bibliography the entry 'no-type' has no 'type' (such as article-journal or webpage)",
            "4:3 invalid-bibliography the entry 'empty-type' has no 'type' (such as article-journal or webpage)",
            "5:10 invalid-bibliography 'bad id' cannot be cited; an id starts and ends with a letter or digit and uses no spaces",
            "6:3 invalid-bibliography each bibliography entry must be a JSON object ({ … })",
            "8:10 duplicate-reference the id 'dup' is used twice in the bibliography (first at line 7)",
        ])
    }

    @Test func numericIdIsText() {
        let (bibliography, diagnostics) = Self.load(#"[{"id": 2017, "type": "book"}]"#)
        #expect(diagnostics.isEmpty)
        #expect(bibliography.keys.map(\.rawValue) == ["2017"])
    }

    @Test func emptyList() {
        let (bibliography, diagnostics) = Self.load("[]")
        #expect(bibliography.entries.isEmpty)
        #expect(diagnostics.isEmpty)
    }
}

@Suite struct JSONReaderTests {
    static func string(_ json: String) throws -> String? {
        try JSONReader.parse(json).string
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b""#, "a\"b"),
        (#""back\\slash""#, "back\\slash"),
        (#""a\/b""#, "a/b"),
        (#""line\nbreak\ttab\rcr""#, "line\nbreak\ttab\rcr"),
        (#""\b\f""#, "\u{08}\u{0C}"),
        (#""\u00e9\u2014""#, "é—"),
        (#""\u00E9""#, "é"),
        (#""\ud83d\ude00""#, "😀"),          // a surrogate pair is one scalar
        (#""x\uD83D\uDC4Dy""#, "x👍y"),
        (#""\ud83d""#, "\u{FFFD}"),          // a lone surrogate becomes U+FFFD
        (#""\ude00""#, "\u{FFFD}"),
        (#""Café — 👍""#, "Café — 👍"),
        (#""""#, ""),
    ])
    func stringEscapes(json: String, expected: String) throws {
        #expect(try Self.string(json) == expected)
    }

    /// A high surrogate followed by a `\u` escape that is not a low surrogate must not crash.
    @Test func highSurrogateFollowedByANonSurrogateEscape() {
        let node = try? JSONReader.parse(#"["\ud83d\u0041"]"#)
        #expect(node?.array?.first?.string == "\u{FFFD}A")
    }

    @Test func valuesAndTheirPositions() throws {
        let json = "{\n  \"title\": \"Café\", \"n\": -1.5e3,\n  \"list\": [true, false, null, 7],\n  \"empty\": {}\n}"
        let root = try JSONReader.parse(json)
        #expect((root.line, root.column) == (1, 1))
        #expect(root.keys == ["title", "n", "list", "empty"])
        let title = try #require(root["title"])
        #expect(title.string == "Café")
        #expect((title.line, title.column) == (2, 12))
        // "Café" is 4 scalars (5 bytes); the next value's column counts scalars.
        let n = try #require(root["n"])
        #expect((n.line, n.column) == (2, 25))
        #expect(n.scalarText == "-1.5e3")
        guard case .number(let value, _) = n.value else {
            Issue.record("expected a number")
            return
        }
        #expect(value == -1500)
        let list = try #require(root["list"]?.array)
        #expect(list.map(\.column) == [12, 18, 25, 31])
        #expect(list.map(\.line) == [3, 3, 3, 3])
        guard case .bool(true) = list[0].value, case .bool(false) = list[1].value, case .null = list[2].value else {
            Issue.record("expected true, false and null")
            return
        }
        #expect(list[3].scalarText == "7")
        #expect(list[0].scalarText == nil)
        #expect(root["empty"]?.keys == [])
        #expect(root["missing"] == nil)
        #expect(list[0]["x"] == nil)
    }

    @Test(arguments: [
        ("", "the JSON ends too early", 1, 1),
        ("[1, 2", "the JSON ends inside a list", 1, 6),
        ("{\"a\": 1", "the JSON ends inside an object", 1, 8),
        ("{\"a\" 1}", "expected ':' after the field name", 1, 6),
        ("{a: 1}", "expected a quoted field name", 1, 2),
        ("[1 2]", "expected ',' or ']'", 1, 4),
        ("[tru]", "unexpected word; expected true", 1, 2),
        ("[\"open\n\"]", "a string is not closed before the end of the line", 1, 7),
        ("\"never closed", "the JSON ends inside a string", 1, 14),
        ("[1] x", "unexpected text after the end of the JSON", 1, 5),
        ("[\"\\u12\"]", "invalid \\u escape", 1, 5),
        ("[@]", "unexpected character", 1, 2),
        ("[\n  \"é\", x]", "unexpected character", 2, 8),
    ])
    func syntaxErrors(json: String, message: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(json) }
        do {
            _ = try JSONReader.parse(json)
        } catch {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(json) }
    }
}
