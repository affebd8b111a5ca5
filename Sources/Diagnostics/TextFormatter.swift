/// Prints diagnostics the way compilers do: `path:line:col: error: message [code]`, optionally
/// followed by the source line and a caret under the column.
public struct TextFormatter: Sendable {
    /// Returns the text of a file by its project-relative path, for source excerpts.
    public typealias SourceProvider = @Sendable (String) -> String?

    public var sourceProvider: SourceProvider?

    public init(sourceProvider: SourceProvider? = nil) {
        self.sourceProvider = sourceProvider
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        guard let line = diagnostic.location.line,
              let source = sourceProvider?(diagnostic.location.file),
              let sourceLine = Self.line(line, of: source) else { return text }
        text += "\n    " + sourceLine
        if let column = diagnostic.location.column {
            // Keep tabs so the caret lines up under tab-indented text.
            let lead = sourceLine.unicodeScalars.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n    " + lead + "^"
        }
        return text
    }

    public func format(_ diagnostics: DiagnosticList) -> String {
        diagnostics.sorted.map(format).joined(separator: "\n")
    }

    /// "2 errors, 1 warning"
    public static func summary(_ diagnostics: DiagnosticList) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))"
    }

    /// Splits on LF bytes, not Characters: "\r\n" is one Character in Swift and would never match "\n".
    private static func line(_ number: Int, of source: String) -> String? {
        var current = 1
        for line in source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if current == number {
                let bytes = line.last == 0x0D ? line.dropLast() : line[...]
                return String(decoding: bytes, as: UTF8.self)
            }
            current += 1
        }
        return nil
    }
}
