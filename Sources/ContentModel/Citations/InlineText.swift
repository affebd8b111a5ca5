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
        self.plain = citations.isEmpty ? text : CitationParser.segments(of: text).compactMap { segment -> String? in
            if case .text(let run) = segment { return run }
            return nil
        }.joined().collapsingSpaces()
    }
}

extension String {
    /// Collapses runs of spaces left where citations were taken out, drops a space before punctuation
    /// ("back ." → "back.") and trims the ends.
    public func collapsingSpaces() -> String {
        var result = ""
        var lastWasSpace = false
        for character in self {
            if character == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            result.append(character)
        }
        return result.trimmingWhitespace.replacingSpaceBeforePunctuation()
    }

    func replacingSpaceBeforePunctuation() -> String {
        var result = ""
        for character in self {
            if [".", ",", ";", ":"].contains(character), result.last == " " { result.removeLast() }
            result.append(character)
        }
        return result
    }
}
