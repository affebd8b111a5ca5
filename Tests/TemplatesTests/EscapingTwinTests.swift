import Testing
@testable import Templates

/// Escaping over bytes against its definition: each Character replaced by its entity.
@Suite struct EscapingTwinTests {
    private static let pieces = ["a", "&", "<", ">", "\"", "'", "é", "—", "😀", "&amp;", " ", "\n", "\u{0}", "e\u{301}"]

    private static func slowEscape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    @Test func escapingBytesMatchesReplacingCharacters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.slowEscape(text)
            #expect(HTML.escape(text) == expected, "\(text.debugDescription)")
            #expect(HTML.text(text).markup == expected)
            var appended = HTML.empty
            appended.append(text: text)
            #expect(appended.markup == expected)
        }
    }
}
