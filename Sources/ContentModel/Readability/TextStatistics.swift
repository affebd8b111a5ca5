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
    public static func measure(_ text: String) -> TextStatistics {
        var stats = TextStatistics()
        var word = ""
        var sawWordSinceStop = false
        func endWord() {
            guard !word.isEmpty else { return }
            if word.contains(where: \.isLetter) {
                stats.words += 1
                stats.syllables += syllables(in: word)
                sawWordSinceStop = true
            } else if word.contains(where: \.isNumber) {
                // Numbers are words; "15" reads as one or two syllables — count one per digit group.
                stats.words += 1
                stats.syllables += 1
                sawWordSinceStop = true
            }
            word = ""
        }
        var previous: Character = " "
        for character in text {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && previous.isLetter) {
                word.append(character)
            } else {
                endWord()
                // "3.5" and "e.g." do not end sentences: a stop needs a space or the end after it.
                if (character == "." || character == "!" || character == "?") && sawWordSinceStop {
                    stats.sentences += 1
                    sawWordSinceStop = false
                }
            }
            previous = character
        }
        endWord()
        if sawWordSinceStop { stats.sentences += 1 }
        return stats
    }

    /// English syllables by the usual vowel-group heuristic, with the common silent-e and -le rules.
    public static func syllables(in word: String) -> Int {
        let lower = word.lowercased().filter(\.isLetter)
        guard !lower.isEmpty else { return 0 }
        if lower.count <= 3 { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for character in lower {
            let isVowel = vowels.contains(character)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        // Silent final "e" ("stretche-s" is handled by -es below), but "-le" after a consonant is a syllable ("ankle").
        if lower.hasSuffix("e") && !lower.hasSuffix("le") && !lower.hasSuffix("ee") && count > 1 { count -= 1 }
        if lower.hasSuffix("le"), lower.count > 2 {
            let beforeLE = lower[lower.index(lower.endIndex, offsetBy: -3)]
            if vowels.contains(beforeLE) && count > 1 { count -= 1 }
        }
        // "-es" and "-ed" are usually silent ("moves", "stretched"), except after t/d ("started") or s/x/z/ch/sh ("boxes").
        if lower.hasSuffix("ed"), count > 1 {
            let beforeED = lower[lower.index(lower.endIndex, offsetBy: -3)]
            if beforeED != "t" && beforeED != "d" { count -= 1 }
        } else if lower.hasSuffix("es"), count > 1 {
            let stem = lower.dropLast(2)
            if !(stem.hasSuffix("s") || stem.hasSuffix("x") || stem.hasSuffix("z") || stem.hasSuffix("ch") || stem.hasSuffix("sh")
                 || stem.hasSuffix("c") || stem.hasSuffix("g")) {
                count -= 1
            }
        }
        return max(count, 1)
    }
}
