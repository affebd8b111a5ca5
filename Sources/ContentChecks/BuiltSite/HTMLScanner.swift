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

    static func attributes(in text: String, named names: Set<String>) -> [Attribute] {
        let bytes = Array(text.utf8)
        var result: [Attribute] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func column(at offset: Int) -> Int {
            bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        }
        func advance(to end: Int) {
            while index < end {
                if bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        /// Case-insensitive for ASCII letters, as HTML tag names are (`</SCRIPT>`).
        func find(_ needle: String, from start: Int) -> Int? {
            let pattern = Array(needle.lowercased().utf8)
            func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            var position = start
            while position + pattern.count <= bytes.count {
                if lower(bytes[position]) == pattern[0]
                    && bytes[position..<(position + pattern.count)].map(lower).elementsEqual(pattern) { return position }
                position += 1
            }
            return nil
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                advance(to: index + 1)
                continue
            }
            if find("<!--", from: index) == index {
                advance(to: (find("-->", from: index + 4) ?? bytes.count - 3) + 3)
                continue
            }
            // Tag name.
            var cursor = index + 1
            let nameStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") {
                cursor += 1
            }
            let tagName = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            advance(to: cursor)
            // Attributes until '>'.
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    advance(to: index + 1)
                    continue
                }
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
                let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                var value = ""
                var valueLine = line
                var valueColumn = column(at: attributeStart)
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                        valueLine = line
                        valueColumn = column(at: valueStart)
                        advance(to: min(valueEnd + 1, bytes.count))
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                        valueColumn = column(at: valueStart)
                    }
                }
                if names.contains(name) {
                    result.append(Attribute(name: name, value: decodeEntities(value), line: valueLine, column: valueColumn))
                }
            }
            advance(to: min(index + 1, bytes.count))
            if tagName == "script" || tagName == "style" {
                advance(to: find("</\(tagName)", from: index) ?? bytes.count)
            }
        }
        return result
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
