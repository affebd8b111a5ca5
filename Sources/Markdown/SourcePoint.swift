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
    private let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    let firstLine: Int

    init(_ text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        self.firstLine = firstLine
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lineStarts.append(offset + 1)
        }
    }

    /// `line` and `byteColumn` are cmark's, both 1-based, relative to the body.
    func point(line: Int, byteColumn: Int) -> SourcePoint {
        let fileLine = line + firstLine - 1
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
            return SourcePoint(line: max(fileLine, firstLine), column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var scalars = 0
        var index = start
        while index < end {
            // Count every byte that is not a UTF-8 continuation byte (10xxxxxx).
            if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return SourcePoint(line: fileLine, column: scalars + 1)
    }
}
