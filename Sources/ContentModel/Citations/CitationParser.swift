/// One cited source inside a bracketed citation: `see @key, p. 3`.
public struct CitationItem: Hashable, Sendable {
    public var key: CitationKey
    /// Text before the key ("see").
    public var prefix: String
    /// Text after the key and its comma ("p. 3").
    public var locator: String
    /// UTF-8 offset of the `@` in the text that was parsed.
    public var keyOffset: Int
}

/// A Pandoc-style bracketed citation: `[@a]`, `[@a; @b]`, `[see @a, p. 3]`.
public struct CitationGroup: Hashable, Sendable {
    /// UTF-8 offsets of the group, `[` to `]` inclusive.
    public var range: Range<Int>
    public var items: [CitationItem]
}

/// Finds bracketed citations in a run of plain text.
///
/// A bracket is a citation only when every `;`-separated part holds one `@key` that starts the part
/// or follows a space, so `[mail@example.org]` and `[see below]` stay text.
public enum CitationParser {
    public static func groups(in text: String) -> [CitationGroup] {
        let bytes = Array(text.utf8)
        var groups: [CitationGroup] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "["),
                  let close = bytes[(index + 1)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") }),
                  bytes[close] == UInt8(ascii: "]") else {
                index += 1
                continue
            }
            if let items = parseItems(bytes, from: index + 1, to: close) {
                groups.append(CitationGroup(range: index..<(close + 1), items: items))
                index = close + 1
            } else {
                index += 1
            }
        }
        return groups
    }

    /// Splits a text into plain runs and citation groups, in order.
    public enum Segment: Hashable, Sendable {
        case text(String)
        case citation(CitationGroup)
    }

    /// Spaces just before a citation are dropped, so the superscript sits against the word it supports.
    public static func segments(of text: String) -> [Segment] {
        let found = groups(in: text)
        guard !found.isEmpty else { return [.text(text)] }
        let bytes = Array(text.utf8)
        var result: [Segment] = []
        var cursor = 0
        for group in found {
            var runEnd = group.range.lowerBound
            while runEnd > cursor, bytes[runEnd - 1] == UInt8(ascii: " ") { runEnd -= 1 }
            if runEnd > cursor {
                result.append(.text(String(decoding: bytes[cursor..<runEnd], as: UTF8.self)))
            }
            result.append(.citation(group))
            cursor = group.range.upperBound
        }
        if cursor < bytes.count { result.append(.text(String(decoding: bytes[cursor...], as: UTF8.self))) }
        return result
    }

    private static func parseItems(_ bytes: [UInt8], from start: Int, to end: Int) -> [CitationItem]? {
        var items: [CitationItem] = []
        var partStart = start
        for position in start...end where position == end || bytes[position] == UInt8(ascii: ";") {
            guard let item = parseItem(bytes, from: partStart, to: position) else { return nil }
            items.append(item)
            partStart = position + 1
        }
        return items.isEmpty ? nil : items
    }

    private static func parseItem(_ bytes: [UInt8], from start: Int, to end: Int) -> CitationItem? {
        var at: Int?
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "@"),
               index == start || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "-") {
                at = index
                break
            }
            index += 1
        }
        guard let at else { return nil }
        // The key runs while characters are key characters or internal punctuation, then loses
        // any trailing punctuation ("@smith2019." cites smith2019).
        let keyStart = at + 1
        var keyEnd = keyStart
        let tail = String(decoding: bytes[keyStart..<end], as: UTF8.self)
        var scalarsTaken: [Unicode.Scalar] = []
        for scalar in tail.unicodeScalars {
            guard CitationKey.isKeyCharacter(scalar) || CitationKey.internalPunctuation.contains(scalar) else { break }
            scalarsTaken.append(scalar)
        }
        while let last = scalarsTaken.last, !CitationKey.isKeyCharacter(last) { scalarsTaken.removeLast() }
        var keyText = ""
        keyText.unicodeScalars.append(contentsOf: scalarsTaken)
        keyEnd = keyStart + keyText.utf8.count
        guard let key = CitationKey(keyText) else { return nil }
        var prefixEnd = at
        if prefixEnd > start, bytes[prefixEnd - 1] == UInt8(ascii: "-") { prefixEnd -= 1 }  // "-@key" suppresses the author in Pandoc; numbers are the same here
        let prefix = String(decoding: bytes[start..<prefixEnd], as: UTF8.self).trimmingWhitespace
        var locator = String(decoding: bytes[keyEnd..<end], as: UTF8.self).trimmingWhitespace
        if locator.hasPrefix(",") { locator = String(locator.dropFirst()).trimmingWhitespace }
        // Another "@" in the same part means two keys without a ";": not a citation we understand.
        if locator.contains("@") && !locator.contains(" ") { return nil }
        return CitationItem(key: key, prefix: prefix, locator: locator, keyOffset: at)
    }
}
