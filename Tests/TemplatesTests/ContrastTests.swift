import Testing
@testable import Templates

/// WCAG 2.2 AA by construction: every text colour the stylesheet puts on every background it uses
/// has a contrast ratio of at least 4.5:1, and the focus rings at least 3:1 (non-text contrast).
@Suite struct ContrastTests {
    /// `--name: #rrggbb;` declarations from the stylesheet's `:root`.
    static let palette: [String: String] = {
        var colours: [String: String] = [:]
        for line in Stylesheet.css.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].hasPrefix("--") else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
            if value.hasPrefix("#"), value.count == 7 { colours[String(parts[0])] = value }
        }
        colours["white"] = "#ffffff"
        return colours
    }()

    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ index: Int) -> Double {
            let value = Double(Int(String(digits[index..<(index + 2)]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055).power(2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// (text, background) pairs as the stylesheet uses them.
    static let textPairs: [(String, String)] = [
        ("--ink", "--paper"), ("--muted", "--paper"), ("--link", "--paper"), ("--brand", "--paper"),
        ("white", "--brand"), ("--muted", "--tint"), ("--link", "--tint"), ("--brand", "--tint"), ("--ink", "--tint"),
        ("--ink", "--warn-bg"), ("--link", "--warn-bg"), ("--muted", "--warn-bg"),
        ("--ink", "--care-bg"), ("--link", "--care-bg"), ("--muted", "--care-bg"),
        ("--ink", "--mark"), ("--link", "--mark"),
    ]

    @Test(arguments: textPairs.indices)
    func textHasAtLeastFourAndAHalfToOne(index: Int) throws {
        let (text, background) = Self.textPairs[index]
        let foreground = try #require(Self.palette[text], "\(text) is not in the stylesheet")
        let back = try #require(Self.palette[background], "\(background) is not in the stylesheet")
        #expect(Self.ratio(foreground, back) >= 4.5, "\(text) on \(background)")
    }

    @Test func focusRingsStandOut() throws {
        let focus = try #require(Self.palette["--focus"])
        #expect(Self.ratio(focus, try #require(Self.palette["--paper"])) >= 3)
        // The header's own focus colour, on the brand green.
        #expect(Stylesheet.css.contains(".site-header :focus-visible { outline-color: #ffd58a; }"))
        #expect(Self.ratio("#ffd58a", try #require(Self.palette["--brand"])) >= 3)
    }

    @Test func targetsAreAtLeastTwentyFourPixels() {
        #expect(Stylesheet.css.contains(".site-header nav a { color: #fff; display: inline-block; min-height: 24px; min-width: 24px;"))
        #expect(Stylesheet.css.contains("min-height: 32px"))
    }
}

import Foundation

extension Double {
    func power(_ exponent: Double) -> Double { Foundation.pow(self, exponent) }
}
