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
    /// One pass over UTF-8 bytes with no allocation: this runs over every paragraph of a site, and
    /// Character-level Unicode lookups and per-word arrays made it the slowest step of a build.
    /// Non-ASCII letters count as letters.
    public static func measure(_ text: String) -> TextStatistics {
        var text = text
        return text.withUTF8 { measure(utf8: $0) }
    }

    private static func measure(utf8 buffer: UnsafeBufferPointer<UInt8>) -> TextStatistics {
        var counter = ProseCounter()
        var index = 0
        func next() -> UInt8? {
            guard index < buffer.count else { return nil }
            defer { index += 1 }
            return buffer[index]
        }
        while let byte = next() {
            switch byte {
            case 0x41...0x5A: counter.word.add(byte | 0x20)  // A-Z
            case 0x61...0x7A: counter.word.add(byte)  // a-z
            case 0x30...0x39: counter.hasDigit = true
            case 0x27 where counter.word.hasLetter: break  // apostrophe inside a word ("don't")
            case 0xE2:
                // U+2019 (’) is E2 80 99: an apostrophe inside a word; other E2 sequences are punctuation.
                let second = next()
                let third = next()
                if !(second == 0x80 && third == 0x99 && counter.word.hasLetter) { counter.endWord() }
            case 0x80...0xFF:
                // Letters of other scripts (é, ß…) carry no vowel for the syllable count.
                if byte & 0xC0 != 0x80 { counter.word.addOtherLetter() }
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                let abbreviation = byte == UInt8(ascii: ".") && counter.word.isAbbreviation
                counter.endWord()
                // "3.5" does not end a sentence (a stop needs a space, a closing quote or bracket, or the
                // end after it), and neither does an abbreviation such as "e.g." or "Dr.".
                let following: UInt8? = index < buffer.count ? buffer[index] : nil
                let closes = following == nil || following == 0x20 || following == 0x0A || following == 0x09
                    || following == 0x22 || following == 0x27 || following == 0x29 || following == 0xE2  // ” ’ …
                if closes && !abbreviation {
                    counter.endSentence()
                }
            default:
                counter.endWord()
            }
        }
        counter.endWord()
        counter.endSentence()
        return counter.stats
    }

    /// English syllables by the usual vowel-group heuristic, with the common silent-e and -le rules.
    public static func syllables(in word: String) -> Int {
        var counter = SyllableCounter()
        for byte in word.lowercased().utf8 where (0x61...0x7A).contains(byte) { counter.add(byte) }
        return counter.hasLetter ? counter.syllables : 0
    }
}

/// The running counts of `TextStatistics.measure` (a struct with methods rather than closures over
/// local variables, which the compiler boxes on the heap).
struct ProseCounter {
    var stats = TextStatistics()
    var word = SyllableCounter()
    var hasDigit = false
    var sawWordSinceStop = false

    mutating func endWord() {
        if word.hasLetter {
            stats.words += 1
            stats.syllables += word.syllables
            sawWordSinceStop = true
            word = SyllableCounter()
        } else if hasDigit {
            // A number reads as a word; count it as one syllable.
            stats.words += 1
            stats.syllables += 1
            sawWordSinceStop = true
        }
        hasDigit = false
    }

    mutating func endSentence() {
        if sawWordSinceStop {
            stats.sentences += 1
            sawWordSinceStop = false
        }
    }
}

/// Counts a word's syllables as its letters arrive: vowel groups, then the silent-e, -le, -ed and
/// -es rules, which need only the last four letters.
struct SyllableCounter {
    private(set) var hasLetter = false
    private var letters = 0
    private var groups = 0
    private var previousWasVowel = false
    private var last: UInt8 = 0, second: UInt8 = 0, third: UInt8 = 0, fourth: UInt8 = 0

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79  // a e i o u y
    }

    /// A lowercase ASCII letter.
    mutating func add(_ byte: UInt8) {
        hasLetter = true
        letters += 1
        let vowel = Self.isVowel(byte)
        if vowel && !previousWasVowel { groups += 1 }
        previousWasVowel = vowel
        (fourth, third, second, last) = (third, second, last, byte)
    }

    /// A single letter ("e.g." is read as "e", "g") or a title before a name: a full stop after it does
    /// not end the sentence.
    var isAbbreviation: Bool {
        switch letters {
        case 1: return true
        case 2: return (second, last) == (0x64, 0x72) || (second, last) == (0x6D, 0x72) || (second, last) == (0x6D, 0x73)
            || (second, last) == (0x76, 0x73) || (second, last) == (0x73, 0x74)  // dr mr ms vs st
        case 3: return (third, second, last) == (0x6D, 0x72, 0x73)  // mrs
        default: return false
        }
    }

    /// A letter outside ASCII: it makes this a word but is not an English vowel.
    mutating func addOtherLetter() {
        hasLetter = true
        previousWasVowel = false
    }

    var syllables: Int {
        if letters <= 3 { return 1 }
        var count = groups
        let e: UInt8 = 0x65, l: UInt8 = 0x6C
        // Silent final "e", but "-le" after a consonant is a syllable ("ankle") and "-ee" is not silent.
        if last == e && second != l && second != e && count > 1 { count -= 1 }
        if last == e && second == l && Self.isVowel(third) && count > 1 { count -= 1 }
        // "-ed" and "-es" are usually silent ("moved", "moves"), except after t/d ("started") and after
        // s, x, z, ch, sh, c, g ("boxes", "places").
        if last == 0x64 && second == e && count > 1 {
            if third != 0x74 && third != 0x64 { count -= 1 }
        } else if last == 0x73 && second == e && count > 1 {
            let sibilant = third == 0x73 || third == 0x78 || third == 0x7A || third == 0x63 || third == 0x67
                || (third == 0x68 && (fourth == 0x63 || fourth == 0x73))
            if !sibilant { count -= 1 }
        }
        return max(count, 1)
    }
}
