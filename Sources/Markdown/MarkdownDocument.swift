import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CommonMark document parsed by cmark, the reference implementation.
///
/// This is the only file in Salve that talks to cmark. It owns the C tree and frees it; everything
/// else sees the typed ``MarkdownNode`` tree. Not thread-safe: create one per task.
public final class MarkdownDocument {
    public let tree: MarkdownNode
    private let source: String
    private let firstLine: Int
    private let lines: LineTable
    private var root: OpaquePointer
    /// False once edits have been applied to `root`.
    private var pristine = true

    /// Parses `text` (the body only, newlines already normalised to `\n`).
    /// - Parameter firstLine: the line of the file the body starts on, so positions point into the file.
    public init(parsing text: String, firstLine: Int = 1) {
        source = text
        self.firstLine = firstLine
        root = MarkdownDocument.parse(text)
        lines = LineTable(text, firstLine: firstLine)
        var builder = TreeBuilder(lines: lines)
        tree = builder.build(root)
    }

    /// The exact file position of a piece of a text node's literal, found in the source.
    ///
    /// cmark hands a text run over as one literal, with entities and backslash escapes already
    /// decoded, so an offset in the literal drifts from the source after `&amp;` or `\*`. Searching
    /// the source for the piece itself (from the node's start) gives the written position.
    public func point(of piece: String, atUTF8Offset offset: Int, in node: MarkdownNode) -> SourcePoint {
        guard let start = lines.offset(of: node.start),
              let found = lines.find(Array(piece.utf8), from: start, limit: 64 * 1024) else {
            return node.point(atUTF8Offset: offset)
        }
        return lines.point(atOffset: found)
    }

    deinit {
        cmark_node_free(root)
    }

    private static func parse(_ text: String) -> OpaquePointer {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
    }

    /// Renders the document as HTML the way cmark does, after applying `edits`.
    ///
    /// With `allowRawHTML` false, authors' raw HTML becomes `<!-- raw HTML omitted -->` and unsafe
    /// link schemes (`javascript:` …) are dropped, as cmark's safe mode does.
    ///
    /// The first render with edits changes this document's own tree, so a page is parsed once; any
    /// later render parses the source again and leaves the result as the source says.
    public func renderHTML(edits: MarkdownEdits = MarkdownEdits(), allowRawHTML: Bool = false) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        if edits.isEmpty && pristine {
            return MarkdownDocument.renderHTML(root, options: options)
        }
        let working: OpaquePointer
        if pristine {
            working = root
            pristine = false
        } else {
            working = MarkdownDocument.parse(source)
        }
        defer { if working != root { cmark_node_free(working) } }
        if !edits.isEmpty {
            cmark_consolidate_text_nodes(working)
            apply(edits, to: MarkdownDocument.preorder(working), options: options)
        }
        return MarkdownDocument.renderHTML(working, options: options)
    }

    private func apply(_ edits: MarkdownEdits, to nodes: [OpaquePointer], options: Int32) {
        func node(_ id: MarkdownNode.ID) -> OpaquePointer? {
            nodes.indices.contains(id.preorderIndex) ? nodes[id.preorderIndex] : nil
        }
        for (id, level) in edits.headingLevels {
            if let heading = node(id) { cmark_node_set_heading_level(heading, Int32(level)) }
        }
        for (id, url) in edits.destinations {
            if let target = node(id) { cmark_node_set_url(target, url) }
        }
        for (id, pieces) in edits.inlineReplacements {
            guard let target = node(id) else { continue }
            for piece in pieces {
                let inserted: OpaquePointer?
                switch piece {
                case .text(let text):
                    inserted = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(inserted, text)
                case .html(let html):
                    inserted = customInline(open: html, close: "")
                }
                cmark_node_insert_before(target, inserted)
            }
            cmark_node_free(target)
        }
        for (id, tags) in edits.inlineWrappers {
            guard let target = node(id) else { continue }
            let wrapper = customInline(open: tags.open, close: tags.close)
            while let child = cmark_node_first_child(target) {
                cmark_node_append_child(wrapper, child)
            }
            cmark_node_insert_before(target, wrapper)
            cmark_node_free(target)
        }
        // Removed nodes go before headings are replaced, which frees the headings' children.
        for id in edits.removals {
            if let target = node(id) { cmark_node_free(target) }
        }
        // Headings are rendered after inline edits so that citations and links inside them are kept.
        for (id, anchor) in edits.headingIDs where edits.headingTags[id] == nil {
            guard let heading = node(id), edits.blockReplacements[id] == nil else { continue }
            let level = cmark_node_get_heading_level(heading)
            replaceHeading(heading, open: "<h\(level) id=\"\(CmarkEscaping.attribute(anchor))\">", close: "</h\(level)>", options: options)
        }
        for (id, tags) in edits.headingTags {
            guard let heading = node(id), edits.blockReplacements[id] == nil else { continue }
            replaceHeading(heading, open: tags.open, close: tags.close, options: options)
        }
        for (id, html) in edits.blockReplacements {
            if let target = node(id) { replace(target, withBlockHTML: html) }
        }
    }

    private func customInline(open: String, close: String) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(node, open)
        cmark_node_set_on_exit(node, close)
        return node
    }

    /// cmark writes a heading as `<hN>content</hN>`: keep its content, change the tags.
    private func replaceHeading(_ heading: OpaquePointer, open: String, close: String, options: Int32) {
        let html = MarkdownDocument.renderHTML(heading, options: options)
        let level = cmark_node_get_heading_level(heading)
        let openTag = "<h\(level)>"
        let closeTag = "</h\(level)>\n"
        guard html.hasPrefix(openTag), html.hasSuffix(closeTag) else { return }
        let content = html.utf8.dropFirst(openTag.utf8.count).dropLast(closeTag.utf8.count)
        replace(heading, withBlockHTML: open + String(Substring(content)) + close)
    }

    private func replace(_ target: OpaquePointer, withBlockHTML html: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        // cmark puts a newline after a custom block's markup unless it already ends with one.
        cmark_node_set_on_enter(block, html.hasSuffix("\n") ? html : html + "\n")
        cmark_node_insert_before(target, block)
        cmark_node_free(target)
    }

    private static func preorder(_ root: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(node)
            }
        }
        return nodes
    }

    private static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// cmark's own HTML for `text`, with no edits and no positions: the reference Salve must match.
    public static func cmarkHTML(_ text: String, allowRawHTML: Bool = false) -> String {
        var text = text
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, options) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }
}

