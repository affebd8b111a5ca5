import Testing
@testable import LinkChecks

/// The one-pass scanner against its slow twin, the scanner it replaced (which searched to the end of
/// the file for "<!--" at every tag and recounted columns from the line's start), on random HTML.
@Suite struct HTMLScannerTwinTests {
    private static let pieces = [
        "<a href=\"x.html\">", "</a>", "<p id='é'>", "<img src=a.png alt=\"—\">", "<!-- <a href=\"no\"> -->",
        "<script>if (a < b) { x = '<a href=\"no\">' }</script>", "<SCRIPT>1</Script>", "<style>p{}</style>",
        "text ", "é—😀 ", "\n", "\r\n", "<br/>", "<div\nid=\"multi\"\nclass=x>", "&amp; ", "<a href='q?a=1&amp;b=2#f'>",
        "<!--", "-->", "<", ">", "=", "\"", "<input disabled>", "<a HREF=\"UP\">",
    ]

    @Test func findsWhatTheSlowScannerFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 0...25, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let fast = HTMLScanner.attributes(in: html, named: ["id", "href", "src"]).map { "\($0.name)=\($0.value)@\($0.line):\($0.column)" }
            let slow = Self.slowAttributes(in: html, named: ["id", "href", "src"]).map { "\($0.name)=\($0.value)@\($0.line):\($0.column)" }
            #expect(fast == slow, "\(html.debugDescription)")
        }
    }

    @Test func manyTagsAndCommentsOnOneLine() {
        let html = String(repeating: "<a href=\"é.html\">x</a><!-- c -->", count: 4_000)
        let found = HTMLScanner.attributes(in: html, named: ["href"])
        #expect(found.count == 4_000)
        #expect(found.last?.column == 3_999 * 32 + 10)
    }

    static func slowAttributes(in text: String, named names: Set<String>) -> [HTMLScanner.Attribute] {
        typealias Attribute = HTMLScanner.Attribute
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
                    result.append(Attribute(name: name, value: HTMLScanner.decodeEntities(value), line: valueLine, column: valueColumn))
                }
            }
            advance(to: min(index + 1, bytes.count))
            if tagName == "script" || tagName == "style" {
                advance(to: find("</\(tagName)", from: index) ?? bytes.count)
            }
        }
        return result
    }
}
