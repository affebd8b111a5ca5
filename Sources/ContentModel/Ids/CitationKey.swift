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
        if let ascii = isValidASCII(text) { return ascii }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last,
              isKeyCharacter(first), isKeyCharacter(last) else { return false }
        return scalars.allSatisfy { isKeyCharacter($0) || internalPunctuation.contains($0) }
    }

    /// The answer for pure-ASCII keys (nearly all), or nil to use the Unicode rules.
    private static func isValidASCII(_ text: String) -> Bool? {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        func isKey(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
        var allASCII = true
        for byte in bytes where byte >= 0x80 { allASCII = false }
        guard allASCII else { return nil }
        guard isKey(first), isKey(last) else { return false }
        return bytes.allSatisfy { isKey($0) || ":.#$%&-+?<>~/".utf8.contains($0) }
    }

    public var description: String { rawValue }
    public static func < (a: CitationKey, b: CitationKey) -> Bool { a.rawValue < b.rawValue }
}
