import Foundation

/// A colour written `#rrggbb` or `#rgb` in `site.yml`.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public let red: UInt8, green: UInt8, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#1d5c4a`, `#1D5C4A` or `#777`; nil for anything else (names, `rgb()`, alpha).
    public init?(hex text: String) {
        let digits = Array(text.utf8)
        guard digits.first == UInt8(ascii: "#"), digits.count == 4 || digits.count == 7 else { return nil }
        var values: [UInt8] = []
        for digit in digits.dropFirst() {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        if values.count == 3 { values = values.flatMap { [$0, $0] } }
        self.init(red: values[0] << 4 | values[1], green: values[2] << 4 | values[3], blue: values[4] << 4 | values[5])
    }

    /// `#1d5c4a`
    public var description: String {
        let hex = Array("0123456789abcdef")
        return "#" + String([red, green, blue].flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }

    /// WCAG 2.2's relative luminance, from the sRGB channels.
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG's contrast ratio, 1 to 21, the same either way round.
    public func contrast(with other: RGBColor) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = RGBColor(red: 255, green: 255, blue: 255)
}

/// The stylesheet's colours. `brand` and `link` come from `site.yml` (`brand-color`, `accent-color`);
/// the rest are fixed, chosen to pass WCAG 2.2 AA with every text colour.
public struct Palette: Sendable, Equatable {
    public var brand = RGBColor(hex: "#1d5c4a")!
    public var link = RGBColor(hex: "#0b5a8a")!
    public static let ink = RGBColor(hex: "#1b1f23")!
    public static let muted = RGBColor(hex: "#4a5560")!
    public static let paper = RGBColor.white
    public static let tint = RGBColor(hex: "#f3f6f4")!
    public static let warnBackground = RGBColor(hex: "#fff4e0")!
    public static let careBackground = RGBColor(hex: "#fdecec")!
    public static let mark = RGBColor(hex: "#fff1a8")!
    /// The focus ring inside the brand-coloured header.
    public static let headerFocus = RGBColor(hex: "#ffd58a")!

    public init() {}

    /// Which site.yml colour a pair depends on.
    public enum Source: Sendable { case brand, accent }

    /// A foreground on a background, as the stylesheet draws it, and the contrast WCAG 2.2 AA asks of it.
    public struct Pair: Sendable {
        public var source: Source
        /// In plain words: "white header text on the brand colour".
        public var what: String
        public var foreground: RGBColor
        public var background: RGBColor
        /// 4.5 for text, 3 for focus rings and borders (non-text contrast).
        public var minimum: Double
        public var ratio: Double { foreground.contrast(with: background) }
    }

    /// Every pair the two chosen colours take part in.
    public var pairs: [Pair] {
        [
            Pair(source: .brand, what: "white header text on the brand colour", foreground: .white, background: brand, minimum: 4.5),
            Pair(source: .brand, what: "brand-coloured labels and buttons on the white page", foreground: brand, background: Self.paper, minimum: 4.5),
            Pair(source: .brand, what: "brand-coloured labels on the tinted boxes", foreground: brand, background: Self.tint, minimum: 4.5),
            Pair(source: .brand, what: "the header's focus ring on the brand colour", foreground: Self.headerFocus, background: brand, minimum: 3),
            Pair(source: .accent, what: "links on the white page", foreground: link, background: Self.paper, minimum: 4.5),
            Pair(source: .accent, what: "links on the tinted boxes and footer", foreground: link, background: Self.tint, minimum: 4.5),
            Pair(source: .accent, what: "links in warning boxes", foreground: link, background: Self.warnBackground, minimum: 4.5),
            Pair(source: .accent, what: "links in the care boxes", foreground: link, background: Self.careBackground, minimum: 4.5),
            Pair(source: .accent, what: "highlighted search words in links", foreground: link, background: Self.mark, minimum: 4.5),
        ]
    }

    /// "4.48:1", never rounded up to the minimum it fails.
    public static func format(ratio: Double, below minimum: Double) -> String {
        var shown = (ratio * 100).rounded() / 100
        if shown >= minimum, ratio < minimum { shown = (ratio * 100).rounded(.down) / 100 }
        return String(format: "%.2f:1", shown)
    }
}
