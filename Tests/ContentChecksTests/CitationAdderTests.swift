@testable import LinkChecks
import ContentChecks
import Foundation
import TestSupport
import Testing

/// `salve cite add`'s parts: identifiers, entries from CSL-JSON and PubMed, keys, and appending to the file
/// in its own layout.
@Suite struct CitationAdderTests {
    static func data(_ name: String) -> Data { Data(MetadataTestServer.fixture(name).utf8) }

    @Test func identifiersAreReadInTheFormsPeoplePaste() {
        #expect(PaperIdentifier("10.1038/srep45975") == .doi("10.1038/srep45975"))
        #expect(PaperIdentifier("https://doi.org/10.1038/srep45975") == .doi("10.1038/srep45975"))
        #expect(PaperIdentifier("doi:10.1038/srep45975") == .doi("10.1038/srep45975"))
        #expect(PaperIdentifier("28422125") == .pmid("28422125"))
        #expect(PaperIdentifier("PMID: 28422125") == .pmid("28422125"))
        #expect(PaperIdentifier("belavy2017") == nil)
        #expect(PaperIdentifier("012345") == nil)
    }

    @Test func aResolversCSLBecomesALeanEntry() throws {
        let fields = try #require(CitationAdder.entry(fromCSL: Self.data("csl-srep45975.json")))
        #expect(fields.map(\.0) == ["type", "author", "title", "container-title", "container-title-short", "volume", "issue",
                                    "number", "issued", "publisher", "DOI"])
        let entry = JSONValue.object(fields).compact
        #expect(entry.contains(#""author": [{"family": "Belavý", "given": "Daniel L."}, {"family": "Quittner", "given": "Matthew J."}"#))
        #expect(entry.contains(#""issued": {"date-parts": [[2017, 4, 19]]}"#))
        #expect(entry.contains(#""number": "45975""#))
        #expect(!entry.contains("reference") && !entry.contains("affiliation") && !entry.contains("doi.org"))
        #expect(CitationAdder.key(for: fields, taken: []) == "belavy2017")
        #expect(CitationAdder.key(for: fields, taken: ["belavy2017"]) == "belavy2017a")
        #expect(CitationAdder.key(for: fields, taken: ["belavy2017", "belavy2017a"]) == "belavy2017b")

        let subtitled = try #require(CitationAdder.entry(fromCSL: Self.data("csl-online-first.json")))
        #expect(JSONValue.object(subtitled).compact.contains(#""title": "Walking for chronic low back pain: a randomised controlled trial""#))
        #expect(CitationAdder.key(for: subtitled, taken: []) == "garcialopez2018")
    }

    @Test func aPubMedRecordWithoutADOIBecomesAnEntry() throws {
        let fields = try #require(CitationAdder.entry(fromESummary: Self.data("esummary-no-doi.json"), pmid: "1234567"))
        let entry = JSONValue.object(fields).compact
        #expect(entry == #"{"type": "article-journal", "author": [{"family": "O'Sullivan", "given": "PB"}, {"family": "Smith", "given": "J"}], "title": "Exercise for the lower back: a review", "container-title": "Physical therapy", "container-title-short": "Phys Ther", "volume": "55", "issue": "3", "page": "241-7", "issued": {"date-parts": [[1975, 3]]}, "PMID": "1234567"}"#)
        #expect(CitationAdder.key(for: fields, taken: []) == "osullivan1975")
        #expect(CitationAdder.entry(fromESummary: Self.data("esummary-missing.json"), pmid: "99999999") == nil)
    }

    static let new: [(String, JSONValue)] = [("id", .string("ling2020")), ("type", .string("article-journal")),
                                             ("author", .array([.object([("family", .string("Ling")), ("given", .string("Y"))])])),
                                             ("title", .string("A \"quoted\" title")), ("DOI", .string("10.5555/x"))]

    @Test func entriesAreAppendedInTheFilesOwnLayout() throws {
        // Two-space entries, four-space fields, names one a line: the project's own style.
        let spaces = """
            [
              {
                "id": "belavy2017",
                "type": "article-journal",
                "author": [
                  {"family": "Belavý", "given": "D. L."}
                ]
              }
            ]

            """
        let appended = try CitationAdder.appending([Self.new], to: spaces)
        #expect(appended == """
            [
              {
                "id": "belavy2017",
                "type": "article-journal",
                "author": [
                  {"family": "Belavý", "given": "D. L."}
                ]
              },
              {
                "id": "ling2020",
                "type": "article-journal",
                "author": [
                  {"family": "Ling", "given": "Y"}
                ],
                "title": "A \\"quoted\\" title",
                "DOI": "10.5555/x"
              }
            ]

            """)
        // Tabs and CRLF, as some exports write.
        let tabs = "[\r\n\t{\r\n\t\t\"id\": \"a\",\r\n\t\t\"type\": \"book\"\r\n\t}\r\n]"
        #expect(try CitationAdder.appending([Self.new], to: tabs) == "[\r\n\t{\r\n\t\t\"id\": \"a\",\r\n\t\t\"type\": \"book\"\r\n\t},\r\n\t{\r\n\t\t\"id\": \"ling2020\",\r\n\t\t\"type\": \"article-journal\",\r\n\t\t\"author\": [\r\n\t\t\t{\"family\": \"Ling\", \"given\": \"Y\"}\r\n\t\t],\r\n\t\t\"title\": \"A \\\"quoted\\\" title\",\r\n\t\t\"DOI\": \"10.5555/x\"\r\n\t}\r\n]")
        // One entry a line stays one entry a line; a one-line file stays one line; an empty list gets its first entry.
        let oneLine = "[\n  {\"id\": \"a\", \"type\": \"book\"}\n]\n"
        #expect(try CitationAdder.appending([Self.new], to: oneLine).hasPrefix(oneLine.dropLast(3) + ",\n  {\"id\": \"ling2020\", \"type\": \"article-journal\", \"author\": [{\"family\": \"Ling\""))
        #expect(try CitationAdder.appending([Self.new], to: "[{\"id\":\"a\",\"type\":\"book\"}]").hasPrefix("[{\"id\":\"a\",\"type\":\"book\"}, {\"id\": \"ling2020\""))
        let empty = try CitationAdder.appending([Self.new], to: "[]\n")
        #expect(empty.hasPrefix("[\n  {\n    \"id\": \"ling2020\""))
        #expect(empty.hasSuffix("\n  }\n]\n"))
        for text in [spaces, tabs, oneLine, "[]\n"] {
            let result = try CitationAdder.appending([Self.new, Self.new.map { $0.0 == "id" ? ("id", .string("ling2020a")) : $0 }], to: text)
            let existing = try CitationAdder.existing(in: result)
            #expect(existing.ids.isSuperset(of: ["ling2020", "ling2020a"]))
            #expect(existing.keyByDOI["10.5555/x"] == "ling2020")
        }
    }

    /// What cite add writes loads cleanly: no malformed field, nothing missing that the record had.
    @Test func addedEntriesPassTheOfflineChecks() throws {
        var entries: [[(String, JSONValue)]] = []
        var taken: Set<String> = ["smith2019"]
        for fields in [try #require(CitationAdder.entry(fromCSL: Self.data("csl-srep45975.json"))),
                       try #require(CitationAdder.entry(fromCSL: Self.data("csl-online-first.json"))),
                       try #require(CitationAdder.entry(fromESummary: Self.data("esummary-no-doi.json"), pmid: "1234567"))] {
            let key = CitationAdder.key(for: fields, taken: taken)
            taken.insert(key)
            entries.append([("id", .string(key))] + fields)
        }
        var files = CheckProject.base
        let bibliography = try CitationAdder.appending(entries, to: try #require(files["seeds/references.json"]))
        files["seeds/references.json"] = bibliography
        files["Content/articles/guide.md"] = CheckProject.article(citing: ["smith2019", "belavy2017", "garcialopez2018", "osullivan1975"])
        let project = try CheckProject(files)
        defer { project.remove() }
        let found = try project.check().all
        #expect(found.isEmpty, "\(found.map { "\($0.code) \($0.message)" })")
    }

    @Test func aFileThatIsNotAListIsLeftAlone() {
        #expect(throws: CitationAdder.FileProblem.self) { try CitationAdder.existing(in: "{\"id\": \"a\"}") }
        #expect(throws: CitationAdder.FileProblem.self) { try CitationAdder.existing(in: "[{\"id\": ") }
    }
}
