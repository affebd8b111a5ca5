import Diagnostics

/// A short text from front matter (a summary, a symptom, a caution) that may cite sources.
public struct InlineText: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation
    public let citations: [CitationGroup]
    /// The text with citations removed, for meta descriptions and plain-text uses. Made once: feeds,
    /// search, structured data and readability all ask for it.
    public let plain: String

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
        self.citations = CitationParser.groups(in: text)
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
