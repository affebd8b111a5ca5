import Diagnostics
import Foundation
import Testing
@testable import ContentLoading

/// With more names than are measured one by one, did-you-mean comes from an index shared by every
/// page's check, and still names the right entry and section.
@Suite struct ManyNamesSuggestionTests {
    @Test func suggestionsAmongHundredsOfKeysAndHeadings() throws {
        let headings = (0..<300).map { "## Part \($0)\n\nText.\n" }.joined()
        let citing = (0..<50).map { _ in "See [@author150x2015] and [the part](guide.md#prat-150).\n" }.joined()
        let project = try ContentLoaderTests.project(walking: ContentLoaderTests.article("Walking", body: citing))
        defer { project.remove() }
        try project.write("Content/articles/guide.md", ContentLoaderTests.article("Guide", body: headings))
        let entries = (0..<400).map { #"{"id": "author\#($0)x2016", "type": "book", "title": "Book \#($0)"}"# }
        try project.write("seeds/references.json", "[" + entries.joined(separator: ",") + "]")
        let result = try project.load()
        let unknown = result.with(.unknownCitation).filter { $0.location.file.hasSuffix("walking.md") }
        #expect(unknown.count == 50)
        #expect(unknown.allSatisfy { $0.message.hasSuffix("did you mean 'author150x2016'?") })
        let sections = result.with(.brokenLink).filter { $0.message.contains("#prat-150") }
        #expect(sections.count == 50)
        #expect(sections.allSatisfy { $0.message.hasSuffix("did you mean 'part-150'?") })
    }
}
