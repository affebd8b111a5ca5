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
        /// `Body.media[index]`: an image's markup, or a link's `href` value.
        case media(Int)
        /// After a link to `Body.media[index]`: its type and size when it is a download ("PDF, 240 KB").
        case download(Int)

        fileprivate var encoded: String {
            switch self {
            case .citation(let text): return "c" + text
            case .link(let index): return "l\(index)"
            case .headingOpen(let index): return "h\(index)"
            case .headingClose(let index): return "H\(index)"
            case .exercises(let index): return "e\(index)"
            case .media(let index): return "m\(index)"
            case .download(let index): return "d\(index)"
            }
        }

        fileprivate init?(_ encoded: UnsafeBufferPointer<UInt8>) {
            guard let letter = encoded.first else { return nil }
            let rest = UnsafeBufferPointer(rebasing: encoded.dropFirst())
            if letter == UInt8(ascii: "c") {
                guard !rest.isEmpty else { return nil }
                self = .citation(String(decoding: rest, as: UTF8.self))
                return
            }
            // Digits only, and few enough that they cannot overflow.
            guard !rest.isEmpty, rest.count <= 18,
                  rest.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            let index = rest.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            switch letter {
            case UInt8(ascii: "l"): self = .link(index)
            case UInt8(ascii: "h"): self = .headingOpen(index)
            case UInt8(ascii: "H"): self = .headingClose(index)
            case UInt8(ascii: "e"): self = .exercises(index)
            case UInt8(ascii: "m"): self = .media(index)
            case UInt8(ascii: "d"): self = .download(index)
            default: return nil
            }
        }
    }

    public static let marker: UInt8 = 0x01

    /// cmark's HTML with the slots, as UTF-8 bytes: the form a page is assembled from.
    public var utf8: [UInt8]
    /// For each `exercise` block, the range of `Body.exerciseEmbeds` it names.
    public var exerciseBlocks: [Range<Int>]

    public init(utf8: [UInt8], exerciseBlocks: [Range<Int>] = []) {
        self.utf8 = utf8
        self.exerciseBlocks = exerciseBlocks
    }

    public init(markup: String, exerciseBlocks: [Range<Int>] = []) {
        self.init(utf8: Array(markup.utf8), exerciseBlocks: exerciseBlocks)
    }

    /// The markup as a string, slots included.
    public var markup: String { String(decoding: utf8, as: UTF8.self) }

    public var isEmpty: Bool { utf8.isEmpty }

    public static let empty = BodyHTML(markup: "")

    /// The slot as written into markup. A citation's text never holds the marker (loading replaces it).
    public static func token(_ slot: Slot) -> String {
        "\u{1}" + slot.encoded + "\u{1}"
    }

    /// The token of a citation slot for the citation written in `utf8`, made in one string: a body
    /// has dozens.
    public static func citationToken(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: utf8.count + 3) { buffer in
            buffer[0] = marker
            buffer[1] = UInt8(ascii: "c")
            _ = UnsafeMutableBufferPointer(rebasing: buffer[2...]).initialize(from: utf8)
            buffer[utf8.count + 2] = marker
            return utf8.count + 3
        }
    }

    /// A run of finished markup, valid only during the call it is passed to, or a slot.
    public enum Part {
        case markup(UnsafeBufferPointer<UInt8>)
        case slot(Slot)
    }

    /// Walks the markup as runs of finished markup and slots, in order.
    public func forEachPart(_ body: (Part) -> Void) {
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            func run(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
            // memchr finds the markers: a page is scanned once.
            func marker(from index: Int) -> Int? {
                guard index < bytes.count, let found = memchr(base + index, Int32(Self.marker), bytes.count - index) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var runStart = 0
            var open = marker(from: 0)
            while let start = open, let close = marker(from: start + 1) {
                guard let slot = Slot(run((start + 1)..<close)) else {
                    // Not a slot (loading keeps U+0001 out of bodies, so this is not expected): keep it as text.
                    open = close
                    continue
                }
                if runStart < start { body(.markup(run(runStart..<start))) }
                body(.slot(slot))
                runStart = close + 1
                open = marker(from: runStart)
            }
            if runStart < bytes.count { body(.markup(run(runStart..<bytes.count))) }
        }
    }
}
