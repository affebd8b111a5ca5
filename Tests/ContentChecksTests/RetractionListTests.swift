@testable import ContentChecks
import Diagnostics
import Testing

/// `seeds/retractions.csv`: an RFC 4180 CSV whose DOI column is found by name.
@Suite struct RetractionListTests {
    @Test func csvRowsWithQuotesCommasDoubledQuotesAndLineBreaks() {
        let text = "a,\"b,c\",\"d \"\"e\"\"\"\r\n1,\"two\nlines\",3\r\n,,\n"
        #expect(CSV.rows(text) == [["a", "b,c", "d \"e\""], ["1", "two\nlines", "3"], ["", "", ""]])
    }

    @Test func csvWithoutAFinalNewline() {
        #expect(CSV.rows("DOI\n10.1/x") == [["DOI"], ["10.1/x"]])
        #expect(CSV.rows("") == [])
    }

    @Test(arguments: ["DOI", "doi", "OriginalPaperDOI", " originalpaperdoi ", "Original Paper DOI", "\"OriginalPaperDOI\""])
    func theDOIColumnIsFoundByName(header: String) {
        let (list, problems) = RetractionList.parse("Title,\(header),Reason\nA paper,10.5555/ABC.1,Fraud\n", file: "seeds/retractions.csv")
        #expect(problems.isEmpty)
        #expect(list.isRetracted("10.5555/abc.1"))
        #expect(list.isRetracted("10.5555/ABC.1"))
        #expect(!list.isRetracted("10.5555/abc.2"))
    }

    @Test func blankUnavailableAndShortRowsAreSkipped() {
        let text = """
            Record ID,Title,OriginalPaperDOI
            1,"A, paper", 10.5555/a.1 
            2,No DOI,
            3,Not given,Unavailable
            4,Short row

            """
        let (list, problems) = RetractionList.parse(text, file: "seeds/retractions.csv")
        #expect(problems.isEmpty)
        #expect(list.dois == ["10.5555/a.1"])
    }

    @Test func noDOIColumnIsAnErrorAtTheHeader() {
        let (list, problems) = RetractionList.parse("Record ID,Title\n1,A paper\n", file: "seeds/retractions.csv")
        #expect(list.dois.isEmpty)
        #expect(problems.map(\.code) == [.invalidRetractionList])
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.location == SourceLocation(file: "seeds/retractions.csv", line: 1, column: 1))
    }

    @Test func anEmptyFileIsAnEmptyList() {
        let (list, problems) = RetractionList.parse("", file: "seeds/retractions.csv")
        #expect(list.dois.isEmpty)
        #expect(problems.isEmpty)
    }

    /// Spreadsheet programs save "CSV UTF-8" with a byte-order mark; a DOI column that comes first then
    /// has the name "\u{FEFF}DOI" and is not found.
    @Test func aByteOrderMarkBeforeTheFirstColumnName() {
        let (list, problems) = RetractionList.parse("\u{FEFF}DOI,Title\n10.5555/a.1,A paper\n", file: "seeds/retractions.csv")
        #expect(problems.isEmpty)
        #expect(list.isRetracted("10.5555/a.1"))
    
    }
}
