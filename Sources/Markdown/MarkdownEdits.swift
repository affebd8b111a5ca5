/// Changes to apply to a document when it is rendered: the content layer decides what a link, a
/// citation or an `exercise` block becomes; this module only carries it out.
///
/// HTML given here is inserted as is: callers own its escaping.
public struct MarkdownEdits: Sendable {
    public enum InlinePiece: Sendable, Equatable {
        /// Plain text, escaped by the renderer.
        case text(String)
        /// A run of the replaced text node's own text, by UTF-8 offsets into its literal (as
        /// ``MarkdownNode/withLiteralUTF8(_:)`` reads it): copied from where cmark keeps it, with no
        /// string made in between. Nearly every run of text that cites keeps two or three of these.
        case ownText(Range<Int>)
        /// Markup inserted verbatim.
        case html(String)
    }

    var inlineReplacements: [MarkdownNode.ID: [InlinePiece]] = [:]
    var blockReplacements: [MarkdownNode.ID: String] = [:]
    var removals: Set<MarkdownNode.ID> = []
    var headingTags: [MarkdownNode.ID: (open: String, close: String)] = [:]
    var inlineWrappers: [MarkdownNode.ID: (open: String, close: String)] = [:]

    public init() {}

    public var isEmpty: Bool {
        inlineReplacements.isEmpty && blockReplacements.isEmpty && removals.isEmpty && headingTags.isEmpty
            && inlineWrappers.isEmpty
    }

    /// Leaves a node (and its children) out of the output.
    public mutating func remove(_ node: MarkdownNode) {
        removals.insert(node.id)
    }

    /// Replaces a text node with a run of text and markup.
    public mutating func replaceText(_ node: MarkdownNode, with pieces: [InlinePiece]) {
        inlineReplacements[node.id] = pieces
    }

    /// Replaces a whole block (e.g. a fenced `exercise` block) with markup.
    public mutating func replaceBlock(_ node: MarkdownNode, withHTML html: String) {
        blockReplacements[node.id] = html
    }

    /// Writes a heading with the given markup in place of its `<hN>` and `</hN>` tags; its content is
    /// rendered as usual, edits included.
    public mutating func setHeadingTags(open: String, close: String, of node: MarkdownNode) {
        headingTags[node.id] = (open, close)
    }

    /// Writes an inline node (a link) as `open`, its rendered children, then `close`, in place of the
    /// node's own tags.
    public mutating func wrapInline(_ node: MarkdownNode, open: String, close: String) {
        inlineWrappers[node.id] = (open, close)
    }
}
