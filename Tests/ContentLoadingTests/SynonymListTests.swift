import Diagnostics
import Foundation
import Testing
@testable import ContentLoading
@testable import ContentModel

/// `seeds/synonyms.yml`: read with positions, and every target checked against the pages' names.
@Suite struct SynonymListTests {
    static let condition = """
        ---
        name: Herniated disc
        synonyms: [disc herniation]
        search-terms: [bulging disc]
        summary: A disc presses on a nerve.
        symptoms: [Back pain]
        seek-care: [Weak legs]
        review: pending
        ---
        Most herniated discs settle.

        """

    func load(_ synonyms: String?) throws -> LoadResult {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("Content/site.yml", "title: Test\nbase-url: https://example.org/\n")
        try project.write("Content/conditions/herniated-disc.md", Self.condition)
        if let synonyms { try project.write("seeds/synonyms.yml", synonyms) }
        return try project.load()
    }

    @Test func termsLeadToThePagesTheirTargetsName() throws {
        let result = try load("""
            # what readers type: what it means
            slipped disc: herniated disc
            prolapsed disc: [Disc herniation, bulging]

            """)
        #expect(result.diagnostics.all.filter { $0.code == .unknownSynonymTarget || $0.code == .wrongType }.isEmpty)
        let synonyms = result.graph.searchSynonyms
        #expect(synonyms.entries.map(\.term) == ["slipped disc", "prolapsed disc"])
        #expect(synonyms.entries[1].targetLocations.map(position) == ["3:18", "3:35"])
        // A target matches a run of a name's words, in any case and with accents.
        #expect(synonyms.terms(forNames: ["Herniated disc", "disc herniation"]) == ["slipped disc", "prolapsed disc"])
        #expect(synonyms.terms(forNames: ["Bulging disc"]) == ["prolapsed disc"])
        // Runs of whole words, in order: "herniated disc" is not in "Herniated discs".
        #expect(synonyms.terms(forNames: ["Herniated discs"]) == [])
        #expect(SearchSynonyms(
            [.init(term: "x ray", targets: ["Café"], location: SourceLocation(file: "f"))]).terms(forNames: ["cafe au lait"]) == ["x ray"])
    }

    @Test func aTargetNoPageNamesIsAPositionedErrorWithASuggestion() throws {
        let result = try load("slipped disc: herniated disk\ntrapped nerve:\n  - sciatica\n")
        let errors = result.with(.unknownSynonymTarget)
        #expect(errors.map { position($0.location) } == ["1:15", "3:5"])
        #expect(errors.allSatisfy { $0.severity == .error && $0.location.file == "seeds/synonyms.yml" })
        #expect(errors.first?.message == "no page is named 'herniated disk' (by its title, a synonym or a search term), so 'slipped disc' would lead nowhere — did you mean 'Herniated disc'?")
        #expect(errors.last?.message.contains("did you mean") == false)
        #expect(result.sourceTexts["seeds/synonyms.yml"] != nil)
    }

    @Test func badShapesArePositionedErrors() throws {
        let result = try load("""
            slipped disc:
            prolapsed disc: {a: b}
            "!!": herniated disc
            bulge: ["?", herniated disc]
            long: \(String(repeating: "disc ", count: 13))
            """)
        #expect(result.with(.missingField).map { position($0.location) } == ["1:1"])
        #expect(result.with(.wrongType).map { position($0.location) } == ["2:17"])
        #expect(result.with(.invalidValue).map { position($0.location) } == ["3:1", "4:9", "5:7"])
        #expect(result.with(.invalidValue).last?.message.contains("13 words") == true)
        // What is well formed is kept.
        #expect(result.graph.searchSynonyms.entries.map(\.term) == ["bulge"])
        let list = try load("- slipped disc\n")
        #expect(list.with(.wrongType).map { position($0.location) } == ["1:1"])
    }

    @Test func noFileMeansNoSynonyms() throws {
        let result = try load(nil)
        #expect(result.graph.searchSynonyms.isEmpty)
        #expect(!result.diagnostics.hasErrors)
    }
}