/// Builds the typed tree from cmark's tree before text nodes are consolidated, merging runs of
/// text itself so that each merged node remembers where its pieces came from.
private struct TreeBuilder {
    let lines: LineTable
    var nextIndex = 0

    init(lines: LineTable) {
        self.lines = lines
    }

    mutating func build(_ node: OpaquePointer) -> MarkdownNode {
        let index = nextIndex
        nextIndex += 1
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                let (merged, next) = buildTextRun(startingAt: current)
                children.append(merged)
                child = next
            } else {
                children.append(build(current))
                child = cmark_node_next(current)
            }
        }
        return MarkdownNode(
            kind: kind(of: node), id: MarkdownNode.ID(preorderIndex: index),
            start: start(of: node), end: end(of: node), children: children, textPieces: [])
    }

    /// Merges `first` and the text siblings that follow it, as `cmark_consolidate_text_nodes` will.
    private mutating func buildTextRun(startingAt first: OpaquePointer) -> (MarkdownNode, OpaquePointer?) {
        let index = nextIndex
        nextIndex += 1
        var literal = ""
        var pieces: [MarkdownNode.TextPiece] = []
        var last = first
        var current: OpaquePointer? = first
        while let node = current, cmark_node_get_type(node) == CMARK_NODE_TEXT {
            pieces.append(.init(utf8Offset: literal.utf8.count, start: start(of: node)))
            literal += string(cmark_node_get_literal(node))
            last = node
            current = cmark_node_next(node)
        }
        let merged = MarkdownNode(
            kind: .text(literal), id: MarkdownNode.ID(preorderIndex: index),
            start: start(of: first), end: end(of: last), children: [], textPieces: pieces)
        return (merged, current)
    }

    private func start(of node: OpaquePointer) -> SourcePoint {
        lines.point(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    private func end(of node: OpaquePointer) -> SourcePoint {
        lines.point(line: Int(cmark_node_get_end_line(node)), byteColumn: Int(cmark_node_get_end_column(node)))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return .other(string(cmark_node_get_type_string(node)))
        }
    }
}
