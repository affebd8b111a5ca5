import ContentModel
import Testing
@testable import Templates

/// A cited work's `datePublished` in structured data: the calendar date when there is one, nothing
/// when its date is only words.
@Suite struct CreativeWorkDateTests {
    private func datePublished(_ issued: CSLDate?) -> String? {
        var reference = Reference(id: CitationKey("k2019")!, type: "article-journal",
                                  location: .init(file: "seeds/references.json", line: 1, column: 1))
        reference.title = "A title"
        reference.issued = issued
        guard case .object(let pairs) = StructuredData.creativeWork(reference) else { return nil }
        guard case .string(let date)? = pairs.first(where: { $0.0 == "datePublished" })?.1 else { return nil }
        return date
    }

    @Test func calendarDatesAreWrittenAndWordsAreNot() {
        #expect(datePublished(CSLDate(year: 2019, month: 5, day: 2)) == "2019-05-02")
        #expect(datePublished(CSLDate(year: 2019, season: 1)) == "2019")
        #expect(datePublished(CSLDate(year: 0, literal: "Spring supplement")) == nil)
        #expect(datePublished(nil) == nil)
    }
}
