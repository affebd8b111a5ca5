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
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last,
              isKeyCharacter(first), isKeyCharacter(last) else { return false }
        return scalars.allSatisfy { isKeyCharacter($0) || internalPunctuation.contains($0) }
    }

    public var description: String { rawValue }
    public static func < (a: CitationKey, b: CitationKey) -> Bool { a.rawValue < b.rawValue }
}
