import Testing
@testable import ContentLoading

/// Every value's line and column, as the reader's cursor finds them, point at the value's first
/// character: checked by walking the text from its start (the slow twin) on random JSON, minified
/// and pretty, with multi-byte text.
@Suite struct JSONPositionTests {
    private static let words = ["a", "é", "Šimůnek", "—", "😀", "x y", "\\\"", "\\u00e9"]

    private static func randomValue(depth: Int, pretty: Bool, indent: String, using generator: inout some RandomNumberGenerator) -> String {
        let newline = pretty ? "\n" + indent + "  " : ""
        let close = pretty ? "\n" + indent : ""
        switch depth > 3 ? 0 : Int.random(in: 0...3, using: &generator) {
        case 0:
            return "\"" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined() + "\""
        case 1:
            return ["12", "true", "null", "-3.5e2"].randomElement(using: &generator)!
        case 2:
            let items = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                newline + randomValue(depth: depth + 1, pretty: pretty, indent: indent + "  ", using: &generator)
            }
            return "[" + items.joined(separator: ",") + (items.isEmpty ? "" : close) + "]"
        default:
            let members = (0..<Int.random(in: 0...4, using: &generator)).map { index in
                newline + "\"k\(index)é\": " + randomValue(depth: depth + 1, pretty: pretty, indent: indent + "  ", using: &generator)
            }
            return "{" + members.joined(separator: ",") + (members.isEmpty ? "" : close) + "}"
        }
    }

    /// The byte offset of a line and scalar column, found by walking from the start.
    private static func slowOffset(line: Int, column: Int, in bytes: [UInt8]) -> Int {
        var (currentLine, currentColumn, index) = (1, 1, 0)
        while index < bytes.count, (currentLine, currentColumn) != (line, column) {
            if bytes[index] == 0x0A { currentLine += 1; currentColumn = 1 } else { currentColumn += 1 }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    private static func nodes(_ node: JSONNode) -> [JSONNode] {
        var result = [node]
        var index = 0
        while index < result.count {
            switch result[index].value {
            case .array(let items): result += items
            case .object(let members): result += members.map(\.value)
            default: break
            }
            index += 1
        }
        return result
    }

    @Test func positionsPointAtEachValuesFirstCharacter() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            let text = "  " + Self.randomValue(depth: 0, pretty: round % 2 == 0, indent: "", using: &generator)
            let bytes = Array(text.utf8)
            for node in Self.nodes(try JSONReader.parse(text)) {
                let offset = Self.slowOffset(line: node.line, column: node.column, in: bytes)
                let first = bytes[offset]
                switch node.value {
                case .string: #expect(first == UInt8(ascii: "\""), "\(text)")
                case .array: #expect(first == UInt8(ascii: "["), "\(text)")
                case .object: #expect(first == UInt8(ascii: "{"), "\(text)")
                default: #expect(first != UInt8(ascii: " ") && first != UInt8(ascii: ","), "\(text)")
                }
            }
        }
    }

    @Test func errorsArePositionedAfterMultiByteText() {
        do {
            _ = try JSONReader.parse("[\"é—😀\", tru]")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1 && error.column == 9)
        }
    }
}
