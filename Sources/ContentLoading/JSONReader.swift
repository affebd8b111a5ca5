import Diagnostics

/// A small JSON parser that keeps the line and column of every value, so bibliography problems
/// point at the entry and field that has them (Foundation's parser keeps no positions).
struct JSONNode {
    indirect enum Value {
        case object([(key: String, value: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(Double, raw: String)
        case bool(Bool)
        case null
    }

    var value: Value
    var line: Int
    var column: Int

    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// Numbers written as strings or numbers ("7" and 7 both appear in real CSL-JSON).
    var scalarText: String? {
        switch value {
        case .string(let text): text
        case .number(_, let raw): raw
        default: nil
        }
    }

    var array: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    var keys: [String] {
        if case .object(let members) = value { return members.map(\.key) }
        return []
    }
}

struct JSONSyntaxError: Error {
    var message: String
    var line: Int
    var column: Int
}

struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    /// Positions are asked for at offsets that only grow, so one cursor counts each byte once.
    private var cursor = PositionCursor()
    private var depth = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var reader = JSONReader(text)
        let node = try reader.parseValue()
        reader.skipWhitespace()
        if reader.index < reader.bytes.count { throw reader.error("unexpected text after the end of the JSON") }
        return node
    }

    /// The line and column (Unicode scalars, as every column Salve prints) of `index`.
    private mutating func position() -> (line: Int, column: Int) {
        var cursor = self.cursor
        let target = index
        bytes.withUnsafeBufferPointer { cursor.move(to: target, in: $0) }
        self.cursor = cursor
        return (cursor.line, cursor.column)
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        let (line, column) = position()
        return JSONSyntaxError(message: message, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A, 0x20, 0x09, 0x0D:
                index += 1
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw error("the JSON ends too early") }
        let (startLine, startColumn) = position()
        func node(_ value: JSONNode.Value) -> JSONNode { JSONNode(value: value, line: startLine, column: startColumn) }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth < 200 else { throw error("the JSON is nested too deeply") }
            defer { depth -= 1 }
            index += 1
            var members: [(String, JSONNode)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return node(.object([]))
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted field name") }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the field name") }
                index += 1
                members.append((key, try parseValue()))
                skipWhitespace()
                guard index < bytes.count else { throw error("the JSON ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw error("expected ',' or '}'")
            }
            return node(.object(members))
        case UInt8(ascii: "["):
            depth += 1
            guard depth < 200 else { throw error("the JSON is nested too deeply") }
            defer { depth -= 1 }
            index += 1
            var items: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return node(.array([]))
            }
            while true {
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw error("the JSON ends inside a list") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                throw error("expected ',' or ']'")
            }
            return node(.array(items))
        case UInt8(ascii: "\""):
            return node(.string(try parseString()))
        case UInt8(ascii: "t"):
            try expectWord("true")
            return node(.bool(true))
        case UInt8(ascii: "f"):
            try expectWord("false")
            return node(.bool(false))
        case UInt8(ascii: "n"):
            try expectWord("null")
            return node(.null)
        default:
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let raw = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(raw) else { throw error("unexpected character") }
            return node(.number(number, raw: raw))
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
            throw error("unexpected word; expected \(word)")
        }
        index += utf8.count
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        var result = [UInt8]()
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw error("the JSON ends inside a string") }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalarValue = try hex4()
                    if (0xD800..<0xDC00).contains(scalarValue), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save  // a lone high surrogate: U+FFFD, then read the next escape on its own
                        }
                    }
                    let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                    result.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: result.append(escaped)
                }
            case 0x0A:
                throw error("a string is not closed before the end of the line")
            default:
                result.append(byte)
                index += 1
            }
        }
        throw error("the JSON ends inside a string")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw error("invalid \\u escape")
        }
        index += 4
        return value
    }
}
