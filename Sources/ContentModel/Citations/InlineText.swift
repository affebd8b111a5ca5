import Diagnostics

/// A short text from front matter (a summary, a symptom, a caution) that may cite sources.
public struct InlineText: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation
    public let citations: [CitationGroup]
    /// The text with citations removed, for meta descriptions and plain-text uses. Made once: feeds,
    /// search, structured data and readability all ask for it.
    public let plain: String
    /// Where each cited key's `@` is written, in the order of `citations`' items (the start of the
    /// text when the source was not available to find it).
    public let keyLocations: [SourceLocation]

    /// - Parameter locate: finds where a cited `@key` is written, searching from the text's start.
    public init(_ text: String, at location: SourceLocation, locate: ((String) -> SourceLocation?)? = nil) {
        self.text = text
        self.location = location
        let citations = CitationParser.groups(in: text)
        self.citations = citations
        self.keyLocations = citations.flatMap(\.items).map { item in locate?("@" + item.key.rawValue) ?? location }
        self.plain = citations.isEmpty ? text : CitationParser.segments(of: text, groups: citations).compactMap { segment -> String? in
            if case .text(let run) = segment { return run }
            return nil
        }.joined().collapsingSpaces()
    }
}

extension String {
    /// Collapses runs of spaces left where citations were taken out, drops a space before punctuation
    /// ("back ." → "back.") and trims the ends.
    ///
    /// Over UTF-8 bytes: every byte it looks at is ASCII, and it runs for each step of every card.
    public func collapsingSpaces() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: " ") where bytes.last == UInt8(ascii: " "):
                continue
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
                if bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace
    }
}
