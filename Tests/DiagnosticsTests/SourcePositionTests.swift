import Testing
@testable import Diagnostics

/// The cursor and the line table against their slow twins: counting from the start of the text for
/// every position, and splitting the text into lines.
@Suite struct SourcePositionTests {
    private static let alphabet: [String] = ["a", "b", " ", "\n", "\r\n", "é", "—", "😀", "\t", "{", "\""]

    private static func randomText(maxLength: Int, using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...maxLength, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    /// Line and scalar column of a byte offset, counted from the start.
    private static func slowPosition(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    @Test func cursorAgreesWithCountingFromTheStart() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = Array(Self.randomText(maxLength: 60, using: &generator).utf8)
            // Offsets at scalar starts, mostly forward, sometimes back.
            let offsets = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
            var asked = offsets.filter { _ in Bool.random(using: &generator) }
            if let back = offsets.randomElement(using: &generator) { asked.append(back) }
            var cursor = PositionCursor()
            bytes.withUnsafeBufferPointer { buffer in
                for offset in asked {
                    cursor.move(to: offset, in: buffer)
                    let (line, column) = Self.slowPosition(of: offset, in: bytes)
                    #expect(cursor.line == line && cursor.column == column, "\(bytes) at \(offset)")
                }
            }
        }
    }

    @Test func linesAgreeWithSplittingTheText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = Self.randomText(maxLength: 60, using: &generator)
            let lines = SourceLines(text)
            let split = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
            #expect(lines.lineCount == split.count)
            for (index, line) in split.enumerated() {
                let expected = line.last == 0x0D ? Array(line.dropLast()) : Array(line)
                #expect(lines.range(ofLine: index + 1).map { Array(lines.bytes[$0]) } == expected, "\(text.debugDescription)")
            }
            #expect(lines.range(ofLine: 0) == nil)
            #expect(lines.range(ofLine: split.count + 1) == nil)
        }
    }
}
