import Testing
@testable import ContentModel

/// The byte-level checks for ASCII ids against the scalar rules they stand in for.
@Suite struct IdFastPathTwinTests {
    private static let asciiPieces: [String] = ["a", "Z", "0", "9", "_", "-", ":", ".", "#", "/", " ", "'", "!", "?", "<", "@", "(", "2019", "Why", "it"]

    private static func randomASCII(using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &generator)).map { _ in asciiPieces.randomElement(using: &generator)! }.joined()
    }

    @Test func citationKeysReadAsBytesFollowTheScalarRule() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = Self.randomASCII(using: &generator)
            #expect(CitationKey.isValidASCII(text) == CitationKey.isValidScalars(text), "\(text.debugDescription)")
        }
        // Non-ASCII text is left to the scalar rule.
        #expect(CitationKey.isValidASCII("müller2019") == nil)
        #expect(CitationKey.isValid("müller2019"))
    }

    @Test func anchorsReadAsBytesFollowTheScalarRule() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = Self.randomASCII(using: &generator)
            #expect(Slug.asciiAnchor(from: text) == Slug.scalarAnchor(from: text), "\(text.debugDescription)")
        }
    }
}
