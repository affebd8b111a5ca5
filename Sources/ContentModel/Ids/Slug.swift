/// A page's id and the last part of its URL: lowercase letters, digits and single hyphens.
///
/// Because nothing else is allowed, a slug can never name a path outside `Output/`. A nested id
/// (``init(path:)``) is such slugs joined by `/`, and keeps that promise.
public struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard Slug.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A nested id, `about/team`: slugs joined by single slashes (plain pages in sub-folders).
    public init?(path parts: [String]) {
        guard !parts.isEmpty, parts.allSatisfy(Slug.isValid) else { return nil }
        rawValue = parts.joined(separator: "/")
    }

    public var isNested: Bool { rawValue.utf8.contains(UInt8(ascii: "/")) }

    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true  // rejects a leading hyphen
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }

    /// Turns any title into a slug-shaped anchor ("Why it helps!" → "why-it-helps").
    public static func anchor(from text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiAnchor(from: text) : scalarAnchor(from: text)
    }

    /// The rule over Unicode scalars: the definition, and the slow twin of the ASCII path.
    static func scalarAnchor(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            // ASCII needs no Unicode property lookup, which costs more than the rest of the loop.
            let isWordCharacter = scalar.isASCII
                ? ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                : scalar.properties.isAlphabetic
            if isWordCharacter {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// `anchor(from:)` for ASCII titles, most of them, over bytes: no lowercased copy, no scalars.
    static func asciiAnchor(from text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(lower)
            } else if byte != UInt8(ascii: "'") {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { rawValue }
    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let slug = Slug(path: raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid slug"))
        }
        self = slug
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
