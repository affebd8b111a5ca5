#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A body as cmark rendered it at load, with a slot wherever the page showing it decides the markup:
/// citation numbers (numbered per page), links to other pages (relative to that page), heading tags
/// (an embedded card's headings sit lower and take no ids) and `exercise` blocks (the cards).
///
/// Rendering once at load means each file is parsed once, and the Markdown need not be kept.
/// A slot is written as `\u{1}` + letter + payload + `\u{1}`. Loading replaces U+0001 in the source,
/// so every marker in the markup is a slot.
public struct BodyHTML: Sendable {
    public enum Slot: Equatable, Sendable {
        /// A bracketed citation as written (`[see @a, p. 3]`). Kept in the slot itself: a struct per
        /// citation, on every page of a large site, cost more memory than the text.
        case citation(String)
        /// `Body.links[index]`: the slot is the value of the link's `href`.
        case link(Int)
        /// The opening and closing tags of `Body.headings[index]`.
        case headingOpen(Int)
        case headingClose(Int)
        /// The cards of `exerciseBlocks[index]`. The markup after the slot is a newline, which a
        /// block of cards ending in one replaces.
        case exercises(Int)

        fileprivate var encoded: String {
            switch self {
            case .citation(let text): return "c" + text
            case .link(let index): return "l\(index)"
            case .headingOpen(let index): return "h\(index)"
            case .headingClose(let index): return "H\(index)"
            case .exercises(let index): return "e\(index)"
            }
        }

        fileprivate init?(_ encoded: Substring) {
            guard let letter = encoded.utf8.first else { return nil }
            let rest = encoded.dropFirst()
            if letter == UInt8(ascii: "c") {
                guard !rest.isEmpty else { return nil }
                self = .citation(String(rest))
                return
            }
            guard !rest.isEmpty, rest.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let index = Int(rest) else { return nil }
            switch letter {
            case UInt8(ascii: "l"): self = .link(index)
            case UInt8(ascii: "h"): self = .headingOpen(index)
            case UInt8(ascii: "H"): self = .headingClose(index)
            case UInt8(ascii: "e"): self = .exercises(index)
            default: return nil
            }
        }
    }

    public static let marker: UInt8 = 0x01

    public var markup: String
    /// For each `exercise` block, the range of `Body.exerciseEmbeds` it names.
    public var exerciseBlocks: [Range<Int>]

    public init(markup: String, exerciseBlocks: [Range<Int>] = []) {
        self.markup = markup
        self.exerciseBlocks = exerciseBlocks
    }

    public static let empty = BodyHTML(markup: "")

    /// The slot as written into markup. A citation's text never holds the marker (loading replaces it).
    public static func token(_ slot: Slot) -> String {
        "\u{1}" + slot.encoded + "\u{1}"
    }

    public enum Part {
        case markup(Substring)
        case slot(Slot)
    }

    /// Walks the markup as runs of finished markup and slots, in order.
    public func forEachPart(_ body: (Part) -> Void) {
        var copy = markup  // shares storage; withUTF8 needs a var
        // Marker offsets first, found with memchr over raw bytes: a page is scanned once, without
        // String indexing.
        let markers: [Int] = copy.withUTF8 { buffer in
            var offsets: [Int] = []
            guard let base = buffer.baseAddress else { return offsets }
            var index = 0
            while index < buffer.count, let found = memchr(base + index, Int32(Self.marker), buffer.count - index) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(offset)
                index = offset + 1
            }
            return offsets
        }
        let utf8 = markup.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var runStart = 0
        var pair = 0
        while pair + 1 < markers.count {
            let open = markers[pair], close = markers[pair + 1]
            guard let slot = Slot(markup[position(open + 1)..<position(close)]) else {
                // Not a slot (loading keeps U+0001 out of bodies, so this is not expected): keep it as text.
                pair += 1
                continue
            }
            if runStart < open { body(.markup(markup[position(runStart)..<position(open)])) }
            body(.slot(slot))
            runStart = close + 1
            pair += 2
        }
        if runStart < utf8.count { body(.markup(markup[position(runStart)...])) }
    }
}
