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
    /// Non-ASCII letters count as letters.
    public static func measure(_ text: String) -> TextStatistics {
        var counter = ProseCounter()
        counter.add(text)
        return counter.finish()
    }

    /// English syllables by the usual vowel-group heuristic, with the common silent-e and -le rules.
    public static func syllables(in word: String) -> Int {
        var counter = SyllableCounter()
        for byte in word.lowercased().utf8 where (0x61...0x7A).contains(byte) { counter.add(byte) }
        return counter.hasLetter ? counter.syllables : 0
    }
}

/// Measures prose that arrives in pieces, such as the text runs of a paragraph, with the same result
/// as measuring the pieces joined: words and a pending full stop carry over from one piece to the next.
/// Reading the pieces where they lie saves joining a paragraph into a string first.
///
/// A struct with methods rather than closures over local variables, which the compiler boxes on the heap.
public struct ProseCounter {
    private var stats = TextStatistics()
    private var word = SyllableCounter()
    private var hasDigit = false
    private var sawWordSinceStop = false
    /// A `.`, `!` or `?` ended the last piece: whether it ends a sentence depends on the byte after it.
    /// The value says whether it followed an abbreviation ("Dr."), which never ends one.
    private var pendingStop: Bool?

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// One pass over UTF-8 bytes with no allocation: this runs over every paragraph of a site, and
    /// Character-level Unicode lookups and per-word arrays made it the slowest step of a build.
    public mutating func add(_ buffer: UnsafeBufferPointer<UInt8>) {
        // This loop sees every byte of every paragraph of a site. It reads through the raw pointer
        // (every read is guarded by `i < n` or `i + 1 < n`), and it hands each run of letters, most
        // of the bytes, to `addLetters`, whose tighter loop keeps the word's state in registers.
        guard let bytes = buffer.baseAddress, buffer.count > 0 else { return }
        let n = buffer.count
        if let abbreviation = pendingStop {
            pendingStop = nil
            if Self.closesSentence(bytes[0]) && !abbreviation { endSentence() }
        }
        var i = 0
        while i < n {
            let byte = bytes[i]
            if SyllableCounter.isASCIILetter(byte) {
                i = word.addLetters(bytes, from: i, to: n)
                continue
            }
            i += 1
            switch byte {
            case 0x30...0x39: hasDigit = true
            case 0x27 where word.hasLetter: break  // apostrophe inside a word ("don't")
            case 0xE2:
                // U+2019 (’) is E2 80 99: an apostrophe inside a word; other E2 sequences are punctuation.
                // The two bytes after the lead are consumed either way (valid UTF-8 always has them,
                // and a piece never splits a character).
                let second: UInt8? = i < n ? bytes[i] : nil
                let third: UInt8? = i + 1 < n ? bytes[i + 1] : nil
                i = min(i + 2, n)
                if !(second == 0x80 && third == 0x99 && word.hasLetter) { endWord() }
            case 0x80...0xFF:
                // Letters of other scripts (é, ß…) carry no vowel for the syllable count.
                if byte & 0xC0 != 0x80 { word.addOtherLetter() }
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                let abbreviation = byte == UInt8(ascii: ".") && word.isAbbreviation
                endWord()
                // "3.5" does not end a sentence (a stop needs a space, a closing quote or bracket, or the
                // end after it), and neither does an abbreviation such as "e.g." or "Dr.".
                guard i < n else {
                    pendingStop = abbreviation
                    break
                }
                if Self.closesSentence(bytes[i]) && !abbreviation { endSentence() }
            default:
                endWord()
            }
        }
    }

    /// The counts so far, with the last word and sentence ended; the counter starts afresh.
    public mutating func finish() -> TextStatistics {
        if let abbreviation = pendingStop, !abbreviation { endSentence() }
        endWord()
        endSentence()
        defer { self = ProseCounter() }
        return stats
    }

    /// Space, newline, tab, a closing quote or bracket, or the lead byte of ” ’ …
    private static func closesSentence(_ following: UInt8) -> Bool {
        following == 0x20 || following == 0x0A || following == 0x09
            || following == 0x22 || following == 0x27 || following == 0x29 || following == 0xE2
    }

    // Not inlined: copied into each of `add`'s cases, it made the optimizer juggle the counter's
    // fields through many stack slots, and the loop ran slower than with one call per word.
    @inline(never)
    private mutating func endWord() {
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

    private mutating func endSentence() {
        if sawWordSinceStop {
            stats.sentences += 1
            sawWordSinceStop = false
        }
    }
}

/// Counts a word's syllables as its letters arrive: vowel groups, then the silent-e, -le, -ed and
/// -es rules, which need only the last four letters.
///
/// The last four letters are packed in one integer: one shift per letter instead of four moves, and
/// less state for `addLetters`' loop to keep in registers.
struct SyllableCounter {
    private(set) var hasLetter = false
    private var previousWasVowel = false
    private var letters = 0
    private var groups = 0
    /// The last four letters, the latest in the low byte; 0 where the word is shorter.
    private var tail: UInt32 = 0

