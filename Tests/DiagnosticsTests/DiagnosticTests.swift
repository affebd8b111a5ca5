import Testing
@testable import Diagnostics

@Suite struct DiagnosticDescriptionTests {
    @Test func descriptionIsPathLineColumnSeverityMessageCode() {
        let diagnostic = Diagnostic.error(
            .unknownCitation, "unknown citation key 'smith2019'",
            at: SourceLocation(file: "Content/articles/x.md", line: 14, column: 22))
        #expect(diagnostic.description == "Content/articles/x.md:14:22: error: unknown citation key 'smith2019' [unknown-citation]")
    }

    @Test func warningSeverityIsSpelledOut() {
        let diagnostic = Diagnostic.warning(.unknownField, "unknown field 'titel'",
                                            at: SourceLocation(file: "a.md", line: 3, column: 1))
        #expect(diagnostic.description == "a.md:3:1: warning: unknown field 'titel' [unknown-field]")
        #expect(diagnostic.severity == .warning)
    }

    @Test func noteSeverity() {
        let diagnostic = Diagnostic(.note, DiagnosticCode("custom-code"), "just so you know", at: SourceLocation(file: "f"))
        #expect(diagnostic.description == "f: note: just so you know [custom-code]")
    }

    @Test(arguments: [
        (SourceLocation(file: "seeds/references.json"), "seeds/references.json"),
        (SourceLocation(file: "Content/site.yml", line: 4), "Content/site.yml:4"),
        (SourceLocation(file: "Content/site.yml", line: 4, column: 7), "Content/site.yml:4:7"),
        // A column without a line cannot be printed meaningfully, so it is left out.
        (SourceLocation(file: "x.md", line: nil, column: 7), "x.md"),
    ])
    func sourceLocationDescription(location: SourceLocation, expected: String) {
        #expect(location.description == expected)
    }

    @Test func diagnosticWithoutLineOrColumn() {
        let diagnostic = Diagnostic.error(.missingFile, "there is no site.yml", at: SourceLocation(file: "Content/site.yml"))
        #expect(diagnostic.description == "Content/site.yml: error: there is no site.yml [missing-file]")
    }

    @Test func severityOrder() {
        #expect(Severity.note < .warning)
        #expect(Severity.warning < .error)
        #expect(!(Severity.error < .error))
        #expect([Severity.error, .note, .warning].max() == .error)
    }

    @Test func codesHaveStableNames() {
        #expect(DiagnosticCode.invalidUTF8.rawValue == "invalid-utf8")
        #expect(DiagnosticCode.unknownCitation.description == "unknown-citation")
        #expect(DiagnosticCode.reviewOverdue.rawValue == "review-overdue")
        #expect(DiagnosticCode("a") < DiagnosticCode("b"))
        #expect(DiagnosticCode(rawValue: "broken-link") == .brokenLink)
    }
}

@Suite struct SourceLocationOrderTests {
    @Test func ordersByFileThenLineThenColumn() {
        let locations = [
            SourceLocation(file: "b.md", line: 1, column: 1),
            SourceLocation(file: "a.md", line: 10, column: 1),
            SourceLocation(file: "a.md", line: 2, column: 30),
            SourceLocation(file: "a.md", line: 2, column: 4),
            SourceLocation(file: "a.md"),
        ]
        #expect(locations.sorted().map(\.description) == ["a.md", "a.md:2:4", "a.md:2:30", "a.md:10:1", "b.md:1:1"])
    }

    @Test func lineWithoutColumnSortsBeforeSameLineWithColumn() {
        #expect(SourceLocation(file: "a", line: 3) < SourceLocation(file: "a", line: 3, column: 1))
    }
}

@Suite struct DiagnosticListTests {
    static let sample: [Diagnostic] = [
        .warning(.unknownField, "unknown field 'x'", at: SourceLocation(file: "b.md", line: 2, column: 1)),
        .error(.missingField, "missing required field 'title'", at: SourceLocation(file: "a.md", line: 2, column: 1)),
        .error(.brokenLink, "the link ...", at: SourceLocation(file: "a.md", line: 9, column: 5)),
        .error(.unknownCitation, "unknown citation key 'b'", at: SourceLocation(file: "a.md", line: 9, column: 5)),
        .error(.brokenLink, "another link", at: SourceLocation(file: "a.md", line: 9, column: 5)),
        .warning(.strayFile, "stray", at: SourceLocation(file: "a.md")),
    ]

    @Test func countsErrorsAndWarnings() {
        let list = DiagnosticList(Self.sample)
        #expect(list.errorCount == 4)
        #expect(list.warningCount == 2)
        #expect(list.hasErrors)
        #expect(!list.isEmpty)
        #expect(list.all.count == 6)
    }

    @Test func emptyList() {
        let list = DiagnosticList()
        #expect(list.isEmpty)
        #expect(!list.hasErrors)
        #expect(list.errorCount == 0)
        #expect(list.warningCount == 0)
        #expect(list.sorted.isEmpty)
    }

    @Test func warningsOnlyHaveNoErrors() {
        let list = DiagnosticList([.warning(.rawHTML, "raw", at: SourceLocation(file: "a"))])
        #expect(!list.hasErrors)
        #expect(list.warningCount == 1)
    }

    @Test func sortedByLocationThenCodeThenMessage() {
        let sorted = DiagnosticList(Self.sample).sorted.map(\.description)
        #expect(sorted == [
            "a.md: warning: stray [stray-file]",
            "a.md:2:1: error: missing required field 'title' [missing-field]",
            "a.md:9:5: error: another link [broken-link]",
            "a.md:9:5: error: the link ... [broken-link]",
            "a.md:9:5: error: unknown citation key 'b' [unknown-citation]",
            "b.md:2:1: warning: unknown field 'x' [unknown-field]",
        ])
    }

    @Test func sortingIsIndependentOfInsertionOrder() {
        let forward = DiagnosticList(Self.sample).sorted
        let backward = DiagnosticList(Self.sample.reversed()).sorted
        #expect(forward == backward)
    }

    @Test func appendingKeepsEverything() {
        var list = DiagnosticList()
        list.append(Self.sample[0])
        list.append(contentsOf: Array(Self.sample[1...2]))
        list.append(contentsOf: DiagnosticList(Array(Self.sample[3...])))
        #expect(list.all == Self.sample)
    }
}
