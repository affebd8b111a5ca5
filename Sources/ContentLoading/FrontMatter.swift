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
    /// Scans bytes line by line up to the closing fence only; the body is never split into lines.
    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        var text = text
        // Read in place: copying every file's bytes into an array first was a copy too many.
        return text.withUTF8 { split($0, file: file) }
    }

    private static func split(_ utf8: UnsafeBufferPointer<UInt8>, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        let opening = SourceLocation(file: file, line: 1, column: 1)
        func lineEnd(from start: Int) -> Int {
            var index = start
            while index < utf8.count, utf8[index] != 0x0A { index += 1 }
            return index
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(utf8[0..<firstEnd], allowDots: false) else {
            return .failure(.error(
                .missingFrontMatter,
                "the file has no front matter; start it with a '---' line, the YAML fields, and another '---' line",
                at: opening))
        }
        var lineStart = firstEnd + 1
        var line = 2
        while lineStart <= utf8.count {
            let end = lineEnd(from: lineStart)
            if lineStart < utf8.count, isFence(utf8[lineStart..<end], allowDots: true) {
                // The YAML is every line between the fences, without the newline before the closing one.
                let yamlStart = firstEnd + 1
                let yaml = String(decoding: utf8[yamlStart..<max(yamlStart, lineStart - 1)], as: UTF8.self)
                let bodyStart = min(end + 1, utf8.count)
                return .success(FrontMatterSplit(
                    yaml: yaml, yamlFirstLine: 2, body: String(decoding: utf8[bodyStart...], as: UTF8.self),
                    bodyFirstLine: line + 1, openingLocation: opening))
            }
            lineStart = end + 1
            line += 1
        }
        return .failure(.error(
            .unterminatedFrontMatter, "the front matter is never closed; add a '---' line after the last field",
            at: opening))
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
