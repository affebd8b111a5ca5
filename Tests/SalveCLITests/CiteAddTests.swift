import Foundation
import TestSupport
import Testing

/// `salve cite add` and `salve check --online`'s identifier checks, run as the real binary against a local
/// server answering like the DOI resolver, Crossref and PubMed.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct CiteAddTests {
    static let references = """
        [
          {
            "id": "hinge-sciatica-2023",
            "type": "webpage",
            "title": "Why You Should Keep Exercising with Sciatica",
            "container-title": "Hinge Health"
          }
        ]

        """

    static func project(_ folder: URL, references: String = CiteAddTests.references, site: String? = nil) throws {
        let seeds = folder.appendingPathComponent("seeds")
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(references.utf8).write(to: seeds.appendingPathComponent("references.json"))
        try Data((site ?? "title: Cite Site\nbase-url: https://cite.example/\ncontact-email: editors@cite.example\n").utf8)
            .write(to: content.appendingPathComponent("site.yml"))
    }

    static func services(_ server: MetadataTestServer) -> [String] {
        ["--doi-resolver", server.base + "/doi/", "--eutils", server.base + "/eutils/", "--retries", "0"]
    }

    @Test func addsEntriesInTheFilesStyleAndPrintsTheirKeys() throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        try withTemporaryFolder { folder in
            try Self.project(folder)
            let result = try Salve.run(["cite", "add", "https://doi.org/10.1038/srep45975", "1234567"] + Self.services(server), in: folder)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout == """
                [@belavy2017]: Running exercise strengthens the intervertebral disc
                [@osullivan1975]: Exercise for the lower back: a review

                """)
            let text = try String(contentsOf: folder.appendingPathComponent("seeds/references.json"), encoding: .utf8)
            // What was there is unchanged; the new entries follow in the same layout.
            #expect(text.hasPrefix(String(Self.references.dropLast(3)) + ",\n  {\n    \"id\": \"belavy2017\",\n    \"type\": \"article-journal\",\n    \"author\": [\n      {\"family\": \"Belavý\", \"given\": \"Daniel L.\"},\n"))
            #expect(text.contains("    \"issued\": {\"date-parts\": [[2017, 4, 19]]},\n"))
            #expect(text.contains("    \"DOI\": \"10.1038/srep45975\"\n  },\n  {\n    \"id\": \"osullivan1975\""))
            #expect(text.hasSuffix("    \"PMID\": \"1234567\"\n  }\n]\n"))
            // The services were told who is asking.
            #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.contains("mailto:editors@cite.example") == true })

            // Asked again: refused, with the key that has it, and the file is left alone.
            let again = try Salve.run(["cite", "add", "10.1038/SREP45975", "28422125"] + Self.services(server), in: folder)
            #expect(again.exited && again.status == 1)
            #expect(again.stderr.contains("DOI 10.1038/SREP45975 is already in seeds/references.json as 'belavy2017'"), "\(again.stderr)")
            // The PMID's record has the DOI of an entry already there.
            #expect(again.stderr.contains("PMID 28422125 is DOI 10.1038/srep45975, already in seeds/references.json as 'belavy2017'"), "\(again.stderr)")
            #expect(try String(contentsOf: folder.appendingPathComponent("seeds/references.json"), encoding: .utf8) == text)
        }
    }

    @Test func aPMIDWithADOIIsFetchedThroughItsDOIAndKeysAreDisambiguated() throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        try withTemporaryFolder { folder in
            try Self.project(folder, references: "[\n  {\"id\": \"belavy2017\", \"type\": \"book\", \"title\": \"Another\"}\n]\n")
            let result = try Salve.run(["cite", "add", "28422125"] + Self.services(server), in: folder)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("[@belavy2017a]"))
            let text = try String(contentsOf: folder.appendingPathComponent("seeds/references.json"), encoding: .utf8)
            // One entry a line, as the file has them, with the PMID and PMCID from PubMed.
            #expect(text.hasPrefix("[\n  {\"id\": \"belavy2017\", \"type\": \"book\", \"title\": \"Another\"},\n  {\"id\": \"belavy2017a\", \"type\": \"article-journal\""))
            #expect(text.contains(#""DOI": "10.1038/srep45975", "PMID": "28422125", "PMCID": "PMC5396190"}"#), "\(text)")
        }
    }

    @Test func unknownIdentifiersAndBadInputExitAsTheOtherCommandsDo() throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        try withTemporaryFolder { folder in
            try Self.project(folder)
            let unknown = try Salve.run(["cite", "add", "10.5555/nothing-here", "99999999"] + Self.services(server), in: folder)
            #expect(unknown.exited && unknown.status == 1)
            #expect(unknown.stderr.contains("DOI 10.5555/nothing-here was not added: no DOI 10.5555/nothing-here is registered"), "\(unknown.stderr)")
            #expect(unknown.stderr.contains("PMID 99999999 was not added: PubMed has no record"), "\(unknown.stderr)")
            let usage = try Salve.run(["cite", "add", "smith2019"], in: folder)
            #expect(usage.exited && usage.status == 2)
            #expect(usage.stderr.contains("neither a DOI"), "\(usage.stderr)")
            try Data("{\"not\": \"a list\"}".utf8).write(to: folder.appendingPathComponent("seeds/references.json"))
            let broken = try Salve.run(["cite", "add", "10.1038/srep45975"] + Self.services(server), in: folder)
            #expect(broken.exited && broken.status == 2)
            #expect(try String(contentsOf: folder.appendingPathComponent("seeds/references.json"), encoding: .utf8) == "{\"not\": \"a list\"}")
            #expect(server.requests.filter { $0.path.contains("srep45975") }.isEmpty)
        }
    }

    @Test func checkOnlineReportsADOIOfAnotherPaper() throws {
        let server = try MetadataTestServer(route: MetadataTestServer.services)
        defer { server.stop() }
        try withTemporaryFolder { folder in
            let entry = #"{"id": "smith2019", "type": "article-journal", "author": [{"family": "Smith", "given": "A"}], "title": "Exercise therapy for sciatica", "container-title": "Spine", "issued": {"date-parts": [[2019]]}, "DOI": "10.1038/srep45975"}"#
            try Self.project(folder, references: "[\n  " + entry + "\n]\n")
            let result = try Salve.run(["check", "--online", "--doi-resolver", server.base + "/doi/", "--crossref-api", server.base + "/crossref/",
                                        "--eutils", server.base + "/eutils/", "--online-interval", "0", "--online-retries", "0",
                                        "--online-cache", folder.appendingPathComponent("cache/links.json").path, "--format", "json", "--strict"], in: folder)
            #expect(result.exited && result.status == 1, "\(result.stderr)")
            #expect(result.stdout.contains("\"code\" : \"reference-mismatch\"") || result.stdout.contains("\"code\": \"reference-mismatch\""), "\(result.stdout)")
            #expect(result.stdout.contains("is a different paper"))
            #expect(server.requests(forPathPrefix: "/crossref/works/10.1038/srep45975").count == 1)
            // Every request, the link check's HEAD of the DOI too, says who is asking.
            #expect(server.requests.contains { $0.method == "HEAD" })
            #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.contains("mailto:editors@cite.example") == true })
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache/metadata.json").path))
        }
    }
}
