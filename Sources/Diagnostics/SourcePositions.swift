/// Line and column (1-based; columns count Unicode scalars) of byte offsets in UTF-8 text that is
/// read front to back.
///
/// Readers (JSON, HTML, diagnostics' excerpts) ask for positions at offsets that only grow, so the
/// cursor counts each byte once however many positions are asked for: recounting a column from the
/// line's start for every value made a minified one-line file quadratic.
public struct PositionCursor: Sendable {
    public private(set) var offset = 0
    public private(set) var line = 1
    public private(set) var column = 1

    public init() {}

    /// Moves to `target` (clamped to the text), counting newlines and scalars on the way. Moving back
    /// starts again from the beginning: correct, and never done by a reader that reads forward.
    public mutating func move(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let target = min(max(target, 0), bytes.count)
        if target < offset { self = PositionCursor() }
        var index = offset
        while index < target {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        offset = target
    }
}

/// The lines of one file, found in one pass; a line's text is then a slice, not a new split.
public struct SourceLines: Sendable {
    public let bytes: [UInt8]
    /// The byte offset each line starts at; line n (1-based) starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] == 0x0A { starts.append(index + 1) }
                index += 1
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// Line `number`'s bytes without its line break (LF or CRLF), or nil past the end.
    public func range(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
