import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CommonMark document parsed by cmark, the reference implementation.
///
/// This module is the only part of Salve that talks to cmark. The document owns the C tree and frees
/// it; everything else sees typed ``MarkdownNode`` views of it. Not thread-safe: create one per task.
public final class MarkdownDocument {
    private let source: String
    private let firstLine: Int
    let lines: LineTable
    private var root: OpaquePointer
    /// Every node, literal and buffer cmark makes for this document, freed at once (see shim.h).
    private let arena: UnsafeMutablePointer<salve_arena>
    /// False once edits have been applied to `root`.
    private var pristine = true
    /// The body's link reference definition lines, found when a table first needs them.
    var referenceDefinitionLines: [Range<Int>]?

    /// Parses `text` (the body only, newlines already normalised to `\n`).
    /// - Parameter firstLine: the line of the file the body starts on, so positions point into the file.
    public convenience init(parsing text: String, firstLine: Int = 1) {
        self.init(text, lines: LineTable(text, firstLine: firstLine))
    }

    /// Parses text whose positions `lines` gives (its own, or those of the pieces it was made from).
    init(_ text: String, lines: LineTable) {
        source = text
        self.firstLine = lines.firstLine
        let arena = salve_arena_new()!
        self.arena = arena
        root = MarkdownDocument.withArena(arena) { MarkdownDocument.parse(text) }
        self.lines = lines
        // cmark splits text at every character that might start markup ("[" for one); merged runs are
        // what a reader sees, and where citations are found.
        withArena { cmark_consolidate_text_nodes(root) }
    }

    /// The document node. Valid until the document is rendered with edits.
    public var tree: MarkdownNode { MarkdownNode(root, in: self) }

    /// The exact file positions of pieces of a text node's literal, found in the source.
    ///
    /// cmark hands a text run over as one literal, with entities and backslash escapes already
    /// decoded, so an offset in the literal drifts from the source after `&amp;` or `\*`. Searching
    /// the source for each piece itself gives the written position. Pieces are given in the order
    /// written, and each is searched for after the previous one, so a citation repeated in a
    /// paragraph is found where each is written.
    public func points(of pieces: [(bytes: UnsafeBufferPointer<UInt8>, offset: Int)], in node: MarkdownNode) -> [SourcePoint] {
        var searchFrom = lines.offset(of: node.start)
        return pieces.map { piece in
            guard let start = searchFrom, let found = lines.find(piece.bytes, from: start, limit: 64 * 1024) else {
                return node.point(atUTF8Offset: piece.offset)
            }
            searchFrom = found + 1
            return lines.point(atOffset: found)
        }
    }

    /// The file position of a byte offset in the text parsed.
    public func point(atOffset offset: Int) -> SourcePoint {
        lines.point(atOffset: offset)
    }

