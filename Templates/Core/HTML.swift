/// Markup that is safe to write into a page.
///
/// String literals in a template are trusted markup; every interpolated `String` is escaped for both
/// text and attribute contexts; `HTML` values pass through. The only ways to insert unescaped text are
/// ``HTML/unescaped(_:)`` and ``HTML/appendUnescaped(_:)`` — keep them rare and greppable. There is
/// deliberately no catch-all interpolation, so interpolating a value of any other type does not compile.
///
/// The markup is kept as UTF-8 bytes, which are what a page file is written from. A page is joined
/// from hundreds of pieces, and appending bytes costs about half of what appending to a `String`
/// costs; literals are `StaticString`s, copied from the binary as they are.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public typealias StringLiteralType = StaticString

    /// The markup's UTF-8 bytes.
    public private(set) var bytes: [UInt8]

    public init(stringLiteral literal: StaticString) {
        bytes = []
        Self.append(literal, to: &bytes)
    }

    public init(stringInterpolation: StringInterpolation) {
        bytes = stringInterpolation.bytes
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public static let empty = HTML(bytes: [])

    /// Inserts `markup` without escaping. Only for markup Salve itself produced (cmark's output, JSON-LD
    /// already encoded, the stylesheet).
    public static func unescaped(_ markup: String) -> HTML {
        HTML(bytes: Array(markup.utf8))
    }

    /// Markup Salve wrote as bytes (JSON-LD), inserted without escaping.
    static func unescaped(bytes: [UInt8]) -> HTML {
        HTML(bytes: bytes)
    }

    /// Escaped text.
    public static func text(_ text: String) -> HTML {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return HTML(bytes: bytes)
    }

    /// The markup as a string.
    public var markup: String { String(decoding: bytes, as: UTF8.self) }

    public var description: String { markup }

    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }
    public var isEmpty: Bool { bytes.isEmpty }

    /// Appends markup without escaping: the ``unescaped(_:)`` rule, for a run of markup Salve produced
    /// (cmark's output) that is appended where it lies instead of being copied into a string first.
    public mutating func appendUnescaped(_ markup: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: markup)
    }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(bytes: a.bytes + b.bytes) }
    public static func += (a: inout HTML, b: HTML) { a.bytes.append(contentsOf: b.bytes) }

    // For pages joined from many small pieces: `+= "…"` makes an `HTML` value, and an array, of
    // each literal before appending it.

    /// Appends trusted markup from a literal.
    public mutating func append(_ literal: StaticString) { Self.append(literal, to: &bytes) }
    /// Appends escaped text.
    public mutating func append(text: String) { Self.appendEscaped(text, to: &bytes) }

    public struct StringInterpolation: StringInterpolationProtocol {
        public typealias StringLiteralType = StaticString

        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            HTML.append(literal, to: &bytes)
        }

        /// Text and attribute values: always escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTML.appendEscaped(text, to: &bytes)
        }

        public mutating func appendInterpolation(_ html: HTML) {
            bytes.append(contentsOf: html.bytes)
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { bytes.append(contentsOf: part.bytes) }
        }

        public mutating func appendInterpolation(_ number: Int) {
            HTML.appendUTF8(of: String(number), to: &bytes)
        }
    }

    private static func append(_ literal: StaticString, to bytes: inout [UInt8]) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static func appendUTF8(of text: String, to bytes: inout [UInt8]) {
        var text = text  // shares storage; withUTF8 needs a var
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Escapes the five characters that matter in text and in quoted attributes, writing bytes.
    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            guard source.contains(where: needsEscaping) else {
                bytes.append(contentsOf: source)
                return
            }
            for byte in source {
                switch byte {
                case 0x26: append("&amp;", to: &bytes)
                case 0x3C: append("&lt;", to: &bytes)
                case 0x3E: append("&gt;", to: &bytes)
                case 0x22: append("&quot;", to: &bytes)
                case 0x27: append("&#39;", to: &bytes)
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Escapes the five characters that matter in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        guard text.containsUTF8Byte(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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
