import Testing
@testable import Markdown

/// Body positions (ASCII lines taken as they are, words of eight bytes at a time) against counting
/// scalars from the start of the body.
@Suite struct LineTableTwinTests {
    private static let pieces = ["a", "é", "—", "😀", "\n", " ", "[@k]", "abcdefgh", "\t", "\u{1}"]

    @Test func positionsMatchCountingFromTheStart() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let firstLine = Int.random(in: 1...5, using: &generator)
            let table = LineTable(text, firstLine: firstLine)
            let bytes = Array(text.utf8)
            var line = firstLine
            var column = 1
            var lineStart = 0
            for offset in 0...bytes.count {
                let isScalarStart = offset == bytes.count || bytes[offset] & 0xC0 != 0x80
                if isScalarStart {
                    let point = SourcePoint(line: line, column: column)
                    #expect(table.point(atOffset: offset) == point, "\(text.debugDescription) at \(offset)")
                    #expect(table.point(line: line - firstLine + 1, byteColumn: offset - lineStart + 1) == point)
                    #expect(table.offset(of: point) == offset, "\(text.debugDescription) at \(offset)")
                }
                guard offset < bytes.count else { break }
                if bytes[offset] == 0x0A {
                    line += 1
                    column = 1
                    lineStart = offset + 1
                } else if offset + 1 == bytes.count || bytes[offset + 1] & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
    }
}
