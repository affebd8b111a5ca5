import Foundation
import ContentModel
import Diagnostics
import Markdown

/// Reads a page body once and records what the graph needs to know: citations, links to other
/// pages, embedded exercise cards, headings and the first ordered list. The same parse is then
/// rendered, with slots for what each page decides (see ``BodyHTML``).
struct BodyAnalyzer {
    let file: String
    /// The file's folder relative to `Content/`, e.g. `articles` or `articles/2026`.
    let folder: [String]
    let allowRawHTML: Bool
    /// False when only the findings are wanted (`salve check`): the body is then not rendered.
    let render: Bool
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, folder: [String], allowRawHTML: Bool, render: Bool = true) {
        self.file = file
        self.folder = folder
        self.allowRawHTML = allowRawHTML
        self.render = render
    }

    // Walk state, reset by analyze(). Kept as properties so the walk is a plain recursive method:
    // a closure capturing these would box each one and pay for it on every node.
    private var body = Body.empty
    private var edits = MarkdownEdits()
    private var exerciseBlocks: [Range<Int>] = []
    private var anchors = AnchorAllocator()
    private var foundList = false
    /// Counts the words of the paragraph being visited, as ``proseText(_:)`` would give them; nil outside one.
    private var paragraphProse: ProseCounter?
    /// The page title is the h1; body sections start at h2 and go down one level at a time.
    /// The last heading's words: the name of a table without a caption.
    private var lastHeading = ""
    /// True while a table's cells are visited: they are parsed as a document of their own.
    private var inTable = false
    /// Paragraphs read as tables so far (a caption's neighbour is read before the walk reaches it).
    private var tableParses: [MarkdownNode.ID: PipeTable.Parse] = [:]
    /// The caption lines of a table found in the paragraph before it, by the table's paragraph.
    private var captions: [MarkdownNode.ID: [Range<Int>]] = [:]
    /// `Table:` paragraphs that are a table's caption, shown in the table and not on their own.
    private var captionParagraphs: Set<MarkdownNode.ID> = []

    mutating func analyze(markdown: String, firstLine: Int) -> Body {
        body = Body(firstLine: firstLine)
        guard !markdown.isEmpty else { return body }
        anchors = AnchorAllocator()
        edits = MarkdownEdits()
        exerciseBlocks = []
        foundList = false
        paragraphProse = nil
        lastHeading = ""
        inTable = false
        tableParses = [:]
        captions = [:]
        captionParagraphs = []
        let document = MarkdownDocument(parsing: Self.withoutSlotMarkers(markdown), firstLine: firstLine)
        visit(document.tree, in: document)
        // These lists live as long as the site; appending left up to half of each one spare.
        body.citations = body.citations.withoutSpareCapacity()
        body.headings = body.headings.withoutSpareCapacity()
        body.links = body.links.withoutSpareCapacity()
        guard render else { return body }
        body.html = BodyHTML(utf8: document.renderHTMLUTF8(edits: edits, allowRawHTML: allowRawHTML),
                             exerciseBlocks: exerciseBlocks)
        return body
    }

    /// U+0001 marks slots in rendered bodies; in a source it can only be a stray control character.
    private static func withoutSlotMarkers(_ markdown: String) -> String {
        var markdown = markdown
        // memchr: a byte-at-a-time scan over every body was 5% of a check.
        let hasMarker = markdown.withUTF8 { buffer in
            buffer.baseAddress.map { memchr($0, Int32(BodyHTML.marker), buffer.count) != nil } ?? false
        }
        guard hasMarker else { return markdown }
        return String(markdown.unicodeScalars.map { $0.value == 1 ? "\u{FFFD}" : Character($0) })
    }

    /// One pass over the tree, entering and leaving nodes without recursion: nesting as deep as
    /// cmark accepts (20,000 block quotes) must not overflow the stack.
    private mutating func visit(_ tree: MarkdownNode, in document: MarkdownDocument) {
        var events = tree.events.makeIterator()
        while let event = events.next() {
            switch event {
            case .enter(let node) where node.isParagraph && !inTable && tableParagraph(node, in: document):
                events.skipChildren(of: node)
            case .enter(let node) where mediaImage(node):
                events.skipChildren(of: node)
            case .enter(let node): enter(node, in: document)
            case .exit(let node) where node.isParagraph:
                body.prose = body.prose + (paragraphProse?.finish() ?? TextStatistics())
                paragraphProse = nil
            case .exit: break
            }
        }
    }

    private mutating func enter(_ node: MarkdownNode, in document: MarkdownDocument) {
        if node.isText {
            visitText(node, in: document)
            return
        }
        switch node.kind {
        case .link(let destination, let title):
            if let index = mediaReference(destination, use: .link, at: at(node.start)) {
                if render {
                    let titleAttribute = title.isEmpty ? "" : " title=\"\(CmarkEscaping.attribute(title))\""
                    edits.wrapInline(node, open: "<a href=\"\(BodyHTML.token(.media(index)))\"\(titleAttribute)>",
                                     close: "</a>" + BodyHTML.token(.download(index)))
                }
            } else if let link = contentLink(destination, at: at(node.start)) {
                if render {
                    let titleAttribute = title.isEmpty ? "" : " title=\"\(CmarkEscaping.attribute(title))\""
                    edits.wrapInline(node, open: "<a href=\"\(BodyHTML.token(.link(body.links.count)))\"\(titleAttribute)>",
                                     close: "</a>")
                }
                body.links.append(link)
            }
            if Self.isWebAddress(destination) {
                body.externalLinks.append(Located(destination, at: at(node.start)))
            }
            // Only short texts can be vague ("click here"); long ones are not kept.
            let text = node.plainText
            if text.utf8.count <= AccessibilityFacts.shortLinkText { body.shortLinkTexts.append(Located(text, at: at(node.start))) }
        case .image:
            body.imageAlts.append(Located(node.plainText, at: at(node.start)))
        case .codeBlock(let info, let literal) where Self.isExerciseBlock(info):
            let first = body.exerciseEmbeds.count
            body.exerciseEmbeds += exerciseSlugs(literal, fence: node.start)
            if render {
                edits.replaceBlock(node, withHTML: BodyHTML.token(.exercises(exerciseBlocks.count)))
                exerciseBlocks.append(first..<body.exerciseEmbeds.count)
            }
        case .heading(let level):
            // The id and the search index use the words, not the citations ("Why it helps [@a]").
            let title = Self.proseText(node).trimmingWhitespace
            lastHeading = title
            checkTableUnderlined(node, in: document)
            if render {
                edits.setHeadingTags(open: BodyHTML.token(.headingOpen(body.headings.count)),
                                     close: BodyHTML.token(.headingClose(body.headings.count)), of: node)
            }
            body.headings.append(BodyHeading(level: level, title: title, anchor: anchors.allocate(for: title),
                                             location: at(node.start)))
        case .list(ordered: true, _, _) where !foundList:
            foundList = true
            // Step text without citation brackets: it is shown in search results and structured data.
            body.firstOrderedList = node.children.map { Self.proseText($0).collapsingSpaces() }
        case .paragraph:
            // Each paragraph is measured alone, so a list item without a full stop still ends a sentence.
            // Its words (without citations or code) are gathered as its text nodes are visited, and
            // counted when it is left.
            paragraphProse = ProseCounter()
        case .softBreak, .lineBreak, .code:
            paragraphProse?.add(" ")
        case .htmlBlock, .htmlInline:
            if !allowRawHTML {
                diagnostics.append(.warning(
                    .rawHTML, "raw HTML is left out of the page; write it in Markdown, or set 'allow-raw-html: true' in site.yml",
                    at: at(node.start)))
            }
        default:
            break
        }
        if render { removeBreaksBeforeCitations(in: node) }
    }

    /// Text runs are most of a body's nodes, and most hold no citation. A run is read where cmark
    /// keeps it: only the citations' keys, and (when rendering) the replacement pieces, become strings.
    private mutating func visitText(_ node: MarkdownNode, in document: MarkdownDocument) {
        node.withLiteralUTF8 { bytes in
            let groups = CitationParser.groups(inUTF8: bytes)
            guard !groups.isEmpty else {
                paragraphProse?.add(bytes)
                return
            }
            // "@key…]" as written locates the key even after an entity earlier in the run.
            // Lists are made at their final size: this runs for every run of text that cites.
            var pieces: [(bytes: UnsafeBufferPointer<UInt8>, offset: Int)] = []
            pieces.reserveCapacity(groups.reduce(0) { $0 + $1.items.count })
            for group in groups {
                for item in group.items {
                    pieces.append((UnsafeBufferPointer(rebasing: bytes[item.keyOffset..<group.range.upperBound]), item.keyOffset))
                }
            }
            var points = document.points(of: pieces, in: node).makeIterator()
            for group in groups {
                for item in group.items {
                    guard let point = points.next() else { break }
                    body.citations.append(Located(item.key, at: at(point)))
                }
            }
            var replacement: [MarkdownEdits.InlinePiece] = []
            if render { replacement.reserveCapacity(2 * groups.count + 1) }
            CitationParser.forEachPart(of: bytes, groups: groups) { part in
                switch part {
                case .text(let run):
                    paragraphProse?.add(UnsafeBufferPointer(rebasing: bytes[run]))
                    if render { replacement.append(.ownText(run)) }
                case .citation(let group):
                    if render {
                        replacement.append(.html(BodyHTML.citationToken(UnsafeBufferPointer(rebasing: bytes[group.range]))))
                    }
                }
            }
            if render { edits.replaceText(node, with: replacement) }
        }
    }

    // MARK: Tables

    /// Handles a paragraph that is a pipe table, or a table's `Table:` caption: it is replaced by the
    /// table's markup, its cells visited on their own. False for any other paragraph (visited as usual).
    private mutating func tableParagraph(_ node: MarkdownNode, in document: MarkdownDocument) -> Bool {
        if captionParagraphs.contains(node.id) {
            if render { edits.remove(node) }
            return true
        }
        switch tableParse(node, in: document) {
        case .none:
            // A caption belongs to the table right after it.
            guard Self.mayBeCaption(node), let caption = Self.caption(in: document.contentLines(of: node), of: document), let next = node.nextSibling,
                  startsWithTable(next, in: document) else { return false }
            captions[next.id] = caption
            captionParagraphs.insert(node.id)
            if render { edits.remove(node) }
            return true
        case .malformed(let problem):
            diagnostics.append(tableWarning(problem, in: document))
            return false
        case .table(let table):
            visitTable(table, in: node, of: document)
            return true
        }
    }

    private mutating func tableParse(_ node: MarkdownNode, in document: MarkdownDocument) -> PipeTable.Parse {
        // Every paragraph of every page is asked: most are one line, or have no pipe.
        guard document.mayBePipeTable(node) else { return .none }
        if let known = tableParses[node.id] { return known }
        let parse = document.pipeTable(in: node)
        tableParses[node.id] = parse
        return parse
    }

    /// Whether `node` is a paragraph whose first line is a table's header row.
    private mutating func startsWithTable(_ node: MarkdownNode, in document: MarkdownDocument) -> Bool {
        guard node.isParagraph, case .table(let table) = tableParse(node, in: document) else { return false }
        return table.leadingLines.isEmpty
    }

    /// Whether a paragraph's text starts with `Table:`, read in place.
    private static func mayBeCaption(_ node: MarkdownNode) -> Bool {
        guard let first = node.children.first(where: { _ in true }), first.isText else { return false }
        return first.withLiteralUTF8 { $0.starts(with: "Table:".utf8) || $0.starts(with: "table:".utf8) }
    }

    /// `Table: Weekly plan` (or `table:`): the caption's lines without the prefix, or nil.
    private static func caption(in lines: [Range<Int>], of document: MarkdownDocument) -> [Range<Int>]? {
        guard let first = lines.first else { return nil }
        return document.withSourceUTF8 { bytes -> [Range<Int>]? in
            guard first.count >= 6, bytes[first.lowerBound] == UInt8(ascii: "T") || bytes[first.lowerBound] == UInt8(ascii: "t"),
                  bytes[(first.lowerBound + 1)..<(first.lowerBound + 6)].elementsEqual("able:".utf8) else { return nil }
            let trimmed = ([(first.lowerBound + 6)..<first.upperBound] + lines.dropFirst()).map { line -> Range<Int> in
                var lower = line.lowerBound
                var upper = line.upperBound
                while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
                while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
                return lower..<upper
            }.filter { !$0.isEmpty }
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Visits a table's caption and cells, each parsed by cmark as inline Markdown on its own, so that
    /// citations, links and raw HTML in them are found (at their positions) and rendered as anywhere
    /// else; the paragraph is replaced by the table's markup.
    private mutating func visitTable(_ table: PipeTable, in paragraph: MarkdownNode, of document: MarkdownDocument) {
        var leading = table.leadingLines
        var captionLines = captions[paragraph.id]
        if captionLines == nil, let caption = Self.caption(in: leading, of: document) {
            captionLines = caption
            leading = []
        }
        // Else a caption right after the table, unless it is the caption of a table right after it.
        if captionLines == nil, let next = paragraph.nextSibling, next.isParagraph, Self.mayBeCaption(next),
           case .none = tableParse(next, in: document),
           let caption = Self.caption(in: document.contentLines(of: next), of: document),
           !(next.nextSibling.map { startsWithTable($0, in: document) } ?? false) {
            captionLines = caption
            captionParagraphs.insert(next.id)
        }
        var html = ""
        // Text before the header row in the same paragraph stays a paragraph before the table.
        if !leading.isEmpty {
            let before = document.fragments([.init(lines: leading, unescapingPipes: false)], lineJoiner: "\n", prefix: "")
            let beforeEdits = visitFragment(before, countingProse: true)
            if render { html += before.renderHTML(edits: beforeEdits, allowRawHTML: allowRawHTML) }
        }
        for row in table.rows {
            guard let extra = row.extra.first(where: { !$0.isEmpty }) else { continue }
            let written = row.cells.count + row.extra.count
            diagnostics.append(.warning(
                .tableCells, "this row has \(written) cells but the table has \(table.columnCount) columns, so the cells after column \(table.columnCount) are left out; add the column to the header and delimiter rows, or write \\| for a pipe inside a cell",
                at: at(document.point(atOffset: extra.lowerBound))))
        }
        var fragments: [MarkdownDocument.Fragment] = []
        if let captionLines { fragments.append(.init(lines: captionLines, unescapingPipes: false)) }
        for cell in table.header.cells + table.rows.flatMap(\.cells) {
            fragments.append(.init(lines: [cell], unescapingPipes: true))
        }
        let cells = document.fragments(fragments, lineJoiner: " ", prefix: Self.cellPrefix)
        let cellEdits = visitFragment(cells, countingProse: false)
        var label = lastHeading
        if captionLines != nil, let first = cells.tree.children.first(where: { _ in true }) {
            label = Self.proseText(first).unicodeScalars.filter { $0 != "\u{A0}" }.map(String.init).joined().trimmingWhitespace
        }
        guard render else { return }
        let rendered = cells.renderHTML(edits: cellEdits, allowRawHTML: allowRawHTML)
        var contents = MarkdownDocument.paragraphContents(rendered, prefix: Self.cellPrefix, count: fragments.count)
            ?? fragments.map { fragment in
                // Not expected: cmark wrote something other than a paragraph a cell. Keep the text.
                document.withSourceUTF8 { bytes in
                    CmarkEscaping.attribute(fragment.lines.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                        .joined(separator: " "))
                }
            }
        let caption = captionLines == nil ? nil : contents.removeFirst()
        let header = Array(contents.prefix(table.columnCount))
        let rows = stride(from: table.columnCount, to: contents.count, by: max(table.columnCount, 1)).map {
            Array(contents[$0..<min($0 + table.columnCount, contents.count)])
        }
        html += table.html(label: label.isEmpty ? "Table" : label, caption: caption, header: header, rows: rows)
        edits.replaceBlock(paragraph, withHTML: html)
    }

    /// A no-break space before each cell keeps it a paragraph of inline text (see `MarkdownDocument.fragments`).
    private static let cellPrefix = "\u{A0}"

    /// Walks a document made of pieces of the body with this analyzer, collecting its own edits.
    /// Table cells are not prose: they do not count towards the reading level.
    private mutating func visitFragment(_ fragment: MarkdownDocument, countingProse: Bool) -> MarkdownEdits {
        let outerEdits = edits
        let outerProse = body.prose
        edits = MarkdownEdits()
        inTable = true
        visit(fragment.tree, in: fragment)
        inTable = false
        if !countingProse { body.prose = outerProse }
        let fragmentEdits = edits
        edits = outerEdits
        return fragmentEdits
    }

    /// A table with `---` (or `===`) on the line right under it is, to CommonMark, a heading made of
    /// its rows: say so, since GitHub would show a table and a rule.
    private mutating func checkTableUnderlined(_ heading: MarkdownNode, in document: MarkdownDocument) {
        guard !inTable, document.mayBePipeTable(heading) else { return }
        let lines = document.contentLines(of: heading)
        guard lines.count >= 3, let underline = lines.last,
              case .table = document.withSourceUTF8({ PipeTable.parse(lines: Array(lines.dropLast()), in: $0) }) else { return }
        diagnostics.append(.warning(
            .tableSyntax, "this line right under a table makes the table's rows a heading; leave a blank line between the table and the line",
            at: at(document.point(atOffset: underline.lowerBound))))
    }

    private func tableWarning(_ problem: PipeTable.Problem, in document: MarkdownDocument) -> Diagnostic {
        let shown = "so these lines show as text with pipes"
        switch problem {
        case .delimiterCell(let cell):
            let written = document.withSourceUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[cell]), as: UTF8.self) }
            return .warning(.tableSyntax, "'\(written)' is not a column delimiter, \(shown); write ---, :---, :---: or ---: in each cell of the line under the header",
                            at: at(document.point(atOffset: cell.lowerBound)))
        case .columnCount(let header, let delimiter, let line):
            return .warning(.tableSyntax, "the header row has \(header) cells but the delimiter row under it has \(delimiter), \(shown); write one delimiter (---) for each column",
                            at: at(document.point(atOffset: line.lowerBound)))
        case .noDelimiterRow(let line):
            return .warning(.tableSyntax, "these lines look like a table but have no delimiter row, \(shown); add a line such as | --- | --- | under the header row",
                            at: at(document.point(atOffset: line.lowerBound)))
        }
    }

    /// A citation written at the start of a line ("…foot\n[@key].") belongs to the word before it,
    /// as if written "foot[@key]": drop the line break so no space separates them.
    private mutating func removeBreaksBeforeCitations(in node: MarkdownNode) {
        var softBreak: MarkdownNode?
        for child in node.children {
            if child.isSoftBreak {
                softBreak = child
                continue
            }
            if let previous = softBreak, child.isText, CitationParser.groups(in: child.literal).first?.range.lowerBound == 0 {
                edits.remove(previous)
            }
            softBreak = nil
        }
    }



    /// A paragraph's or heading's words without citation brackets or inline code.
    static func proseText(_ node: MarkdownNode) -> String {
        var text = ""
        for case .enter(let node) in node.events {
            switch node.kind {
            case .text(let literal):
                for segment in CitationParser.segments(of: literal) {
                    if case .text(let run) = segment { text += run }
                }
            case .softBreak, .lineBreak, .code:
                text += " "
            case let kind where kind.isBlock:
                // Blocks inside (a list item's paragraphs) are separate sentences' worth of words.
                if !text.isEmpty && text.last != " " { text += " " }
            default:
                break
            }
        }
        return text
    }

    /// `http://` or `https://`, in any case.
    static func isWebAddress(_ destination: String) -> Bool {
        func startsCaseless(_ prefix: StaticString) -> Bool {
            let lowercased = destination.utf8.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            return lowercased.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        }
        return startsCaseless("https://") || startsCaseless("http://")
    }

    static func isExerciseBlock(_ info: String) -> Bool {
        info.split(separator: " ").first == "exercise"
    }

    private func at(_ point: SourcePoint) -> SourceLocation {
        SourceLocation(file: file, line: point.line, column: point.column)
    }

    /// One slug a line; a fenced block's content starts on the line after the fence.
    private mutating func exerciseSlugs(_ literal: String, fence: SourcePoint) -> [Located<Slug>] {
        var slugs: [Located<Slug>] = []
        for (offset, line) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingWhitespace
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            let column = fence.column + (line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count)
            let location = SourceLocation(file: file, line: fence.line + 1 + offset, column: column)
            if let slug = Slug(text) {
                slugs.append(Located(slug, at: location))
            } else {
                diagnostics.append(.error(.invalidSlug, "'\(text)' is not a valid exercise card id; write one card id a line, like 'glute-bridge'",
                                          at: location))
            }
        }
        return slugs
    }

    /// An image in `Content/media/` (`![A bridge](../media/bridge.png)`): recorded, and replaced by a
    /// slot the page fills with its `<picture>`. Its alt text is read here, so its children are not
    /// visited (the caller skips them) and not rendered.
    private mutating func mediaImage(_ node: MarkdownNode) -> Bool {
        guard case .image(let source, let title) = node.kind else { return false }
        let alt = node.plainText
        guard let index = mediaReference(source, use: .image(alt: alt, title: title), at: at(node.start)) else { return false }
        body.imageAlts.append(Located(alt, at: at(node.start)))
        if render {
            edits.wrapInline(node, open: BodyHTML.token(.media(index)), close: "")
            for child in node.children { edits.remove(child) }
        }
        return true
    }

    /// Records a reference into `Content/media/` and returns its index in `Body.media`; nil when the
    /// destination is not a media file (an error when it names one in the wrong place).
    private mutating func mediaReference(_ destination: String, use: BodyMedia.Use, at location: SourceLocation) -> Int? {
        switch MediaPathResolver.resolve(destination, from: folder) {
        case nil:
            return nil
        case .invalid(let reason):
            diagnostics.append(.error(.missingMedia, "'\(destination)' \(reason)", at: location))
            return nil
        case .media(let path):
            body.media.append(BodyMedia(path: path, use: use, location: location))
            return body.media.count - 1
        }
    }

    /// A link to another content file (`../exercises/glute-bridge.md#steps`), resolved to its page.
    private mutating func contentLink(_ destination: String, at location: SourceLocation) -> BodyLink? {
        guard let link = ContentLinkResolver.resolve(destination, from: folder) else { return nil }
        switch link {
        case .page(let ref, let fragment):
            return BodyLink(target: ref, fragment: fragment, location: location)
        case .invalid(let reason):
            diagnostics.append(.error(.brokenLink, "the link '\(destination)' \(reason)", at: location))
            return nil
        }
    }
}

