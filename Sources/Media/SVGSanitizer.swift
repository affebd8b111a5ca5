/// A reason an SVG file is not published, at its line and column (from 1; columns count characters).
import Foundation
public struct SVGProblem: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
}

/// What checking an SVG found: its problems (none means it is published as is) and its size.
public struct SVGCheck: Sendable {
    public var problems: [SVGProblem]
    /// From the root `<svg>`'s `width` and `height` (in px or unitless), else its `viewBox`.
    public var size: PixelSize?
}

/// Checks an SVG for anything that runs code or loads from elsewhere when a browser shows it: script
/// and embedding elements, event attributes (`onload`…), `javascript:` addresses, references to other
/// files (`href` not starting with `#`, `url(…)` to a file, `@import`), entity declarations and style
/// sheets by processing instruction. A file with any of these is rejected rather than rewritten: a
/// rewrite could change the drawing in ways its author would not see.
///
/// One pass over the bytes, each looked at a constant number of times; nesting is not tracked beyond
/// "inside a `<style>`", so deep nesting costs no stack.
public enum SVGSanitizer {
    static let forbiddenElements: Set<String> = [
        "script", "foreignobject", "iframe", "frame", "frameset", "embed", "object", "applet", "handler",
        "listener", "audio", "video", "base", "meta", "link",
    ]
    /// Attributes holding an address: only a fragment of this file (`#id`) or an embedded raster
    /// image is allowed.
    static let addressAttributes: Set<String> = ["href", "xlink:href", "src"]

