/// A typed, immutable view of one node of a parsed CommonMark tree.
///
/// Nodes carry their start and end in the file (after the front-matter shift) and an ``id`` that
/// ``MarkdownEdits`` use to change the node when the document is rendered. A class, so walking a large
/// tree passes references rather than copying every node's arrays.
public final class MarkdownNode: Sendable {
    public enum Kind: Sendable, Equatable {
        // Blocks
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        // Inlines
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A node type this wrapper does not model (custom nodes from other tools).
        case other(String)

        public var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
                 .thematicBreak:
                return true
            default:
                return false
            }
        }
    }

    public struct ID: Hashable, Sendable {
        let preorderIndex: Int
    }

    public let kind: Kind
    public let id: ID
    public let start: SourcePoint
    public let end: SourcePoint
    public let children: [MarkdownNode]
    /// For merged text nodes: where each original cmark text piece begins, so a position inside the
    /// literal maps back to the file exactly even when entities or escapes shortened the text.
    let textPieces: [TextPiece]

    init(kind: Kind, id: ID, start: SourcePoint, end: SourcePoint, children: [MarkdownNode], textPieces: [TextPiece]) {
        self.kind = kind
        self.id = id
        self.start = start
        self.end = end
        self.children = children
        self.textPieces = textPieces
    }

    struct TextPiece: Sendable {
        let utf8Offset: Int
        let start: SourcePoint
    }

    /// The file position of the UTF-8 byte at `offset` in a text node's literal.
    public func point(atUTF8Offset offset: Int) -> SourcePoint {
        guard case .text(let literal) = kind,
              let piece = textPieces.last(where: { $0.utf8Offset <= offset }) else { return start }
        // Columns count scalars: count the scalars between the piece start and the offset.
        let utf8 = Array(literal.utf8)
        var scalars = 0
        var index = piece.utf8Offset
        while index < min(offset, utf8.count) {
            if utf8[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return SourcePoint(line: piece.start.line, column: piece.start.column + scalars)
    }

    /// The text a reader sees, with markup removed (used for heading ids and step text).
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    private func appendPlainText(to result: inout String) {
        switch kind {
        case .text(let literal), .code(let literal):
            result += literal
        case .softBreak, .lineBreak:
            result += " "
        default:
            for child in children { child.appendPlainText(to: &result) }
        }
    }
}
