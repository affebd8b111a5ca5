import Testing
@testable import Diagnostics

@Suite struct SuggestionTests {
    @Test func suggestsTheCitationKeyOneDigitAway() {
        #expect(closestMatch(to: "smith2019", in: ["belavy2017", "smith2018", "jones2019"]) == "smith2018")
        #expect(didYouMean("smith2019", in: ["smith2018"]) == " — did you mean 'smith2018'?")
    }

    @Test(arguments: [
        ("strech", ["stretch", "strength", "aerobic", "mobility", "balance", "cool-down"], "stretch"),
        ("sumary", ["title", "summary", "conditions"], "summary"),
        ("sciatca", ["sciatica", "chronic-low-back-pain"], "sciatica"),
        ("glute-brige", ["glute-bridge", "clamshell"], "glute-bridge"),
        ("Title", ["title"], "title"),  // case is ignored when comparing
        ("moderat", ["easy", "moderate", "hard"], "moderate"),
    ])
    func suggestsLikelyTypos(word: String, candidates: [String], expected: String) {
        #expect(closestMatch(to: word, in: candidates) == expected)
    }

    @Test(arguments: [
        ("zz", ["a"]),
        ("walking", ["sciatica", "clamshell"]),
        ("banana", ["title", "summary", "conditions"]),
        ("xyz", [String]()),
        ("completely-different", ["glute-bridge"]),
    ])
    func doesNotSuggestUnrelatedWords(word: String, candidates: [String]) {
        #expect(closestMatch(to: word, in: candidates) == nil)
        #expect(didYouMean(word, in: candidates) == "")
    }

    @Test func keepsTheCandidatesOwnSpelling() {
        #expect(closestMatch(to: "PUBLISHED", in: ["published"]) == "published")
        #expect(closestMatch(to: "publishd", in: ["Published"]) == "Published")
    }

    @Test func firstOfEquallyCloseCandidatesWins() {
        #expect(closestMatch(to: "smith2019", in: ["smith2018", "smith2017"]) == "smith2018")
    }

    /// A swapped pair of letters is the most common typo; `titel` should suggest `title`.
    @Test func suggestsATranspositionInAShortWord() {
        #expect(closestMatch(to: "titel", in: ["title", "summary", "conditions", "review", "published"]) == "title")
    
    }

    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("smith2019", "smith2018", 1),
        ("flaw", "lawn", 2),
        ("titel", "title", 1),  // a swap of neighbours is one edit
        ("ca", "abc", 3),       // optimal string alignment, not full Damerau: no edits inside a swapped pair
        ("same", "same", 0),
        ("café", "cafe", 1),   // é is one scalar
        ("👍", "👎", 1),
    ])
    func editDistanceOverScalars(a: String, b: String, expected: Int) {
        #expect(editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == expected)
        #expect(editDistance(Array(b.unicodeScalars), Array(a.unicodeScalars)) == expected)
    }
}
