import Testing
@testable import Diagnostics

/// Excerpts of long lines (minified JSON, generated text) show a window around the column, and a
/// report of many diagnostics on one line places every caret as the whole-line excerpt would.
@Suite struct LongLineExcerptTests {
    private func formatter(_ source: String) -> TextFormatter {
        TextFormatter(sourceProvider: { $0 == "a.json" ? source : nil })
    }

    @Test func aLongLineIsShownAsAWindowAroundTheColumn() {
        let line = String(repeating: "{\"id\":\"é—x\"},", count: 2_000)
        let column = 10_001
        let report = formatter("[\n" + line + "\n]\n").format(
            Diagnostic.error(.invalidBibliography, "bad", at: SourceLocation(file: "a.json", line: 2, column: column)))
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        let excerpt = lines[1].dropFirst(4)
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
        #expect(excerpt.unicodeScalars.count == TextFormatter.windowBefore + TextFormatter.windowAfter + 2)
        // The caret is under the column's character: the window's text up to it, after the "…".
        let scalars = Array(line.unicodeScalars)
        let caret = lines[2].dropFirst(4)
        #expect(caret.last == "^")
        let caretColumn = caret.unicodeScalars.count
        #expect(Array(excerpt.unicodeScalars)[caretColumn - 1] == scalars[column - 1])
    }

    @Test func manyDiagnosticsOnOneLinePointWhereTheirColumnsAre() {
        let unit = "x [@é] "
        let line = String(repeating: unit, count: 3_000)
        let columns = (0..<3_000).map { $0 * unit.unicodeScalars.count + 4 }
        let list = DiagnosticList(columns.reversed().map {
            Diagnostic.error(.unknownCitation, "k", at: SourceLocation(file: "a.json", line: 1, column: $0))
        })
        var reports: [String] = []
        formatter(line + "\n").write(list) { reports.append($0) }
        #expect(reports.count == columns.count)
        for report in reports {
            let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
            let excerpt = lines[1].dropFirst(4)
            let caretColumn = lines[2].dropFirst(4).unicodeScalars.count
            // Every caret is under the "@" of a citation.
            #expect(Array(excerpt.unicodeScalars)[caretColumn - 1] == "@", "\(report)")
        }
    }

    @Test func aShortLineIsShownWhole() {
        let report = formatter("one\nshort line\n").format(
            Diagnostic.error(.yamlSyntax, "x", at: SourceLocation(file: "a.json", line: 2, column: 7)))
        #expect(report == "a.json:2:7: error: x [yaml-syntax]\n    short line\n          ^")
    }

    @Test func binaryTextIsNotEchoed() {
        let source = "\u{89}PNG\r\n\u{1A}\n\u{0}\u{0}\u{0}\rIHDR"
        let diagnostic = Diagnostic.warning(.strayFile, "stray", at: SourceLocation(file: "a.json", line: 1, column: 1))
        #expect(formatter(source).format(diagnostic) == diagnostic.description)
        let invalid = TextFormatter(sourceProvider: { _ in String(decoding: [0x50, 0xFF, 0xFE, 0x00], as: UTF8.self) })
        #expect(invalid.format(diagnostic) == diagnostic.description)
    }
}
