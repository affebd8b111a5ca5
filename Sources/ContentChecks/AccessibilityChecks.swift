import ContentModel
import Diagnostics

/// What a screen-reader user needs from a body: one page title (the template's `<h1>`), section
/// headings that do not skip levels, alt text on images, and links whose text says where they go.
public enum AccessibilityChecks {
    public static func check(_ body: Body) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for alt in body.imageAlts where alt.value.trimmingWhitespace.isEmpty {
            diagnostics.append(.warning(
                .missingAltText, "this image has no alt text; describe it in the brackets: ![A person lying on their back](bridge.png)",
                at: alt.location))
        }
        for text in body.shortLinkTexts where vagueLinkTexts.contains(trimmingPunctuation(text.value.trimmingWhitespace.lowercased())) {
            diagnostics.append(.warning(
                .vagueLinkText, "link text '\(text.value)' does not say where it goes; use words that name the page, like 'the glute bridge card'",
                at: text.location))
        }
        var previous = 1
        for heading in body.headings {
            if heading.level == 1 {
                diagnostics.append(.error(
                    .headingLevel, "a '#' heading would be a second page title; start body sections at '##'",
                    at: heading.location))
            } else if heading.level > previous + 1 {
                diagnostics.append(.warning(
                    .headingLevel, "this heading skips from level \(previous) to \(heading.level); use \(String(repeating: "#", count: previous + 1)) so screen-reader users can follow the outline",
                    at: heading.location))
            }
            previous = heading.level
        }
        return diagnostics
    }

    /// Link text must make sense out of context: screen readers list links on their own.
    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "this", "this link", "link", "read more", "more", "click", "this page",
    ]

    /// "here." → "here"; "“this”" → "this": punctuation (Unicode category P) off both ends.
    static func trimmingPunctuation(_ text: String) -> String {
        func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPunctuation($0) }),
              let last = scalars.lastIndex(where: { !isPunctuation($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