/// Gives each heading a unique, stable id: "why-it-helps", then "why-it-helps-2" for a repeat.
/// Ids the page template uses are taken already, so such a heading gets the next free number.
struct AnchorAllocator {
    /// Ids given so far; the reserved ones are checked apart, so a page does not copy that set.
    private var taken: Set<String> = []
    /// The last number tried for each id: every lower one is taken (ids are never given back), so
    /// the next repeat starts there rather than at 2, and many equal headings cost linear time.
    private var lastNumber: [String: Int] = [:]

    mutating func allocate(for title: String) -> String {
        let base = Slug.anchor(from: title)
        var candidate = base
        var count = lastNumber[base] ?? 1
        if count > 1 { candidate = "\(base)-\(count)" }
        while taken.contains(candidate) || SectionAnchor.reserved.contains(candidate) {
            count += 1
            candidate = "\(base)-\(count)"
        }
        lastNumber[base] = count
        taken.insert(candidate)
        return candidate
    }
}

/// Resolves a link written in a body to the page it names, when it names a content file.
enum ContentLinkResolver {
    enum Resolution {
        case page(PageRef, fragment: String?)
        case invalid(String)
    }

    /// `nil` for links that are not to content files (web addresses, `#fragment`, images…).
    static func resolve(_ destination: String, from folder: [String]) -> Resolution? {
        // Byte-level tests: this runs for every link of every page, and most links are to content.
        let utf8 = destination.utf8
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let path = destination[..<(hash ?? destination.endIndex)]
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        guard path.utf8.reversed().starts(with: "dm.".utf8), !Self.containsSchemeSeparator(path.utf8),
              !path.utf8.starts(with: "mailto:".utf8) else { return nil }
        // The resolved path is the first `inherited` folders the link starts from, then `own` parts.
        var inherited = path.utf8.first == UInt8(ascii: "/") ? 0 : folder.count
        var own: [Substring] = []
        for component in path.utf8.split(separator: UInt8(ascii: "/")) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                if !own.isEmpty {
                    own.removeLast()
                } else if inherited > 0 {
                    inherited -= 1
                } else {
                    return .invalid("points outside Content/")
                }
                continue
            }
            own.append(Substring(component))
        }
        // A path ending in ".md" ends in a part of its own.
        guard inherited + own.count >= 2, own.last != nil,
              let kind = ContentKind(folder: inherited > 0 ? folder[0] : String(own[0])) else {
            return .invalid("does not point into one of Content/'s page folders (\(ContentKind.folderList))")
        }
        // The parts after the kind's folder, the last without ".md".
        var parts = folder.prefix(inherited).dropFirst().map { $0 } + own.dropFirst(inherited > 0 ? 0 : 1).map(String.init)
        parts[parts.count - 1].removeLast(3)
        if !kind.descriptor.nestedIDs { parts = [parts[parts.count - 1]] }
        guard let slug = Slug(path: parts) else { return .invalid("names a file whose name is not a valid page id") }
        return .page(PageRef(kind, slug), fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Whether the text holds "://".
    private static func containsSchemeSeparator(_ utf8: Substring.UTF8View) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if previous == (UInt8(ascii: ":"), UInt8(ascii: "/")) && byte == UInt8(ascii: "/") { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}

extension Array {
    /// The same elements in a buffer of their size.
    func withoutSpareCapacity() -> [Element] {
        guard capacity > count + count / 8 else { return self }
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}