    private var last: UInt8 { UInt8(truncatingIfNeeded: tail) }
    private var second: UInt8 { UInt8(truncatingIfNeeded: tail >> 8) }
    private var third: UInt8 { UInt8(truncatingIfNeeded: tail >> 16) }
    private var fourth: UInt8 { UInt8(truncatingIfNeeded: tail >> 24) }

    /// a e i o u y, for a lowercase ASCII letter or any other byte.
    private static func isVowel(_ byte: UInt8) -> Bool {
        // Bit k of the mask is set when "a" + k is a vowel: a(0) e(4) i(8) o(14) u(20) y(24).
        let offset = byte &- 0x61
        return offset < 26 && (0x0110_4111 as UInt32) >> UInt32(offset) & 1 != 0
    }

    /// A-Z or a-z: setting bit 5 maps A-Z onto a-z and leaves a-z as it is.
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// Adds the run of ASCII letters (either case) at `bytes[start...]`, stopping at the first other
    /// byte or at `end`, and returns where it stopped. The same as `add` on each lowercased letter,
    /// with the state in local variables, which the compiler keeps in registers.
    ///
    /// Eight bytes are read at a time while eight remain: a word is then a few dozen instructions
    /// without a branch per letter. A loop per letter mispredicted the end of nearly every word, and
    /// this runs over every word of a site.
    @inline(__always)
    mutating func addLetters(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        var letters = letters, groups = groups, previousWasVowel = previousWasVowel, tail = tail
        #if _endian(little)
        while i &+ 8 <= end {
            let lower = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self) | Self.lanes(0x20)
            // The letters at the start of the eight bytes, and the vowels among them: 0x80 in each.
            let letterFlags = Self.flagsBetween(lower, above: 0x60, below: 0x7B)
            let count = (~letterFlags & Self.lanes(0x80)).trailingZeroBitCount / 8
            guard count > 0 else { break }
            let run: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(8 &* count)) &- 1
            let vowels = Self.vowelFlags(lower) & run
            // A vowel starts a group unless the letter before it (the last of the previous bytes,
            // for the first) is one too.
            let starts = vowels & ~(vowels &<< 8 | (previousWasVowel ? 0x80 : 0))
            groups &+= starts.nonzeroBitCount
            previousWasVowel = vowels &>> UInt64(8 &* count &- 1) & 1 != 0
            letters &+= count
            // The last four letters, the latest in the low byte.
            if count >= 4 {
                tail = UInt32(truncatingIfNeeded: lower &>> UInt64(8 &* (count &- 4))).byteSwapped
            } else {
                tail = tail &<< UInt32(8 &* count) | UInt32(truncatingIfNeeded: lower).byteSwapped &>> UInt32(8 &* (4 &- count))
            }
            i &+= count
            guard count == 8 else {
                hasLetter = true
                (self.letters, self.groups, self.previousWasVowel, self.tail) = (letters, groups, previousWasVowel, tail)
                return i
            }
        }
        #endif
        while i < end, Self.isASCIILetter(bytes[i]) {
            let byte = bytes[i] | 0x20  // lowercase
            // Wrapping adds (a count cannot reach Int.max) and no `if`: whether a letter starts a
            // vowel group is a coin toss for the branch predictor, so it is added as 0 or 1.
            letters &+= 1
            let vowel = Self.isVowel(byte)
            groups &+= vowel && !previousWasVowel ? 1 : 0
            previousWasVowel = vowel
            tail = tail << 8 | UInt32(byte)
            i &+= 1
        }
        if i > start { hasLetter = true }
        (self.letters, self.groups, self.previousWasVowel, self.tail) = (letters, groups, previousWasVowel, tail)
        return i
    }

    /// `byte` in each of the eight lanes of a word.
    private static func lanes(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// 0x80 in each byte of `word` that lies strictly between `above` and `below` (both at most 0x80),
    /// and 0 elsewhere; no lane carries into another.
    private static func flagsBetween(_ word: UInt64, above: UInt8, below: UInt8) -> UInt64 {
        let low7 = word & lanes(0x7F)
        return (lanes(0x7F &+ below) &- low7) & ~word & (low7 &+ lanes(0x7F &- above)) & lanes(0x80)
    }

    /// 0x80 in each byte of `word` that is zero, exactly.
    private static func zeroFlags(_ word: UInt64) -> UInt64 {
        ~(((word & lanes(0x7F)) &+ lanes(0x7F)) | word | lanes(0x7F))
    }

    /// 0x80 in each byte of a lowercased word that is a, e, i, o, u or y.
    private static func vowelFlags(_ lower: UInt64) -> UInt64 {
        zeroFlags(lower ^ lanes(0x61)) | zeroFlags(lower ^ lanes(0x65)) | zeroFlags(lower ^ lanes(0x69))
            | zeroFlags(lower ^ lanes(0x6F)) | zeroFlags(lower ^ lanes(0x75)) | zeroFlags(lower ^ lanes(0x79))
    }

    /// A lowercase ASCII letter.
    mutating func add(_ byte: UInt8) {
        hasLetter = true
        letters += 1
        let vowel = Self.isVowel(byte)
        if vowel && !previousWasVowel { groups += 1 }
        previousWasVowel = vowel
        tail = tail << 8 | UInt32(byte)
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
        let (last, second, third, fourth) = (last, second, third, fourth)
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
