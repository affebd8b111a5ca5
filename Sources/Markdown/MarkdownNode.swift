import CCmark

/// A typed view of one node of a parsed CommonMark tree.
///
/// A view, not a copy: it reads cmark's node when asked, so walking a page builds no tree of its own
/// (building one cost more than cmark's parse). It keeps its document alive, and is valid until the
/// document is rendered with edits, which change the tree.
public struct MarkdownNode {
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

    /// Identifies a node for ``MarkdownEdits``: the node itself, in its document's tree.
    public struct ID: Hashable, Sendable {
        let address: UInt
    }

    let pointer: OpaquePointer
    let document: MarkdownDocument

    init(_ pointer: OpaquePointer, in document: MarkdownDocument) {
        self.pointer = pointer
        self.document = document
    }

    public var id: ID { ID(address: UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(pointer)))) }

    /// What the node is, with its text and attributes (read from cmark on each call).
    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(pointer)),
                tight: cmark_node_get_list_tight(pointer) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: document.withArena { Self.string(cmark_node_get_fence_info(pointer)) }, literal: literal)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal)
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal)
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal)
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal)
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return document.withArena {
                .link(destination: Self.string(cmark_node_get_url(pointer)), title: Self.string(cmark_node_get_title(pointer)))
            }
        case CMARK_NODE_IMAGE:
            return document.withArena {
                .image(source: Self.string(cmark_node_get_url(pointer)), title: Self.string(cmark_node_get_title(pointer)))
            }
        default:
            return .other(Self.string(cmark_node_get_type_string(pointer)))
        }
    }

    /// Cheap tests that need no strings from cmark.
    public var isText: Bool { cmark_node_get_type(pointer) == CMARK_NODE_TEXT }
    public var isSoftBreak: Bool { cmark_node_get_type(pointer) == CMARK_NODE_SOFTBREAK }
    public var isParagraph: Bool { cmark_node_get_type(pointer) == CMARK_NODE_PARAGRAPH }

    /// The text of a text, code or HTML node; empty for others.
    public var literal: String { document.withArena { Self.string(cmark_node_get_literal(pointer)) } }

    /// The UTF-8 bytes of a text, code or HTML node's text, read in place (valid only inside `body`);
    /// empty for others. For hot paths that would otherwise make a `String` of every text run.
    public func withLiteralUTF8<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        document.withArena {
            guard let literal = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                body(UnsafeBufferPointer(start: bytes, count: strlen(literal)))
            }
        }
    }

    public var start: SourcePoint {
        document.lines.point(line: Int(cmark_node_get_start_line(pointer)),
                             byteColumn: Int(cmark_node_get_start_column(pointer)))
    }

    public var end: SourcePoint {
        document.lines.point(line: Int(cmark_node_get_end_line(pointer)),
                             byteColumn: Int(cmark_node_get_end_column(pointer)))
    }

    public var children: Children { Children(parent: self) }

    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode($0, in: document) } }
    public var nextSibling: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode($0, in: document) } }
    public var previousSibling: MarkdownNode? { cmark_node_previous(pointer).map { MarkdownNode($0, in: document) } }

    /// cmark's own line numbers of the node, in the text it parsed (1-based).
    var sourceLines: ClosedRange<Int> {
        let start = Int(cmark_node_get_start_line(pointer))
        return start...max(start, Int(cmark_node_get_end_line(pointer)))
    }

    /// cmark's byte column of the node's start on its first line (1-based).
    var startByteColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The children in order, read from cmark as the sequence is walked.
    public struct Children: Sequence {
        let parent: MarkdownNode

        public struct Iterator: IteratorProtocol {
            var upcoming: OpaquePointer?
            let document: MarkdownDocument

            public mutating func next() -> MarkdownNode? {
                guard let current = upcoming else { return nil }
                upcoming = cmark_node_next(current)
                return MarkdownNode(current, in: document)
            }
        }

        public func makeIterator() -> Iterator {
            Iterator(upcoming: cmark_node_first_child(parent.pointer), document: parent.document)
        }

        public var isEmpty: Bool { cmark_node_first_child(parent.pointer) == nil }
    }

    /// The file position of the UTF-8 byte at `offset` in a text node's literal, counted from the
    /// node's start. Exact unless an entity or escape earlier in the run was shortened by decoding;
    /// ``MarkdownDocument/points(of:in:)`` finds the written text instead.
    public func point(atUTF8Offset offset: Int) -> SourcePoint {
        let start = self.start
        guard isText else { return start }
        var scalars = 0
        for (index, byte) in literal.utf8.enumerated() where index < offset && byte & 0xC0 != 0x80 {
            scalars += 1
        }
        return SourcePoint(line: start.line, column: start.column + scalars)
    }

    /// The text a reader sees, with markup removed (used for heading ids and step text).
    public var plainText: String {
        var result = ""
        for case .enter(let node) in events {
            switch cmark_node_get_type(node.pointer) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: result += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
            default: break
            }
        }
        return result
    }

    /// cmark copies a node's string out on first use: call with the document's arena in use.
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
