import Diagnostics

/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatterSplit {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The file line of the YAML's first line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: String
    /// The file line the body starts on.
    var bodyFirstLine: Int
    /// The `---` opening line, for "missing field" diagnostics that have no better place.
    var openingLocation: SourceLocation

    /// Splits normalised text (`\n` line endings). The front matter must start on the first line.
    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        let opening = SourceLocation(file: file, line: 1, column: 1)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, isFence(first, allowDots: false) else {
            return .failure(.error(
                .missingFrontMatter,
                "the file has no front matter; start it with a '---' line, the YAML fields, and another '---' line",
                at: opening))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            return .failure(.error(
                .unterminatedFrontMatter, "the front matter is never closed; add a '---' line after the last field",
                at: opening))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let bodyLines = lines[(closing + 1)...]
        var body = bodyLines.joined(separator: "\n")
        if !body.isEmpty { body += "\n" }
        return .success(FrontMatterSplit(
            yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2, openingLocation: opening))
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
