/// Prints diagnostics the way compilers do: `path:line:col: error: message [code]`, optionally
/// followed by the source line and a caret under the column.
///
/// A report costs time in proportion to its diagnostics and the files they name: each file's lines
/// are found once, columns are located with a cursor that moves forward along a line, and a long
/// line (minified JSON, generated text) is shown as a window around the column.
public struct TextFormatter: Sendable {
    /// Returns the text of a file by its project-relative path, for source excerpts.
    public typealias SourceProvider = @Sendable (String) -> String?

    public var sourceProvider: SourceProvider?

    /// Lines of up to this many bytes are shown whole; longer ones as a window around the column.
    static let wholeLineLimit = 200
    /// Scalars shown before and after the column in a window of a long line.
    static let windowBefore = 50
    static let windowAfter = 70

    public init(sourceProvider: SourceProvider? = nil) {
        self.sourceProvider = sourceProvider
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var excerpts = Excerpts(provider: sourceProvider)
        return format(diagnostic, with: &excerpts)
    }

    public func format(_ diagnostics: DiagnosticList) -> String {
        var lines: [String] = []
        write(diagnostics) { lines.append($0) }
        return lines.joined(separator: "\n")
    }

    /// Gives each diagnostic's text, in order, as it is made: a report of many thousands is written
    /// as it goes rather than built whole in memory.
    public func write(_ diagnostics: DiagnosticList, to output: (String) -> Void) {
        var excerpts = Excerpts(provider: sourceProvider)
        for diagnostic in diagnostics.sorted { output(format(diagnostic, with: &excerpts)) }
    }

    private func format(_ diagnostic: Diagnostic, with excerpts: inout Excerpts) -> String {
        var text = diagnostic.description
        guard let line = diagnostic.location.line,
              let excerpt = excerpts.excerpt(file: diagnostic.location.file, line: line,
                                             column: diagnostic.location.column) else { return text }
        text += "\n    " + excerpt.text
        if let caret = excerpt.caretLead { text += "\n    " + caret + "^" }
        return text
    }

    /// "2 errors, 1 warning"
    public static func summary(_ diagnostics: DiagnosticList) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))"
    }
}

/// Source excerpts for one report: each file's lines found once, and where the last column was
/// found on its line, so the next column on that line is found from there.
struct Excerpts {
    struct Excerpt {
        var text: String
        /// Whitespace to print before the caret (tabs kept, so it lines up under tab-indented text).
        var caretLead: String?
    }

    let provider: TextFormatter.SourceProvider?
    private var files: [String: SourceLines?] = [:]
    /// The last column located: in which file and line, at which byte offset.
    private var last: (file: String, line: Int, column: Int, offset: Int)?

    init(provider: TextFormatter.SourceProvider?) {
        self.provider = provider
    }

    private mutating func lines(of file: String) -> SourceLines? {
        if let known = files[file] { return known }
        let lines = provider?(file).map(SourceLines.init)
        files[file] = lines
        return lines
    }

    mutating func excerpt(file: String, line: Int, column: Int?) -> Excerpt? {
        guard let lines = lines(of: file), let range = lines.range(ofLine: line) else { return nil }
        return lines.bytes.withUnsafeBufferPointer { bytes -> Excerpt? in
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[range])
            guard let column else {
                let shown = range.count <= TextFormatter.wholeLineLimit ? range
                    : range.lowerBound..<scalarBoundary(after: range.lowerBound, scalars: TextFormatter.windowAfter, in: bytes, end: range.upperBound)
                return Self.printable(UnsafeBufferPointer(rebasing: bytes[shown])).map {
                    Excerpt(text: $0 + (shown == range ? "" : "…"), caretLead: nil)
                }
            }
            let target = offset(ofColumn: column, file: file, line: line, lineStart: range.lowerBound, in: lineBytes)
            if range.count <= TextFormatter.wholeLineLimit {
                guard let text = Self.printable(lineBytes) else { return nil }
                return Excerpt(text: text, caretLead: Self.lead(UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<target])))
            }
            let start = scalarBoundary(before: target, scalars: TextFormatter.windowBefore, in: bytes, start: range.lowerBound)
            let end = scalarBoundary(after: target, scalars: TextFormatter.windowAfter, in: bytes, end: range.upperBound)
            guard let window = Self.printable(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
            let opening = start > range.lowerBound ? "…" : ""
            let closing = end < range.upperBound ? "…" : ""
            let lead = (opening.isEmpty ? "" : " ") + Self.lead(UnsafeBufferPointer(rebasing: bytes[start..<target]))
            return Excerpt(text: opening + window + closing, caretLead: lead)
        }
    }

    /// The byte offset of a scalar column on a line, found from the last column located when it is
    /// on the same line and not after this one (diagnostics come sorted, so it usually is).
    private mutating func offset(ofColumn column: Int, file: String, line: Int, lineStart: Int,
                                 in lineBytes: UnsafeBufferPointer<UInt8>) -> Int {
        var (current, index) = (1, 0)
        if let last, last.file == file, last.line == line, last.column <= column {
            (current, index) = (last.column, last.offset - lineStart)
        }
        while current < column, index < lineBytes.count {
            index += 1
            while index < lineBytes.count, lineBytes[index] & 0xC0 == 0x80 { index += 1 }
            current += 1
        }
        last = (file, line, current, lineStart + index)
        return lineStart + index
    }

    private func scalarBoundary(before offset: Int, scalars: Int, in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Int {
        var index = offset
        var count = 0
        while count < scalars, index > start {
            index -= 1
            while index > start, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            count += 1
        }
        return index
    }

    private func scalarBoundary(after offset: Int, scalars: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var index = offset
        var count = 0
        while count < scalars, index < end {
            index += 1
            while index < end, bytes[index] & 0xC0 == 0x80 { index += 1 }
            count += 1
        }
        return index
    }

    /// Text fit to echo on a terminal: valid UTF-8 with no control characters but tabs, and no
    /// replacement characters (what a binary file decodes to). A binary file's bytes are not echoed.
    private static func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self),
              !text.unicodeScalars.contains(where: { scalar in
                  (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FFFD}"
              }) else { return nil }
        return text
    }

    private static func lead(_ before: UnsafeBufferPointer<UInt8>) -> String {
        var lead = ""
        lead.reserveCapacity(before.count)
        for byte in before where byte & 0xC0 != 0x80 { lead.append(byte == 0x09 ? "\t" : " ") }
        return lead
    }
}
