import ContentModel
import Diagnostics
import Foundation
import Testing
@testable import ContentLoading

/// `citation-style` in `site.yml`: `ama` (the default) or `vancouver`; the graph's bibliography is
/// formatted in the chosen style.
@Suite struct CitationStyleSettingTests {
    static let references = #"""
        [{"id": "smith2018", "type": "article-journal", "author": [{"family": "Smith", "given": "Ann B. C."}],
          "title": "Walking and back pain", "container-title-short": "N. Engl. J. Med.", "volume": "7", "page": "632-44",
          "issued": {"date-parts": [[2018, 5, 2]]}, "DOI": "10.5555/walk.1"}]
        """#

    static func load(style: String?) throws -> LoadResult {
        let project = try TempProject()
        defer { project.remove() }
        let styleLine = style.map { "citation-style: \($0)\n" } ?? ""
        try project.write("Content/site.yml", "title: Test\nbase-url: https://example.org/\n" + styleLine)
        try project.write("Content/articles/walking.md", article())
        try project.write("seeds/references.json", references)
        return try project.load()
    }

    static func text(_ result: LoadResult) -> String? {
        result.graph.bibliography.formatted(key("smith2018"))?.map(\.text).joined()
    }

    @Test func amaIsTheDefault() throws {
        let result = try Self.load(style: nil)
        #expect(result.graph.site.citationStyle == .ama)
        #expect(Self.text(result) == "Smith ABC. Walking and back pain. N Engl J Med. 2018;7:632-644. doi:10.5555/walk.1")
    }

    @Test func vancouverIsChosenInSiteYml() throws {
        let result = try Self.load(style: "vancouver")
        #expect(result.with(.invalidValue).isEmpty && result.with(.unknownField).isEmpty)
        #expect(result.graph.site.citationStyle == .vancouver)
        #expect(Self.text(result) == "Smith AB. Walking and back pain. N Engl J Med. 2018 May 2;7:632-44. doi: 10.5555/walk.1")
    }

    @Test func anUnknownStyleIsReported() throws {
        let result = try Self.load(style: "apa")
        #expect(result.with(.invalidValue).map(\.message) == ["'citation-style' is 'ama' or 'vancouver', not 'apa'"])
        #expect(result.graph.site.citationStyle == .ama)
    }
}
