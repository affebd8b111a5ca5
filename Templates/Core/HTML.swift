/// Markup that is safe to write into a page.
///
/// String literals in a template are trusted markup; every interpolated `String` is escaped for both
/// text and attribute contexts; `HTML` values pass through. The only way to insert unescaped text is
/// ``HTML/unescaped(_:)`` — keep it rare and greppable. There is deliberately no catch-all
/// interpolation, so interpolating a value of any other type does not compile.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var markup: String

    public init(stringLiteral literal: String) {
        markup = literal
    }

    public init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    private init(markup: String) {
        self.markup = markup
    }

    public static let empty = HTML(markup: "")

    /// Inserts `markup` without escaping. Only for markup Salve itself produced (cmark's output, JSON-LD
    /// already encoded, the stylesheet).
    public static func unescaped(_ markup: String) -> HTML {
        HTML(markup: markup)
    }

    /// Escaped text.
    public static func text(_ text: String) -> HTML {
        HTML(markup: escape(text))
    }

    public var description: String { markup }

    public mutating func reserveCapacity(_ bytes: Int) { markup.reserveCapacity(bytes) }
    public var isEmpty: Bool { markup.isEmpty }

    /// Appends markup without escaping: the ``unescaped(_:)`` rule, for a run of markup Salve produced
    /// (cmark's output) that is appended where it lies instead of being copied into a string first.
    public mutating func appendUnescaped(_ markup: Substring) { self.markup += markup }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.markup + b.markup) }
    public static func += (a: inout HTML, b: HTML) { a.markup += b.markup }

    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text and attribute values: always escaped.
        public mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { markup += part.markup }
        }

        public mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }
    }

    /// Escapes the five characters that matter in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        guard text.containsUTF8Byte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Array where Element == HTML {
    public func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        for (index, part) in enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}
