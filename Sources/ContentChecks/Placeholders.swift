import ContentLoading
import Diagnostics
import Foundation

/// Placeholder text left in a file: the word `TODO` in capitals, which every starter file and page
/// template from `salve init` and `salve new` uses, so nothing written as a placeholder can be
/// published unnoticed. Anywhere in a page (front matter values, comments, body), `site.yml` or
/// `references.json`.
public enum Placeholders {
    /// One warning for each marker, at its line and column, saying what it reads.
    public static func check(_ text: String, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            // One pass: memchr finds each "T" (most files have no marker, and pay only for that
            // search), and the position cursor counts lines and columns forward from one marker to
            // the next, so every byte is counted once however many markers there are.
            var cursor = PositionCursor()
            var index = 0
            while index < bytes.count, let hit = memchr(base + index, Int32(UInt8(ascii: "T")), bytes.count - index) {
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                guard isMarker(at: at, in: bytes) else {
                    index = at + 1
                    continue
                }
                cursor.move(to: at, in: bytes)
                found.append(.warning(
                    .placeholder,
                    "placeholder left in: \(excerpt(at: at, in: bytes)); write the real text in its place before publishing",
                    at: SourceLocation(file: file, line: cursor.line, column: cursor.column)))
                index = at + 4
            }
        }
        return found
    }

    /// Options that run this check on every file a load reads.
    public static func checking(_ options: LoadOptions) -> LoadOptions {
        var options = options
        options.textCheck = { text, file in check(text, file: file) }
        return options
    }

    /// `TODO` as a word of its own: not part of a longer word or identifier (`TODOS`, `MYTODO`).
    private static func isMarker(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = index + 4
        guard end <= bytes.count, bytes[index + 1] == UInt8(ascii: "O"), bytes[index + 2] == UInt8(ascii: "D"),
              bytes[index + 3] == UInt8(ascii: "O") else { return false }
        return (index == 0 || !isWordByte(bytes[index - 1])) && (end == bytes.count || !isWordByte(bytes[end]))
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private static let excerptLimit = 48

    /// The marker's text up to the end of its line or a double quote (which closes a quoted YAML or
    /// JSON value), cut at a character boundary after `excerptLimit` bytes.
    private static func excerpt(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        func ends(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\"") }
        var end = start
        while end < bytes.count, end - start < excerptLimit, !ends(bytes[end]) { end += 1 }
        let cut = end < bytes.count && end - start == excerptLimit && !ends(bytes[end])
        while cut, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        while text.last == " " { text.removeLast() }
        return "'\(text)\(cut ? "…" : "")'"
    }
}