    /// The parsed text's UTF-8 bytes, valid only inside `body`.
    public func withSourceUTF8<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        lines.withBytes(body)
    }

    deinit {
        salve_arena_free_all(arena)
    }

    /// Runs cmark calls that may allocate (parsing, edits, rendering, and reading a node's strings,
    /// which cmark may copy out on first use) with this document's arena.
    func withArena<T>(_ body: () -> T) -> T {
        MarkdownDocument.withArena(arena, body)
    }

    private static func withArena<T>(_ arena: UnsafeMutablePointer<salve_arena>, _ body: () -> T) -> T {
        let previous = salve_arena_use(arena)
        defer { salve_arena_use(previous) }
        return body()
    }

    /// Call with the document's arena in use.
    private static func parse(_ text: String) -> OpaquePointer {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, salve_arena_allocator())
                defer { cmark_parser_free(parser) }
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
                return cmark_parser_finish(parser)
            }
        }
    }

    /// Renders the document as HTML the way cmark does, after applying `edits`.
    ///
    /// With `allowRawHTML` false, authors' raw HTML becomes `<!-- raw HTML omitted -->` and unsafe
    /// link schemes (`javascript:` …) are dropped, as cmark's safe mode does.
    ///
    /// Edits change this document's own tree, so a page is parsed once: they can be applied once, and
    /// nodes read before are not to be used after. A later render without edits parses the source
    /// again and shows it as written.
    public func renderHTML(edits: MarkdownEdits = MarkdownEdits(), allowRawHTML: Bool = false) -> String {
        String(decoding: renderHTMLUTF8(edits: edits, allowRawHTML: allowRawHTML), as: UTF8.self)
    }

    /// The same HTML as UTF-8 bytes, copied from cmark's buffer as they are: cmark writes valid
    /// UTF-8 from valid input, and a page is assembled from bytes.
    public func renderHTMLUTF8(edits: MarkdownEdits = MarkdownEdits(), allowRawHTML: Bool = false) -> [UInt8] {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        return withArena {
            if pristine {
                guard !edits.isEmpty else { return MarkdownDocument.renderHTMLBytes(root, options: options) }
                pristine = false
                apply(edits, options: options)
                return MarkdownDocument.renderHTMLBytes(root, options: options)
            }
            precondition(edits.isEmpty, "a document's edits are applied once")
            return MarkdownDocument.renderHTMLBytes(MarkdownDocument.parse(source), options: options)
        }
    }

    private func apply(_ edits: MarkdownEdits, options: Int32) {
        func node(_ id: MarkdownNode.ID) -> OpaquePointer? {
            OpaquePointer(bitPattern: id.address)
        }
        for (id, pieces) in edits.inlineReplacements {
            guard let target = node(id) else { continue }
            // Read before the node is freed; the bytes stay in the arena until the document goes.
            let literal = cmark_node_get_literal(target)
            let literalCount = literal.map { strlen($0) } ?? 0
            for piece in pieces {
                let inserted: OpaquePointer?
                switch piece {
                case .text(let text):
                    inserted = cmark_node_new_with_mem(CMARK_NODE_TEXT, salve_arena_allocator())
                    cmark_node_set_literal(inserted, text)
                case .ownText(let range):
                    guard let literal, range.lowerBound >= 0, range.upperBound <= literalCount else { continue }
                    inserted = cmark_node_new_with_mem(CMARK_NODE_TEXT, salve_arena_allocator())
                    // cmark copies a literal up to its NUL: the run is copied into the arena with one.
                    let run = salve_arena_alloc(range.count + 1).assumingMemoryBound(to: CChar.self)
                    run.update(from: literal + range.lowerBound, count: range.count)
                    run[range.count] = 0
                    cmark_node_set_literal(inserted, run)
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
        for (id, tags) in edits.headingTags {
            guard let heading = node(id), edits.blockReplacements[id] == nil else { continue }
            replaceHeading(heading, open: tags.open, close: tags.close, options: options)
        }
        for (id, html) in edits.blockReplacements {
            if let target = node(id) { replace(target, withBlockHTML: html) }
        }
    }

    private func customInline(open: String, close: String) -> OpaquePointer? {
        let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, salve_arena_allocator())
        cmark_node_set_on_enter(node, open)
        cmark_node_set_on_exit(node, close)
        return node
    }

    /// cmark writes a heading as `<hN>content</hN>`: keep its content, change the tags.
    private func replaceHeading(_ heading: OpaquePointer, open: String, close: String, options: Int32) {
        let html = String(decoding: MarkdownDocument.renderHTMLBytes(heading, options: options), as: UTF8.self)
        let level = cmark_node_get_heading_level(heading)
        let openTag = "<h\(level)>"
        let closeTag = "</h\(level)>\n"
        guard html.hasPrefix(openTag), html.hasSuffix(closeTag) else { return }
        let content = html.utf8.dropFirst(openTag.utf8.count).dropLast(closeTag.utf8.count)
        replace(heading, withBlockHTML: open + String(Substring(content)) + close)
    }

    private func replace(_ target: OpaquePointer, withBlockHTML html: String) {
        let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, salve_arena_allocator())
        // cmark puts a newline after a custom block's markup unless it already ends with one.
        cmark_node_set_on_enter(block, html.hasSuffix("\n") ? html : html + "\n")
        cmark_node_insert_before(target, block)
        cmark_node_free(target)
    }

    /// Call with the document's arena in use; the HTML is in the arena, freed with the document.
    private static func renderHTMLBytes(_ node: OpaquePointer, options: Int32) -> [UInt8] {
        guard let html = cmark_render_html(node, options) else { return [] }
        return html.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(html))) }
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
