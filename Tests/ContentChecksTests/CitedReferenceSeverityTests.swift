import ContentChecks
import ContentModel
import Diagnostics
import Testing

/// A problem in a bibliography entry stops the build only when a page cites the entry: one no page
/// cites cannot reach the site, so it is reported as a warning and the build goes on.
@Suite struct CitedReferenceSeverityTests {
    static let entries = [
        Entry.journal("cited", "\"DOI\": \"srep45975\""),
        Entry.journal("uncited", "\"DOI\": \"srep45976\""),
    ]

    @Test func anErrorInACitedEntryIsAnErrorAndInAnUncitedOneAWarning() throws {
        let diagnostics = try CheckProject.check(bibliography: Self.entries, cite: ["cited"])
        let found = diagnostics.with(.invalidDOI)
        #expect(found.map(\.severity) == [.error, .warning], "\(diagnostics.lines)")
        #expect(found.map(\.message) == [
            "invalid DOI in 'cited': 'srep45975' is not a DOI; a DOI is '10.', the registrant's number, '/' and a suffix without spaces, like 10.1038/srep45975",
            "invalid DOI in 'uncited': 'srep45976' is not a DOI; a DOI is '10.', the registrant's number, '/' and a suffix without spaces, like 10.1038/srep45975 (no page cites it yet, so the build goes on)",
        ])
        #expect(diagnostics.with(.uncitedReference).count == 1)
    }

    @Test func citingTheEntryMakesItsProblemAnErrorAgain() throws {
        let diagnostics = try CheckProject.check(bibliography: Self.entries, cite: ["cited", "uncited"])
        #expect(diagnostics.with(.invalidDOI).map(\.severity) == [.error, .error], "\(diagnostics.lines)")
    }

    @Test func validCSLThatWasRejectedBeforeIsAccepted() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("sici", #""DOI": "10.1002/(SICI)1097-4636(199911)47:2<155::AID-JBM5>3.0.CO;2-W""#),
            Entry.journal("season", #""DOI": "10.5555/a.1", "accessed": {"date-parts": [[2019, 21]]}"#),
            Entry.journal("range", #""DOI": "10.5555/a.2", "accessed": {"date-parts": [[2023, 10, 2], [2023, 10, 6]]}"#),
            Entry.journal("isbns", #""DOI": "10.5555/a.3", "ISBN": "9780306406157 0306406152""#),
        ], cite: ["sici", "season", "range", "isbns"])
        #expect(diagnostics.all.filter { $0.severity == .error }.isEmpty, "\(diagnostics.lines)")
    }

    @Test func aRangeEndingBeforeItStartsIsStillAnError() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("backwards", #""DOI": "10.5555/a.4", "accessed": {"date-parts": [[2023, 10, 6], [2023, 10, 2]]}"#),
        ], cite: ["backwards"])
        #expect(diagnostics.with(.invalidDate).map(\.message) == [
            "invalid 'accessed' date in 'backwards': the range ends (2023-10-2) before it starts",
        ], "\(diagnostics.lines)")
    }
}
