import Testing
@testable import Diagnostics

/// The index against its slow twin, measuring the distance to every candidate.
@Suite struct SuggestionIndexTests {
    private static let letters: [Unicode.Scalar] = ["a", "b", "c", "s", "m", "1", "9", "é", "-"]

    private static func word(_ length: Int, using generator: inout some RandomNumberGenerator) -> String {
        String(String.UnicodeScalarView((0..<length).map { _ in letters.randomElement(using: &generator)! }))
    }

    /// A word a few random edits away from `base`.
    private static func typo(of base: String, using generator: inout some RandomNumberGenerator) -> String {
        var scalars = Array(base.unicodeScalars)
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            switch Int.random(in: 0...3, using: &generator) {
            case 0 where !scalars.isEmpty: scalars.remove(at: Int.random(in: 0..<scalars.count, using: &generator))
            case 1: scalars.insert(letters.randomElement(using: &generator)!, at: Int.random(in: 0...scalars.count, using: &generator))
            case 2 where !scalars.isEmpty: scalars[Int.random(in: 0..<scalars.count, using: &generator)] = letters.randomElement(using: &generator)!
            case 3 where scalars.count > 1:
                let at = Int.random(in: 0..<(scalars.count - 1), using: &generator)
                scalars.swapAt(at, at + 1)
            default: break
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func answersAsMeasuringEveryCandidateDoes() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<60 {
            // Above and below the size where the index is used.
            let count = round % 2 == 0 ? 200 : 30
            let candidates = (0..<count).map { _ in Self.word(Int.random(in: 1...12, using: &generator), using: &generator) }
            let index = SuggestionIndex(candidates)
            for _ in 0..<100 {
                let query = Bool.random(using: &generator) ? Self.typo(of: candidates.randomElement(using: &generator)!, using: &generator)
                                                           : Self.word(Int.random(in: 0...12, using: &generator), using: &generator)
                #expect(index.closestMatch(to: query) == closestMatch(to: query, in: candidates), "\(query) in \(candidates)")
            }
        }
    }

    @Test func findsTheUsualTyposAmongManyKeys() {
        let keys = (0..<5_000).map { "author\($0)x\(2000 + $0 % 25)" }
        let index = SuggestionIndex(keys)
        #expect(index.closestMatch(to: "author42x2017") == "author42x2017")
        #expect(index.closestMatch(to: "author42x2071") == "author42x2017")  // transposed
        #expect(index.closestMatch(to: "autor42x2071") == "author42x2017")  // two edits
        // Two candidates two edits away: the one given first, as measuring every candidate says.
        #expect(index.closestMatch(to: "autor42x2016") == "author41x2016")
        #expect(closestMatch(to: "autor42x2016", in: keys) == "author41x2016")
        #expect(index.closestMatch(to: "zzzzzzzz") == nil)
        #expect(index.didYouMean("author4x2004") == " — did you mean 'author4x2004'?")
    }
}

/// The bounded distance against the full one.
@Suite struct BoundedEditDistanceTests {
    @Test func givesTheDistanceWhenWithinTheLimitAndNilOtherwise() {
        let letters: [Unicode.Scalar] = ["a", "b", "c", "é"]
        var generator = SystemRandomNumberGenerator()
        var rows = EditDistanceRows()
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let limit = Int.random(in: 0...3, using: &generator)
            let full = editDistance(a, b)
            #expect(rows.distance(a, b, atMost: limit) == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
        }
    }
}
