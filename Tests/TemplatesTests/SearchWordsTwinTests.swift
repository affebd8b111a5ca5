import Foundation
import Testing
@testable import Templates

/// Search words from text decomposed a few characters at a time, against decomposing it whole.
@Suite struct SearchWordsTwinTests {
    private static func slowWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if (0x300...0x36F).contains(scalar.value) {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func wordsMatchDecomposingTheWholeText() {
        let pieces = ["é", "e\u{301}", "Ä", "ﬁ", "ß", "İ", "abc", " ", "—", "Œ", "ñ", "x\u{308}\u{301}", "9", "Ω", "ǅ"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...200, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchText.allWords(text) == Self.slowWords(text), "\(text.debugDescription)")
        }
    }

    @Test func aLongLineOfAccentedTextIsSplitIntoItsWords() {
        let text = String(repeating: "café ", count: 50_000)
        let words = SearchText.allWords(text)
        #expect(words.count == 50_000)
        #expect(words.allSatisfy { $0 == "cafe" })
    }
}
