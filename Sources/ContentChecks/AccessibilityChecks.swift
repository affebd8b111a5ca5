import ContentModel
import Diagnostics

/// What a screen-reader user needs from a body's structure: one page title (the template's `<h1>`),
/// and section headings that do not skip levels.
public enum AccessibilityChecks {
    public static func check(_ body: Body) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
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
}
