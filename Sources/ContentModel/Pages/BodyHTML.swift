/// A body as cmark rendered it at load, with a slot wherever the page showing it decides the markup:
/// citation numbers (numbered per page), links to other pages (relative to that page), heading tags
/// (an embedded card's headings sit lower and take no ids) and `exercise` blocks (the cards).
///
/// Rendering once at load means each file is parsed once, and the Markdown need not be kept.
/// A slot is written as `\u{1}` + letter + index + `\u{1}`. Loading replaces U+0001 in the source,
/// so every marker in the markup is a slot.
public struct BodyHTML: Sendable {
    public enum Slot: Equatable, Sendable {
        /// `citationGroups[index]`.
        case citation(Int)
        /// `Body.links[index]`: the slot is the value of the link's `href`.
        case link(Int)
        /// The opening and closing tags of `Body.headings[index]`.
        case headingOpen(Int)
        case headingClose(Int)
        /// The cards of `exerciseBlocks[index]`. The markup after the slot is a newline, which a
        /// block of cards ending in one replaces.
        case exercises(Int)

        fileprivate var letter: UInt8 {
            switch self {
            case .citation: return UInt8(ascii: "c")
            case .link: return UInt8(ascii: "l")
            case .headingOpen: return UInt8(ascii: "h")
            case .headingClose: return UInt8(ascii: "H")
            case .exercises: return UInt8(ascii: "e")
            }
        }

        fileprivate var index: Int {
            switch self {
            case .citation(let index), .link(let index), .headingOpen(let index), .headingClose(let index),
                 .exercises(let index):
                return index
            }
        }

        fileprivate init?(letter: UInt8, index: Int) {
            switch letter {
            case UInt8(ascii: "c"): self = .citation(index)
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
    /// Every bracketed citation, in document order.
    public var citationGroups: [CitationGroup]
    /// For each `exercise` block, the range of `Body.exerciseEmbeds` it names.
    public var exerciseBlocks: [Range<Int>]

    public init(markup: String, citationGroups: [CitationGroup] = [], exerciseBlocks: [Range<Int>] = []) {
        self.markup = markup
        self.citationGroups = citationGroups
        self.exerciseBlocks = exerciseBlocks
    }

    public static let empty = BodyHTML(markup: "")

    public static func token(_ slot: Slot) -> String {
        "\u{1}" + String(UnicodeScalar(slot.letter)) + String(slot.index) + "\u{1}"
    }

    public enum Part {
        case markup(Substring)
        case slot(Slot)
    }

    /// Walks the markup as runs of finished markup and slots, in order.
    public func forEachPart(_ body: (Part) -> Void) {
        var copy = markup  // shares storage; withUTF8 needs a var
        // Marker offsets first, found over raw bytes: a page is scanned once, without String indexing.
        let markers: [Int] = copy.withUTF8 { buffer in
            var offsets: [Int] = []
            var index = 0
            while let found = buffer[index...].firstIndex(of: Self.marker) {
                offsets.append(found)
                index = found + 1
            }
            return offsets
        }
        let utf8 = markup.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var runStart = 0
        var pair = 0
        while pair + 1 < markers.count {
            let open = markers[pair], close = markers[pair + 1]
            guard let slot = Self.slot(utf8[position(open + 1)..<position(close)]) else {
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

    private static func slot(_ bytes: Substring.UTF8View) -> Slot? {
        guard let letter = bytes.first, bytes.count > 1 else { return nil }
        var index = 0
        for digit in bytes.dropFirst() {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            index = index * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return Slot(letter: letter, index: index)
    }
}
