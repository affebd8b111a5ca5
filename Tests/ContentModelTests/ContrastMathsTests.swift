import Testing
@testable import ContentModel

/// WCAG 2.2's relative luminance and contrast ratio, against known values.
@Suite struct ContrastMathsTests {
    static func colour(_ text: String) -> RGBColor { RGBColor(hex: text)! }

    @Test func knownRatios() {
        let white = RGBColor.white
        #expect(abs(Self.colour("#777").contrast(with: white) - 4.48) < 0.005)
        #expect(abs(Self.colour("#767676").contrast(with: white) - 4.54) < 0.005)
        #expect(abs(Self.colour("#000000").contrast(with: white) - 21) < 0.0001)
        #expect(Self.colour("#1d5c4a").contrast(with: Self.colour("#1D5C4A")) == 1)
        #expect(Self.colour("#0b5a8a").contrast(with: white) == white.contrast(with: Self.colour("#0b5a8a")))
        #expect(abs(Self.colour("#ff0000").relativeLuminance - 0.2126) < 0.0001)
    }

    @Test func colourSyntax() {
        #expect(Self.colour("#777") == Self.colour("#777777"))
        #expect(Self.colour("#1D5c4A").description == "#1d5c4a")
        for bad in ["777", "#77", "#7777", "#12345g", "red", "#1d5c4a80", "rgb(1,2,3)", "", "#"] {
            #expect(RGBColor(hex: bad) == nil, "\(bad)")
        }
    }

    @Test func aFailingRatioIsNeverShownAsThePassMark() {
        #expect(Palette.format(ratio: 4.478, below: 4.5) == "4.48:1")
        #expect(Palette.format(ratio: 4.4996, below: 4.5) == "4.49:1")
        #expect(Palette.format(ratio: 7.4, below: 4.5) == "7.40:1")
    }

    @Test func theDefaultPalettePasses() {
        for pair in Palette().pairs { #expect(pair.ratio >= pair.minimum, "\(pair.what)") }
    }
}
