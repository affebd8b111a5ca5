/// The id of a bibliography entry, as cited with `[@key]`.
///
/// Pandoc's rule: a letter, digit or `_` first, then letters, digits, `_` and internal punctuation
/// (`:.#$%&-+?<>~/`), never ending in punctuation.
public struct CitationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard CitationKey.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    static let internalPunctuation: Set<Unicode.Scalar> = [":", ".", "#", "$", "%", "&", "-", "+", "?", "<", ">", "~", "/"]

    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    public static func isValid(_ text: String) -> Bool {
        isValidASCII(text) ?? isValidScalars(text)
    }

    /// The rule over Unicode scalars: the definition, and the slow twin of the ASCII path.
    static func isValidScalars(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last,
              isKeyCharacter(first), isKeyCharacter(last) else { return false }
        return scalars.allSatisfy { isKeyCharacter($0) || internalPunctuation.contains($0) }
    }

    /// The answer for pure-ASCII keys (nearly all), or nil to use the Unicode rules.
    static func isValidASCII(_ text: String) -> Bool? {
        func isKey(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
        func isInternalPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
                 UInt8(ascii: "&"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        // Read from the string's storage: every citation of every page is checked.
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return false }
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard isKey(first), isKey(last) else { return false }
            return bytes.allSatisfy { isKey($0) || isInternalPunctuation($0) }
        }
    }

    public var description: String { rawValue }
    public static func < (a: CitationKey, b: CitationKey) -> Bool { a.rawValue < b.rawValue }
}
