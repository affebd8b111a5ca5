import ContentChecks
import Diagnostics
import Testing

/// The `placeholder` check: every `TODO` word, at its line and column, in one pass.
@Suite struct PlaceholderTests {
    static func found(_ text: String) -> [String] {
        Placeholders.check(text, file: "a.md").map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" }
    }

    @Test func eachMarkerIsReportedAtItsLineAndColumn() {
        let text = "---\ntitle: \"TODO: the title\"\nlist:\n  - \"é TODO: a symptom\"\r\n---\nBody TODO\nTODO"
        #expect(Self.found(text) == [
            "2:9 placeholder left in: 'TODO: the title'; write the real text in its place before publishing",
            "4:8 placeholder left in: 'TODO: a symptom'; write the real text in its place before publishing",
            "6:6 placeholder left in: 'TODO'; write the real text in its place before publishing",
            "7:1 placeholder left in: 'TODO'; write the real text in its place before publishing",
        ])
        #expect(Placeholders.check(text, file: "a.md").allSatisfy { $0.severity == .warning && $0.code == .placeholder })
    }

    @Test func onlyTheWordInCapitalsCounts() {
        for text in ["todo", "Todo: x", "TODOS", "MYTODO", "TODO_LIST", "x_TODO", "TODO2", "TOD", "TOD O", ""] {
            #expect(Self.found(text).isEmpty, "\(text)")
        }
        for text in ["(TODO)", "TODO.", "[TODO]", "«TODO»", "# TODO: a comment"] {
            #expect(Self.found(text).count == 1, "\(text)")
        }
    }

    @Test func aLongPlaceholderIsCutAtACharacter() {
        let text = "TODO: " + String(repeating: "é", count: 100)
        let message = Placeholders.check(text, file: "a.md")[0].message
        #expect(message.contains("'TODO: " + String(repeating: "é", count: 21) + "…'"))
    }

    @Test func manyMarkersOnOneLineTakeOnePass() {
        // 200,000 markers on one line: positions come from the running count, not a rescan.
        let text = String(repeating: "TODO ", count: 200_000)
        let found = Placeholders.check(text, file: "a.md")
        #expect(found.count == 200_000)
        #expect(found.last?.location == SourceLocation(file: "a.md", line: 1, column: 999_996))
    }
}
