import ContentModel
import Diagnostics
import Testing

/// AMA worked examples not covered by `ContentModelTests/AMAFormatterTests`.
@Suite struct AMAFormatterExampleTests {
    static func reference(_ id: String, _ type: String, _ configure: (inout Reference) -> Void) -> Reference {
        var reference = Reference(id: CitationKey(id)!, type: type,
                                  location: SourceLocation(file: "seeds/references.json", line: 1, column: 1))
        configure(&reference)
        return reference
    }

    @Test func webPageWithAuthorsAndPublishedUpdatedAndAccessedDates() {
        let reference = Self.reference("knee-web", "webpage") {
            $0.authors = [CSLName(family: "Doe", given: "Jane A."), CSLName(family: "Roe", given: "Richard")]
            $0.title = "Knee pain: what helps"
            $0.containerTitle = "Example Health"
            $0.issued = CSLDate(year: 2021, month: 7, day: 14)
            $0.updated = CSLDate(year: 2023, month: 2, day: 1)
            $0.accessed = CSLDate(year: 2026, month: 1, day: 5)
            $0.url = "https://health.example/knee"
        }
        #expect(AMAFormatter.plainText(reference) ==
            "Doe JA, Roe R. Knee pain: what helps. Example Health. Published July 14, 2021. Updated February 1, 2023. Accessed January 5, 2026. https://health.example/knee")
        #expect(AMAFormatter.format(reference) == [
            .plain("Doe JA, Roe R. Knee pain: what helps. Example Health. Published July 14, 2021. Updated February 1, 2023. Accessed January 5, 2026. "),
            .link("https://health.example/knee"),
        ])
    }

    @Test func journalArticleWithSevenAuthorsAndADOI() {
        let reference = Self.reference("seven", "article-journal") {
            $0.authors = ["Ash", "Birch", "Cedar", "Elm", "Fir", "Oak", "Pine"].map { CSLName(family: $0, given: "Kim") }
            $0.title = "Walking and knee pain"
            $0.containerTitle = "Journal of Examples"
            $0.containerTitleShort = "J Examples"
            $0.issued = CSLDate(year: 2019, month: 5, day: 1)
            $0.volume = "10"
            $0.issue = "2"
            $0.page = "100-110"
            $0.doi = "10.5555/joe.2019.001"
            $0.pmid = "12345678"
        }
        // More than six authors: the first three and "et al"; the DOI wins over the PMID.
        #expect(AMAFormatter.plainText(reference) ==
            "Ash K, Birch K, Cedar K, et al. Walking and knee pain. J Examples. 2019;10(2):100-110. doi:10.5555/joe.2019.001")
        #expect(AMAFormatter.format(reference).suffix(2) == [.plain(". 2019;10(2):100-110. doi:"), .link("10.5555/joe.2019.001")])
        #expect(AMAFormatter.format(reference).contains(.italic("J Examples")))
    }

    @Test func journalArticleWithAVolumeButNoIssueAndAnArticleNumber() {
        let reference = Self.reference("numbered", "article-journal") {
            $0.authors = [CSLName(literal: "The Knee Study Group")]
            $0.title = "Does rest help?"
            $0.containerTitle = "Knee Research"
            $0.issued = CSLDate(year: 2022)
            $0.volume = "7"
            $0.number = "e1234"
        }
        #expect(AMAFormatter.plainText(reference) == "The Knee Study Group. Does rest help? Knee Research. 2022;7:e1234.")
    }

    @Test func aSiteNameEndingInAFullStopGetsNoSecondOne() {
        let reference = Self.reference("site", "webpage") {
            $0.title = "Exercise and your knees."
            $0.publisher = "Example Health Inc."
            $0.url = "https://health.example/"
        }
        #expect(AMAFormatter.plainText(reference) == "Exercise and your knees. Example Health Inc. https://health.example/")
    }

    @Test func bookWithOnlyATitleAndYear() {
        let reference = Self.reference("book", "book") {
            $0.title = "Moving Well"
            $0.issued = CSLDate(year: 2019, month: 3)
        }
        #expect(AMAFormatter.plainText(reference) == "Moving Well. 2019.")
        #expect(AMAFormatter.format(reference) == [.italic("Moving Well"), .plain(". 2019.")])
    }
}