    public static func check(_ bytes: [UInt8]) -> SVGCheck {
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        return SVGCheck(problems: scanner.problems, size: scanner.size)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var problems: [SVGProblem] = []
        var size: PixelSize?
        var sawRoot = false
        var inStyle = false
        // Positions are computed moving forward only, so finding them is linear overall.
        var positionOffset = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func position(of offset: Int) -> (Int, Int) {
            while positionOffset < offset && positionOffset < bytes.count {
                let byte = bytes[positionOffset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                positionOffset += 1
            }
            return (line, column)
        }

        mutating func report(_ message: String, at offset: Int) {
            let (line, column) = position(of: offset)
            problems.append(SVGProblem(line: line, column: column, message: message))
        }

        func starts(with text: String, at offset: Int) -> Bool {
            var i = offset
            for byte in text.utf8 {
                guard i < bytes.count, lowered(bytes[i]) == byte else { return false }
                i += 1
            }
            return true
        }

        /// The offset of `text` at or after `offset` (compared case-insensitively), or the end.
        func find(_ text: String, from offset: Int) -> Int {
            let needle = Array(text.utf8)
            var i = offset
            while i + needle.count <= bytes.count {
                if lowered(bytes[i]) == needle[0] && starts(with: text, at: i) { return i }
                i += 1
            }
            return bytes.count
        }

        mutating func run() {
            var textStart = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if inStyle { checkStyleText(textStart, index) }
                if starts(with: "<!--", at: index) {
                    index = min(bytes.count, find("-->", from: index + 4) + 3)
                } else if starts(with: "<![cdata[", at: index) {
                    let end = find("]]>", from: index + 9)
                    if inStyle { checkStyleText(index + 9, end) }
                    index = min(bytes.count, end + 3)
                } else if starts(with: "<!", at: index) {
                    let end = find(">", from: index)
                    if let bracket = bytes[index..<end].firstIndex(of: UInt8(ascii: "[")) {
                        report("the DOCTYPE declares entities, which can pull in other files; remove the part in [ ]", at: bracket)
                    }
                    index = min(bytes.count, end + 1)
                } else if starts(with: "<?", at: index) {
                    let end = find("?>", from: index)
                    if starts(with: "<?xml-stylesheet", at: index) {
                        report("a style sheet processing instruction loads another file; put the styles in the SVG itself", at: index)
                    }
                    index = min(bytes.count, end + 2)
                } else if starts(with: "</", at: index) {
                    let (name, _) = readName(from: index + 2)
                    if name == "style" { inStyle = false }
                    index = min(bytes.count, find(">", from: index) + 1)
                } else {
                    readElement()
                }
                textStart = index
            }
            if inStyle { checkStyleText(textStart, bytes.count) }
        }

        func lowered(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
              || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
              || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"")
              || byte == UInt8(ascii: "'"))
        }

        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }

        /// A name starting at `offset`, lowercased, and the offset after it.
        func readName(from offset: Int) -> (String, Int) {
            var end = offset
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            return (String(decoding: bytes[offset..<end].map(lowered), as: UTF8.self), end)
        }

        mutating func readElement() {
            let start = index
            let (name, afterName) = readName(from: index + 1)
            index = afterName
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if forbiddenElements.contains(local) {
                report("<\(name)> is not allowed in a published SVG: it can run code or load other content", at: start)
            }
            var width: String?, height: String?, viewBox: String?
            var selfClosing = false
            while index < bytes.count {
                let byte = bytes[index]
                if isSpace(byte) { index += 1; continue }
                if byte == UInt8(ascii: ">") { index += 1; break }
                if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
                if byte == UInt8(ascii: "<") { break }  // an unclosed tag: the next one starts here
                let nameStart = index
                let (attribute, afterAttribute) = readName(from: index)
                index = max(afterAttribute, index + 1)
                while index < bytes.count && isSpace(bytes[index]) { index += 1 }
                var value = ""
                var valueStart = index
                if index < bytes.count && bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count && isSpace(bytes[index]) { index += 1 }
                    valueStart = index
                    if index < bytes.count && (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")) {
                        let quote = bytes[index]
                        var end = index + 1
                        while end < bytes.count && bytes[end] != quote { end += 1 }
                        value = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        valueStart = index + 1
                        index = min(bytes.count, end + 1)
                    } else {
                        var end = index
                        while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
                        value = String(decoding: bytes[index..<end], as: UTF8.self)
                        index = end
                    }
                }
                checkAttribute(attribute, value: value, nameAt: nameStart, valueAt: valueStart)
                if !sawRoot && local == "svg" {
                    switch attribute {
                    case "width": width = value
                    case "height": height = value
                    case "viewbox": viewBox = value
                    default: break
                    }
                }
            }
            if !sawRoot && local == "svg" {
                sawRoot = true
                size = SVGSanitizer.size(width: width, height: height, viewBox: viewBox)
            }
            if local == "style" && !selfClosing { inStyle = true }
        }

        mutating func checkAttribute(_ name: String, value: String, nameAt: Int, valueAt: Int) {
            if name.hasPrefix("on") {
                report("the event attribute '\(name)' runs code; remove it", at: nameAt)
                return
            }
            let compact = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
            if compact.contains("javascript:") || compact.contains("vbscript:") {
                report("'\(name)' holds a script address (javascript:); remove it", at: valueAt)
                return
            }
            if SVGSanitizer.addressAttributes.contains(name) || name.hasSuffix(":href") {
                if !(compact.hasPrefix("#") || SVGSanitizer.isEmbeddedRaster(compact)) {
                    report("'\(name)' refers to another file ('\(value)'); an SVG may only refer to its own parts (#id)", at: valueAt)
                }
                return
            }
            if let problem = SVGSanitizer.externalReference(inCSS: compact) {
                report("'\(name)' \(problem)", at: valueAt)
            }
        }

        mutating func checkStyleText(_ start: Int, _ end: Int) {
            guard start < end else { return }
            let compact = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.filter { $0.value > 0x20 }
            if let problem = SVGSanitizer.externalReference(inCSS: String(compact).lowercased()) {
                report("the style sheet \(problem)", at: start)
            }
        }
    }

    static func isEmbeddedRaster(_ address: String) -> Bool {
        ["data:image/png", "data:image/jpeg", "data:image/webp", "data:image/gif"].contains { address.hasPrefix($0) }
    }

    /// Why CSS text (whitespace removed, lowercased) loads something from elsewhere, or nil.
    static func externalReference(inCSS css: String) -> String? {
        if css.contains("@import") { return "imports another style sheet (@import); put the styles in the SVG itself" }
        if css.contains("javascript:") { return "holds a script address (javascript:); remove it" }
        var rest = Substring(css)
        while let range = rest.range(of: "url(") {
            var target = rest[range.upperBound...]
            if let first = target.first, first == "\"" || first == "'" { target = target.dropFirst() }
            if !(target.hasPrefix("#") || isEmbeddedRaster(String(target.prefix(16)))) {
                return "refers to another file with url(…); an SVG may only refer to its own parts (url(#id))"
            }
            rest = target
        }
        return nil
    }

    /// A length in px or without a unit, as a whole number of pixels.
    static func pixels(_ text: String?) -> Int? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let value = Double(text), value > 0, value < 1_000_000 else { return nil }
        return Int(value.rounded())
    }

    static func size(width: String?, height: String?, viewBox: String?) -> PixelSize? {
        if let width = pixels(width), let height = pixels(height) { return PixelSize(width: width, height: height) }
        let numbers = (viewBox ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0, numbers[2] < 1_000_000, numbers[3] < 1_000_000 else { return nil }
        let boxWidth = numbers[2], boxHeight = numbers[3]
        // One given dimension scales the other by the viewBox's proportions.
        if let width = pixels(width) { return PixelSize(width: width, height: max(1, Int((Double(width) * boxHeight / boxWidth).rounded()))) }
        if let height = pixels(height) { return PixelSize(width: max(1, Int((Double(height) * boxWidth / boxHeight).rounded())), height: height) }
        return PixelSize(width: Int(boxWidth.rounded()), height: Int(boxHeight.rounded()))
    }
}
