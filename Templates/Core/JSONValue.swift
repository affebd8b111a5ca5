/// JSON with keys in the order they were written, so output is deterministic; serialised safely for
/// embedding in a `<script>` element (`<`, `>` and `&` are written as `\u` escapes).
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Int)
    case bool(Bool)
    /// JSON text written as it is: only JSON this type serialised itself (`serialized`), kept to be
    /// reused on many pages without being written again.
    case serialized(String)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }

    /// An object without the pairs whose value is nil or an empty array.
    public static func object(compacting pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in
            guard let value else { return nil }
            if case .array(let items) = value, items.isEmpty { return nil }
            return (key, value)
        })
    }

    public var serialized: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON's UTF-8 bytes: a page's JSON-LD is written straight into the page.
    func write(to out: inout [UInt8]) {
        switch self {
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(pair.0, to: &out)
                out.append(UInt8(ascii: ":"))
                pair.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .number(let number): JSONValue.appendUTF8(of: String(number), to: &out)
        case .bool(let flag): JSONValue.appendUTF8(of: flag ? "true" : "false", to: &out)
        case .serialized(let json): JSONValue.appendUTF8(of: json, to: &out)
        }
    }

    private static func appendUTF8(of text: String, to out: inout [UInt8]) {
        var text = text  // shares storage; withUTF8 needs a var
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            // Most strings need no escaping at all.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else {
                out.append(contentsOf: bytes)
                out.append(UInt8(ascii: "\""))
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x22: appendUTF8(of: "\\\"", to: &out)
                case 0x5C: appendUTF8(of: "\\\\", to: &out)
                case 0x0A: appendUTF8(of: "\\n", to: &out)
                case 0x0D: appendUTF8(of: "\\r", to: &out)
                case 0x09: appendUTF8(of: "\\t", to: &out)
                case 0x3C: appendUTF8(of: "\\u003c", to: &out)
                case 0x3E: appendUTF8(of: "\\u003e", to: &out)
                case 0x26: appendUTF8(of: "\\u0026", to: &out)
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    // U+2028 and U+2029 end a line in a script element.
                    appendUTF8(of: bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                    index += 2
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    appendUTF8(of: "\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
                default:
                    out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
