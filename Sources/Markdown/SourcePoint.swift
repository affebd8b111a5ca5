/// A 1-based line and column in the file a document came from.
///
/// Columns count Unicode scalars, as libYAML does, so a caret printed under a line that holds
/// "é" or "—" lands where the writer expects; cmark itself reports byte columns.
public struct SourcePoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePoint, b: SourcePoint) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Maps cmark's (line, byte column) in the body to file positions.
///
/// The body's first line is `firstLine` in the file: the front matter's length is added here, once,
/// and nowhere else (the off-by-N bug Hugo and Zola both shipped came from adding it twice or never).
struct LineTable {
    /// The body itself, read in place through `withBytes`: sharing the document's string rather than
    /// copying it into an array saves a copy of every page.
    private let text: String
    private let lineStarts: [Int]
    /// Lines with no multi-byte characters, whose byte column is already the scalar column: most
    /// lines, and counting would otherwise make long paragraphs quadratic.
    private let asciiLines: [Bool]
    let firstLine: Int
    /// Set for text put together from pieces of another document's body (a table's cells): its
    /// positions are those of the pieces in that body.
    private let map: SourceMap?

    init(_ text: String, firstLine: Int, map: SourceMap? = nil) {
        self.text = text
        self.firstLine = firstLine
        self.map = map
        var lineStarts = [0]
        var asciiLines: [Bool] = []
        // Eight bytes at a time: a line is ASCII when no byte has its top bit set; the byte loop
        // finds the newline. This runs over every byte of every page.
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var index = 0
            var ascii = true
            while index < count {
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // No newline in the word (the zero-byte test on word ^ "\n\n…"): take it whole.
                    let newlines = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    if (newlines &- 0x0101_0101_0101_0101) & ~newlines & 0x8080_8080_8080_8080 == 0 {
                        if word & 0x8080_8080_8080_8080 != 0 { ascii = false }
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    lineStarts.append(index + 1)
                    asciiLines.append(ascii)
                    ascii = true
                } else if byte >= 0x80 {
                    ascii = false
                }
                index += 1
            }
            asciiLines.append(ascii)
        }
        if asciiLines.isEmpty { asciiLines.append(true) }  // an empty body: one empty line
        self.lineStarts = lineStarts
        self.asciiLines = asciiLines
    }

    /// The body's UTF-8 bytes, in place (a native string is contiguous, so nothing is copied).
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    /// The byte offset in the body of a file position (scalar column), or nil when outside the body.
    func offset(of point: SourcePoint) -> Int? {
        if let map {
            return map.file.offset(of: point).flatMap { map.derivedOffset(ofSource: $0) }
        }
        let line = point.line - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return nil }
        return withBytes { bytes in
            if asciiLines[line - 1] { return min(lineStarts[line - 1] + point.column - 1, bytes.count) }
            var index = lineStarts[line - 1]
            var scalars = 1
            while scalars < point.column, index < bytes.count, bytes[index] != 0x0A {
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                scalars += 1
            }
            return index
        }
    }

    /// The file position of a byte offset in the body.
    func point(atOffset offset: Int) -> SourcePoint {
        if let map { return map.file.point(atOffset: map.sourceOffset(ofDerived: offset)) }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return point(line: low + 1, byteColumn: offset - lineStarts[low] + 1)
    }

    /// The byte range of a body line (cmark's 1-based line number), without its newline.
    func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : withBytes { $0.count }
        return start..<max(start, end)
    }

    /// Where `needle` is first written at or after `start`, searching at most `limit` bytes.
    func find(_ needle: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard let first = needle.first else { return nil }
        return withBytes { bytes in
            var index = start
            let end = min(bytes.count - needle.count, start + limit)
            while index <= end {
                if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }

    /// `line` and `byteColumn` are cmark's, both 1-based, relative to the body.
    func point(line: Int, byteColumn: Int) -> SourcePoint {
        if let map {
            let line = min(max(line, 1), lineStarts.count)
            return map.file.point(atOffset: map.sourceOffset(ofDerived: lineStarts[line - 1] + max(byteColumn, 1) - 1))
        }
        let fileLine = line + firstLine - 1
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
            return SourcePoint(line: max(fileLine, firstLine), column: max(byteColumn, 1))
        }
        if asciiLines[line - 1] { return SourcePoint(line: fileLine, column: byteColumn) }
        let start = lineStarts[line - 1]
        let scalars = withBytes { bytes in
            let end = min(start + byteColumn - 1, bytes.count)
            var scalars = 0
            var index = start
            while index < end {
                // Count every byte that is not a UTF-8 continuation byte (10xxxxxx).
                if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                index += 1
            }
            return scalars
        }
        return SourcePoint(line: fileLine, column: scalars + 1)
    }
}

/// Where each byte of a text put together from pieces of a body was written in that body.
final class SourceMap {
    /// A run of the derived text starting at `derived`: copied from `source` on, or (when `fixed`)
    /// written by Salve and placed at `source`.
    struct Run {
        var derived: Int
        var source: Int
        var fixed: Bool
    }

    let file: LineTable
    let runs: [Run]
    /// The copied runs, each with its length, in the order they are written in the file (a caption
    /// written after a table comes first in its cells' text).
    private let copied: [(source: Int, derived: Int, length: Int)]

    init(file: LineTable, runs: [Run]) {
        self.file = file
        self.runs = runs
        var copied: [(source: Int, derived: Int, length: Int)] = []
        for (index, run) in runs.enumerated() where !run.fixed {
            let length = (index + 1 < runs.count ? runs[index + 1].derived : Int.max) - run.derived
            copied.append((run.source, run.derived, length))
        }
        self.copied = copied.sorted { $0.source < $1.source }
    }

    func sourceOffset(ofDerived offset: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        guard high >= 0 else { return 0 }
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].derived <= offset { low = middle } else { high = middle - 1 }
        }
        let run = runs[low]
        return run.fixed ? run.source : run.source + max(0, offset - run.derived)
    }

    func derivedOffset(ofSource offset: Int) -> Int? {
        // Runs do not overlap in the file: the one holding `offset` is the last non-empty run
        // starting at or before it.
        var low = 0
        var high = copied.count
        while low < high {
            let middle = (low + high) / 2
            if copied[middle].source <= offset { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0, copied[index].length == 0 { index -= 1 }
        if index >= 0, offset - copied[index].source < copied[index].length {
            return copied[index].derived + offset - copied[index].source
        }
        return nil
    }
}
