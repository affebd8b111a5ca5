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

/// The index reads a page's words straight from UTF-8 bytes (``PageWords``); they must be the words
/// ``SearchText/words(_:)`` finds in the same text.
@Suite struct PageWordsTwinTests {
    @Test func pageWordsAreTheDistinctSearchableWords() {
        let pieces = ["é", "e\u{301}", "Ä", "ﬁ", "ß", "İ", "abc", "Walk", " ", "—", "’", "Œ", "ñ", "x\u{308}\u{301}", "9", "Ω",
                      "ǅ", "the", "a", "&", "<", "\n", "pain", "PAIN", String(repeating: "z", count: 40), "q", "7", "中"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...120, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var words = PageWords()
            words.add(text, .body)
            let expected = SearchText.words(text)
            #expect(Set(words.terms.keys) == Set(expected), "\(text.debugDescription)")
            #expect(words.count == Set(expected).count)
        }
    }

    @Test func fieldsAccumulateAndTheTitleLengthCountsDistinctTitleWords() {
        var words = PageWords(expected: 1)
        words.add("Walking for walking's sake, walking", .title)
        words.add("Walking helps the back", .body)
        #expect(words.terms == ["walking": [.title, .body], "sake": .title, "helps": .body, "back": .body])
        #expect(words.titleLength == 2)
        // Growing past the first table keeps every word.
        var many = PageWords(expected: 1)
        for number in 0..<1000 { many.add("w\(number)", .body) }
        #expect(many.count == 1000)
        #expect(many.terms["w999"] == .body)
    }

    @Test func theSiteWideTableNumbersEachWordOnce() {
        let table = WordTable()
        var first = PageWords()
        first.add("sciatica walking pain", .body)
        var second = PageWords()
        second.add("pain sciatica knee", .title)
        let a = table.ids(of: first), b = table.ids(of: second)
        let words = table.allWords()
        #expect(a.map { words[Int($0)] } == ["sciatica", "walking", "pain"])
        #expect(b.map { words[Int($0)] } == ["pain", "sciatica", "knee"])
        #expect(Set(a).count == 3 && Set(a + b).count == 4)
    }
}
