import Testing
@testable import ContentModel

/// Pins `TextStatistics.measure` on the inputs its byte loop treats specially: letters of other
/// scripts, apostrophes, three-byte punctuation starting with E2, digits, abbreviations and stops.
/// The worked Flesch–Kincaid examples are in ContentChecksTests' ReadabilityTests.
@Suite struct TextStatisticsTests {
    @Test(arguments: [
        // Letters outside ASCII make a word but are not vowels: café = c·a·f·é, one vowel group.
        ("Café au lait.", 3, 1, 3),
        ("A naïve façade.", 3, 1, 4),
        ("Straße und Fluß.", 3, 1, 3),
        ("été", 1, 1, 1),
        ("x\u{0301}y", 1, 1, 1),
        // Every lead byte of another script counts as a letter, "。" too: one word, no stop.
        ("日本語のテキスト。", 1, 1, 1),
        // E2 sequences other than ’ end a word: an em dash, an ellipsis, a curly quote.
        ("word\u{2014}word", 2, 1, 2),
        ("Wait\u{2026} then go.", 3, 1, 3),
        ("Say \u{201C}stop.\u{201D} Then rest.", 4, 2, 4),
        // ’ or ' inside a word keeps it whole; at the start of a word it is punctuation.
        ("Don\u{2019}t", 1, 1, 1),
        ("It\u{2019}s rock\u{2019}n\u{2019}roll.", 2, 1, 3),
        ("rock'n'roll", 1, 1, 2),
        ("\u{2019}Tis the season.", 3, 1, 4),
        // Digits inside a word join it; a number alone is a one-syllable word; "3.5" is not a stop.
        ("abc123def", 1, 1, 2),
        ("123", 1, 1, 1),
        ("Walk 3.5km. Rest.", 4, 2, 4),
        // Abbreviations: one letter, or dr mr ms vs st mrs, before a full stop.
        ("Dr. Smith said so. Mrs. Jones agreed.", 7, 2, 7),
        ("Mr. Lee vs. Ms. Kay at St. Ives. Done.", 9, 2, 9),
        ("e.g. i.e. a.m.", 6, 1, 6),
        ("A. B. C.", 3, 1, 3),
        ("ab.cd. ef", 3, 2, 3),
        // A stop ends a sentence before a space, tab or line break, or at the end; not before a letter or "!".
        ("Stop.\tGo.\nEnd.", 3, 3, 3),
        ("Stop.Go", 2, 1, 2),
        ("Really?! Yes!", 2, 2, 3),
        // Upper case is read as lower case.
        ("THE CAT SAT.", 3, 1, 3),
        ("I", 1, 1, 1),
        ("Quick brown fox; lazy dog, again.", 6, 1, 8),
        // The silent-e, -le, -ed and -es rules, through measure's letter loop:
        // box·es place·s moved start·ed an·kle peo·ple stretch·es whole knee ex·er·cis·es.
        ("Boxes places moved started ankle people stretches whole knee exercises.", 10, 1, 19),
        ("Supercalifragilisticexpialidocious.", 1, 1, 13),
    ])
    func measure(text: String, words: Int, sentences: Int, syllables: Int) {
        #expect(TextStatistics.measure(text) == TextStatistics(words: words, sentences: sentences, syllables: syllables),
                "\(text)")
    }

    @Test func emptyText() {
        #expect(TextStatistics.measure("") == TextStatistics())
    }

    @Test func longTextIsTheSumOfItsSentences() {
        let sentence = "The cat sat on the mat. "
        #expect(TextStatistics.measure(String(repeating: sentence, count: 100))
            == TextStatistics(words: 600, sentences: 100, syllables: 600))
    }

    /// `measure` reads letters in runs, `syllables(in:)` one at a time: they must agree.
    @Test(arguments: ["moved", "started", "ankle", "table", "boxes", "places", "people", "exercises", "stretches",
                      "whole", "knee", "rehabilitation", "methodologies", "Comprehensive", "queueing", "rhythm"])
    func measureAgreesWithSyllablesOfOneWord(word: String) {
        #expect(TextStatistics.measure(word).syllables == TextStatistics.syllables(in: word), "\(word)")
    }
}
