import Foundation

/// How search reads text, on both sides: the index Salve writes and the script on the search page
/// (`SearchScript` spells out the same rules in JavaScript, and a browser test checks that the two
/// agree on a list of words).
///
/// A word is a run of the letters a–z and digits after lower-casing and removing accents
/// ("Tendinopathy," → "tendinopathy", "café" → "cafe"); words of one letter (other than digits) and
/// English stop words are not indexed or searched for.
public enum SearchText {
    /// Words too common to say which page a reader wants; left out of the index and of queries
    /// (unless a query has nothing else).
    public static let stopWords: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have", "how",
        "i", "if", "in", "into", "is", "it", "its", "my", "of", "on", "or", "our", "so", "than", "that", "the",
        "their", "then", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "which",
        "will", "with", "you", "your",
    ]
    static let stopSet = Set(stopWords)

    /// The text's words in order, normalised, stop words and one-letter words included.
    public static func allWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
                default: flush()
                }
            }
        } else {
            // As the script does: lower-case, decompose, drop combining accents, split on the rest.
            // Decomposed a few characters at a time: Foundation's normalisation of one long string
            // takes time growing with the square of its length, and decomposing each piece cut at a
            // character boundary gives the same scalars.
            func take(_ piece: String) {
                for scalar in piece.decomposedStringWithCanonicalMapping.unicodeScalars {
                    let value = scalar.value
                    if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                        current.append(UInt8(value))
                    } else if (0x300...0x36F).contains(value) {
                        continue
                    } else {
                        flush()
                    }
                }
            }
            var piece = ""
            var characters = 0
            for character in text.lowercased() {
                piece.append(character)
                characters += 1
                if characters == 64 {
                    take(piece)
                    piece = ""
                    characters = 0
                }
            }
            take(piece)
        }
        flush()
        return words
    }

    /// Whether a normalised word is indexed and searched for.
    public static func isSearchable(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        if word.utf8.count == 1 && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return false }
        return word.utf8.count <= 40 && !stopSet.contains(word)
    }

    /// The searchable words of a text.
    public static func words(_ text: String) -> [String] {
        allWords(text).filter(isSearchable)
    }

    /// A query's distinct words; when every word is a stop word, those words.
    public static func queryWords(_ query: String) -> [String] {
        let all = allWords(query).filter { $0.utf8.count > 1 || $0.utf8.first.map { (48...57).contains($0) } == true }
        var seen = Set<String>()
        var words = all.filter { !stopSet.contains($0) && $0.utf8.count <= 40 && seen.insert($0).inserted }
        if words.isEmpty { words = all.filter { seen.insert($0).inserted } }
        return words
    }

    /// How many edits a query word may be from an index word: none below 4 letters, 1 for 4–7, 2 longer.
    public static func allowedEdits(_ length: Int) -> Int {
        length < 4 ? 0 : length < 8 ? 1 : 2
    }

    /// Optimal string alignment distance (Levenshtein with adjacent transpositions counted as one edit),
    /// or `limit + 1` as soon as it is known to exceed `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let s = Array(a.utf8), t = Array(b.utf8)
        if abs(s.count - t.count) > limit { return limit + 1 }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        var before = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return min(previous[t.count], limit + 1)
    }

    /// A body's text without its markup: tags removed, block ends as spaces, cmark's entities decoded,
    /// citations and the other slots' payloads left out (a heading's text stays).
    public static func plainText(of html: [UInt8]) -> String {
        // Read and written through pointers: this runs over every byte of every body in a build.
        // No entity decodes to more bytes than it is written with, so the text fits in `html.count`.
        String(unsafeUninitializedCapacity: html.count) { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
            html.withUnsafeBufferPointer { html in plainText(html, into: out) }
        }
    }

    private static func plainText(_ html: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let space = UInt8(ascii: " ")
        var length = 0
        var index = 0
        let count = html.count
        @inline(__always) func addSpace() { if length > 0 && out[length - 1] != space { out[length] = space; length += 1 } }
        while index < count {
            let byte = html[index]
            switch byte {
            case 0x01:
                // A slot: skip to its closing marker.
                var end = index + 1
                while end < count && html[end] != 0x01 { end += 1 }
                if end > index + 1, html[index + 1] == UInt8(ascii: "h") || html[index + 1] == UInt8(ascii: "H")
                    || html[index + 1] == UInt8(ascii: "e") {
                    addSpace()
                }
                index = end + 1
            case UInt8(ascii: "<"):
                var end = index + 1
                while end < count && html[end] != UInt8(ascii: ">") { end += 1 }
                var nameStart = index + 1
                if nameStart < count && html[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
                var nameEnd = nameStart
                var packed: UInt64 = 0
                while nameEnd < end, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(html[nameEnd])
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(html[nameEnd]) {
                    packed = packed << 8 | UInt64(html[nameEnd])
                    nameEnd += 1
                }
                if nameEnd - nameStart > 8 || !packedInlineTags.contains(packed) { addSpace() }
                index = end + 1
            case UInt8(ascii: "&"):
                var end = index + 1
                while end < count && end - index < 10 && html[end] != UInt8(ascii: ";") { end += 1 }
                if end < count && html[end] == UInt8(ascii: ";"),
                   let decoded = entity(String(decoding: UnsafeBufferPointer(rebasing: html[(index + 1)..<end]), as: UTF8.self)) {
                    for byte in decoded.utf8 {
                        out[length] = byte
                        length += 1
                    }
                    index = end + 1
                } else {
                    out[length] = byte
                    length += 1
                    index += 1
                }
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), space:
                addSpace()
                index += 1
            default:
                out[length] = byte
                length += 1
                index += 1
            }
        }
        if length > 0 && out[length - 1] == space { length -= 1 }
        return length
    }

    private static let inlineTags: [String] = ["a", "em", "strong", "code", "sup", "sub", "span", "b", "i", "mark", "abbr", "small", "del", "ins", "s", "u", "q", "cite", "kbd", "samp", "var"]
    /// The inline tags' names packed into integers (none is longer than 8 bytes): no string per tag.
    private static let packedInlineTags: Set<UInt64> = Set(inlineTags.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
                return Unicode.Scalar(value).map { String(Character($0)) }
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
                return Unicode.Scalar(value).map { String(Character($0)) }
            }
            return nil
        }
    }
}
