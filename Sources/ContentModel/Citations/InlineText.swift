import Diagnostics

/// A short text from front matter (a summary, a symptom, a caution) that may cite sources.
public struct InlineText: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    public var citations: [CitationGroup]

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
        self.citations = CitationParser.groups(in: text)
    }

    /// The text with citations removed, for meta descriptions and plain-text uses.
    public var plain: String {
        CitationParser.segments(of: text).compactMap { segment -> String? in
            if case .text(let run) = segment { return run }
            return nil
        }.joined().replacingDoubleSpaces()
    }
}

extension String {
    func replacingDoubleSpaces() -> String {
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
