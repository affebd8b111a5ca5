import Diagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Finds `id`, `href` and `src` attributes in an HTML file, with their lines and columns.
///
/// Not a full HTML parser: enough for the pages Salve writes and for hand-made pages — tags,
/// quoted and unquoted attributes, comments, and raw text inside `script` and `style` skipped.
struct HTMLScanner {
    struct Attribute {
        var name: String
        var value: String
        var line: Int
        var column: Int
    }

    /// One pass over the text: comments and raw text are skipped by searching forward from where
    /// they start, and positions come from a cursor that only moves forward.
    static func attributes(in text: String, named names: Set<String>) -> [Attribute] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            var result: [Attribute] = []
            var cursor = PositionCursor()
            var index = 0
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
            func position(_ offset: Int) -> (line: Int, column: Int) {
                cursor.move(to: offset, in: bytes)
                return (cursor.line, cursor.column)
            }

            while index < bytes.count {
                guard let open = Self.find("<", in: bytes, from: index) else { break }
                index = open
                if Self.matches("<!--", in: bytes, at: index) {
                    index = (Self.find("-->", in: bytes, from: index + 4) ?? bytes.count - 3) + 3
                    continue
                }
                // Tag name.
                var end = index + 1
                while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") {
                    end += 1
                }
                let tagName = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
                index = end
                // Attributes until '>'.
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                    if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                        index += 1
                        continue
                    }
                    let attributeStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                    let wanted = names.contains(name)
                    var value = ""
                    var valueStart = attributeStart
                    if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                        index += 1
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                            let quote = bytes[index]
                            valueStart = index + 1
                            let valueEnd = Self.find(quote, in: bytes, from: valueStart) ?? bytes.count
                            if wanted { value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self) }
                            index = min(valueEnd + 1, bytes.count)
                        } else {
                            valueStart = index
                            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                            if wanted { value = String(decoding: bytes[valueStart..<index], as: UTF8.self) }
                        }
                    }
                    if wanted {
                        let (line, column) = position(valueStart)
                        result.append(Attribute(name: name, value: decodeEntities(value), line: line, column: column))
                    }
                }
                index = min(index + 1, bytes.count)
                if tagName == "script" || tagName == "style" {
                    index = Self.findCaseless("</\(tagName)", in: bytes, from: index) ?? bytes.count
                }
            }
            return result
        }
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while let candidate = find(needle.utf8Start.pointee, in: bytes, from: position) {
            if matches(needle, in: bytes, at: candidate) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    private static func matches(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != needle.utf8Start[offset] { return false }
        return true
    }

    /// Case-insensitive for ASCII letters, as HTML tag names are (`</SCRIPT>`).
    private static func findCaseless(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        var position = start
        while let candidate = find(pattern[0], in: bytes, from: position) {
            guard candidate + pattern.count <= bytes.count else { return nil }
            if (0..<pattern.count).allSatisfy({ lower(bytes[candidate + $0]) == pattern[$0] }) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The entities Salve's escaping produces, plus numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "#39", "apos": result += "'"
            default:
                if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + entity + ";"
                }
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}
