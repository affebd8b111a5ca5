/// Counts of words, sentences and syllables in prose, and the Flesch scores computed from them.
public struct TextStatistics: Hashable, Sendable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int

    public init(words: Int = 0, sentences: Int = 0, syllables: Int = 0) {
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
    }

    public static func + (a: TextStatistics, b: TextStatistics) -> TextStatistics {
        TextStatistics(words: a.words + b.words, sentences: a.sentences + b.sentences, syllables: a.syllables + b.syllables)
    }

    /// Flesch Reading Ease: 206.835 − 1.015 (words/sentences) − 84.6 (syllables/words). Higher is easier.
    public var readingEase: Double? {
        guard words > 0, sentences > 0 else { return nil }
        return 206.835 - 1.015 * Double(words) / Double(sentences) - 84.6 * Double(syllables) / Double(words)
    }

    /// Flesch–Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) − 15.59.
    public var grade: Double? {
        guard words > 0, sentences > 0 else { return nil }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// Measures a run of prose. A sentence ends at `.`, `!` or `?` (or the end of a block, which the
    /// caller marks by measuring blocks separately); words are runs of letters, digits and apostrophes.
    ///
    /// Works on UTF-8 bytes: this runs over every paragraph of a site, and Character-level Unicode
    /// property lookups made it the slowest step of a build. Non-ASCII letters count as letters.
    public static func measure(_ text: String) -> TextStatistics {
        var stats = TextStatistics()
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var hasLetter = false
        var hasDigit = false
        var sawWordSinceStop = false
        func endWord() {
            guard !word.isEmpty else { return }
            if hasLetter {
                stats.words += 1
                stats.syllables += syllables(inLowercasedASCII: word)
                sawWordSinceStop = true
            } else if hasDigit {
                // A number reads as a word; count it as one syllable.
                stats.words += 1
                stats.syllables += 1
                sawWordSinceStop = true
            }
            word.removeAll(keepingCapacity: true)
            hasLetter = false
            hasDigit = false
        }
        var utf8 = text.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? utf8.next() {
            pending = nil
            switch byte {
            case 0x41...0x5A:  // A-Z
                word.append(byte | 0x20)
                hasLetter = true
            case 0x61...0x7A:  // a-z
                word.append(byte)
                hasLetter = true
            case 0x30...0x39:
                hasDigit = true
                word.append(byte)
            case 0x27 where hasLetter:  // apostrophe inside a word ("don't")
                word.append(byte)
            case 0xE2:
                // U+2019 (’) is E2 80 99: an apostrophe inside a word; other E2 sequences are punctuation.
                let second = utf8.next()
                let third = utf8.next()
                if second == 0x80 && third == 0x99 && hasLetter {
                    word.append(0x27)
                } else {
                    endWord()
                }
            case 0x80...0xFF:
                // Other non-ASCII: letters of other scripts (é, ß…); they carry no vowel for the syllable count.
                if byte & 0xC0 != 0x80 { hasLetter = true }
                word.append(0x78)  // "x": a consonant placeholder keeps the word's shape
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                endWord()
                // "3.5" and "e.g." do not end a sentence: a stop needs a space or the end after it.
                let next = utf8.next()
                if sawWordSinceStop && (next == nil || next == 0x20 || next == 0x0A || next == 0x09 || next == 0x22 || next == 0x29) {
                    stats.sentences += 1
                    sawWordSinceStop = false
                }
                pending = next
            default:
                endWord()
            }
        }
        endWord()
        if sawWordSinceStop { stats.sentences += 1 }
        return stats
    }

    /// English syllables by the usual vowel-group heuristic, with the common silent-e and -le rules.
    public static func syllables(in word: String) -> Int {
        let bytes = word.lowercased().utf8.filter { (0x61...0x7A).contains($0) }
        return bytes.isEmpty ? 0 : syllables(inLowercasedASCII: Array(bytes))
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    static func syllables(inLowercasedASCII raw: [UInt8]) -> Int {
        // Letters only (no apostrophes, digits or placeholders), without allocating: almost every word is plain.
        let letters = raw.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } ? raw : raw.filter { $0 != 0x27 && $0 >= 0x61 && $0 <= 0x7A }
        let count = letters.count
        if count <= 3 { return 1 }
        var syllables = 0
        var previousWasVowel = false
        for byte in letters {
            let vowel = isVowel(byte)
            if vowel && !previousWasVowel { syllables += 1 }
            previousWasVowel = vowel
        }
        let last = letters[count - 1]
        let secondLast = letters[count - 2]
        let e = UInt8(ascii: "e")
        // Silent final "e", but "-le" after a consonant is a syllable ("ankle") and "-ee" is not silent.
        if last == e && secondLast != UInt8(ascii: "l") && secondLast != e && syllables > 1 { syllables -= 1 }
        if last == e && secondLast == UInt8(ascii: "l") && isVowel(letters[count - 3]) && syllables > 1 { syllables -= 1 }
        // "-ed" and "-es" are usually silent ("moved", "moves"), except after t/d ("started") and after
        // s, x, z, ch, sh, c, g ("boxes", "places").
        if last == UInt8(ascii: "d") && secondLast == e && syllables > 1 {
            let before = letters[count - 3]
            if before != UInt8(ascii: "t") && before != UInt8(ascii: "d") { syllables -= 1 }
        } else if last == UInt8(ascii: "s") && secondLast == e && syllables > 1 {
            let before = letters[count - 3]
            let sibilant = before == UInt8(ascii: "s") || before == UInt8(ascii: "x") || before == UInt8(ascii: "z")
                || before == UInt8(ascii: "c") || before == UInt8(ascii: "g")
                || (before == UInt8(ascii: "h") && count >= 4 && (letters[count - 4] == UInt8(ascii: "c") || letters[count - 4] == UInt8(ascii: "s")))
            if !sibilant { syllables -= 1 }
        }
        return max(syllables, 1)
    }
}
