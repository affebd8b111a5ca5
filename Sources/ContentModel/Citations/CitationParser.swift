#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var text = text
        return text.withUTF8 { groups(inUTF8: $0) }
    }

    /// Splits a text into plain runs and citation groups, in order.
    public enum Segment: Hashable, Sendable {
        case text(String)
        case citation(CitationGroup)
    }

    /// Spaces just before a citation are dropped, so the superscript sits against the word it supports.
    public static func segments(of text: String) -> [Segment] {
        segments(of: text, groups: groups(in: text))
    }

    /// The same, for the groups `groups(in:)` already found in `text`, so a caller that needs both
    /// does not parse the text twice.
    public static func segments(of text: String, groups found: [CitationGroup]) -> [Segment] {
        guard !found.isEmpty else { return [.text(text)] }
        var text = text
        // The runs between groups are cut from the text's own UTF-8 storage.
        return text.withUTF8 { bytes in
            var result: [Segment] = []
            result.reserveCapacity(2 * found.count + 1)
            forEachPart(of: bytes, groups: found) { part in
                switch part {
                case .text(let run): result.append(.text(String(decoding: bytes[run], as: UTF8.self)))
                case .citation(let group): result.append(.citation(group))
                }
            }
            return result
        }
    }

    /// A segment as a range of the parsed bytes, for callers that read them in place.
    public enum Part {
        case text(Range<Int>)
        case citation(CitationGroup)
    }

    /// The parts `segments` would give, in order, as ranges of `bytes`: no string is made.
    public static func forEachPart(of bytes: UnsafeBufferPointer<UInt8>, groups found: [CitationGroup],
                                   _ body: (Part) -> Void) {
        var cursor = 0
        for group in found {
            var runEnd = group.range.lowerBound
            while runEnd > cursor, bytes[runEnd - 1] == UInt8(ascii: " ") { runEnd -= 1 }
            if runEnd > cursor { body(.text(cursor..<runEnd)) }
            body(.citation(group))
            cursor = group.range.upperBound
        }
        if cursor < bytes.count { body(.text(cursor..<bytes.count)) }
    }

    /// The groups in a text's UTF-8 bytes, read in place (from a string's storage or a parser's
    /// buffer) rather than copied; only the keys, prefixes and locators become strings.
    public static func groups(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [CitationGroup] {
        let count = bytes.count
        // Most text has no citation at all: check for "[" and "@" before doing any work.
        var index = firstIndex(of: UInt8(ascii: "["), in: bytes, from: 0)
        guard index < count, firstIndex(of: UInt8(ascii: "@"), in: bytes, from: 0) < count else { return [] }
        var groups: [CitationGroup] = []
        while index < count {
            // bytes[index] is "[".
            var close = index + 1
            while close < count, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: "[") { close += 1 }
            if close < count, bytes[close] == UInt8(ascii: "]"), let items = parseItems(bytes, from: index + 1, to: close) {
                groups.append(CitationGroup(range: index..<(close + 1), items: items))
                index = firstIndex(of: UInt8(ascii: "["), in: bytes, from: close + 1)
            } else {
                index = firstIndex(of: UInt8(ascii: "["), in: bytes, from: index + 1)
            }
        }
        return groups
    }

    /// The first index at or after `start` that holds `target`, or `bytes.count` if there is none.
    ///
    /// memchr: `[` and `@` are rare, and this scan runs over every text run of every page several
    /// times (analysis, prose text, rendering); libc's vector loop beat a word-at-a-time Swift loop.
    private static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(target), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func parseItems(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [CitationItem]? {
        var items: [CitationItem] = []
        var partStart = start
        for position in start...end where position == end || bytes[position] == UInt8(ascii: ";") {
            guard let item = parseItem(bytes, from: partStart, to: position) else { return nil }
            items.append(item)
            partStart = position + 1
        }
        return items.isEmpty ? nil : items
    }

    private static func parseItem(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> CitationItem? {
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
        // The key runs while bytes are key characters or internal punctuation, then loses any
        // trailing punctuation ("@smith2019." cites smith2019). Non-ASCII bytes are letters of other
        // scripts and stay in the key; CitationKey checks the result.
        let keyStart = at + 1
        var keyEnd = keyStart
        while keyEnd < end, isKeyByte(bytes[keyEnd]) || isInternalPunctuation(bytes[keyEnd]) { keyEnd += 1 }
        while keyEnd > keyStart, isInternalPunctuation(bytes[keyEnd - 1]) { keyEnd -= 1 }
        guard keyEnd > keyStart, let key = CitationKey(String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)) else {
            return nil
        }
        var prefixEnd = at
        // "-@key" suppresses the author in Pandoc; the number is the same here.
        if prefixEnd > start, bytes[prefixEnd - 1] == UInt8(ascii: "-") { prefixEnd -= 1 }
        let prefix = prefixEnd > start ? String(decoding: bytes[start..<prefixEnd], as: UTF8.self).trimmingWhitespace : ""
        var locator = keyEnd < end ? String(decoding: bytes[keyEnd..<end], as: UTF8.self).trimmingWhitespace : ""
        if locator.hasPrefix(",") { locator = String(locator.dropFirst()).trimmingWhitespace }
        // Another "@" in the same part means two keys without a ";": not a citation we understand.
        if locator.utf8.contains(UInt8(ascii: "@")) && !locator.utf8.contains(UInt8(ascii: " ")) { return nil }
        return CitationItem(key: key, prefix: prefix, locator: locator, keyOffset: at)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private static func isInternalPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"),
             UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
