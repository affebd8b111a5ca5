#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe table in GitHub's syntax (https://github.github.com/gfm/#tables-extension-), found in a
/// paragraph of cmark's tree.
///
/// cmark is plain CommonMark: a table reaches it as a paragraph whose lines are the rows. The rows are
/// read again from the paragraph's source lines, split into cells as GitHub does (unescaped pipes;
/// leading and trailing pipes optional; `\|` is a pipe inside a cell, code spans included), and each
/// cell's inline Markdown is parsed by cmark on its own (``MarkdownDocument/fragments(_:lineJoiner:prefix:)``).
/// Every range is a byte range in the text the paragraph's document parsed.
public struct PipeTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right

        /// The class that aligns a cell (see the stylesheet), or nil.
        public var className: String? {
            switch self {
            case .none: return nil
            case .left: return "align-left"
            case .center: return "align-center"
            case .right: return "align-right"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        /// The cells written, trimmed; in the body, padded or cut to the header's count.
        public var cells: [Range<Int>]
        /// Cells past the header's count, which GitHub leaves out.
        public var extra: [Range<Int>]
        /// The row's line, without container markers.
        public var line: Range<Int>
    }

    /// Lines of the paragraph before the header row: text (or a `Table:` caption) that stays before the table.
    public var leadingLines: [Range<Int>]
    public var header: Row
    public var alignments: [Alignment]
    public var rows: [Row]

    public var columnCount: Int { alignments.count }

    /// Why a paragraph that looks like a table is not one.
    public enum Problem: Sendable, Equatable {
        /// A cell of the delimiter row is not `---`, `:--`, `:-:` or `--:`.
        case delimiterCell(Range<Int>)
        /// The delimiter row has another number of cells than the header row.
        case columnCount(header: Int, delimiter: Int, line: Range<Int>)
        /// Rows of pipes with no delimiter row under the first.
        case noDelimiterRow(line: Range<Int>)
    }

    public enum Parse: Sendable, Equatable {
        case table(PipeTable)
        case malformed(Problem)
        case none
    }

    /// Reads a table from a paragraph's lines (see ``MarkdownDocument/contentLines(of:)``).
    ///
    /// As in GitHub's parser, the header is the first line followed by a delimiter row with as many
    /// cells; lines before it stay a paragraph, and every line after it is a row. Salve also asks for
    /// a pipe in the header or delimiter row, so prose followed by a line such as `--:` stays prose.
    public static func parse(lines: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> Parse {
        guard lines.count >= 2 else { return .none }
        var problem: Problem?
        for index in 0..<(lines.count - 1) {
            let headerLine = lines[index]
            let delimiterLine = lines[index + 1]
            let header = split(headerLine, in: bytes)
            let delimiter = split(delimiterLine, in: bytes)
            guard header.sawPipe || delimiter.sawPipe, !delimiter.cells.isEmpty, !header.cells.isEmpty else { continue }
            let alignments = delimiter.cells.map { alignment(of: $0, in: bytes) }
            guard alignments.allSatisfy({ $0 != nil }) else {
                // A line of delimiters with one gone wrong (`|---|--x|`) under a row of pipes.
                if problem == nil, header.sawPipe, delimiter.sawPipe, alignments.contains(where: { $0 != nil }),
                   let bad = zip(delimiter.cells, alignments).first(where: { $0.1 == nil })?.0 {
                    problem = .delimiterCell(bad)
                }
                continue
            }
            guard header.cells.count == delimiter.cells.count else {
                if problem == nil, header.sawPipe {
                    problem = .columnCount(header: header.cells.count, delimiter: delimiter.cells.count, line: delimiterLine)
                }
                continue
            }
            let columns = header.cells.count
            let rows = lines[(index + 2)...].map { line -> Row in
                var cells = split(line, in: bytes).cells
                let extra = cells.count > columns ? Array(cells[columns...]) : []
                cells.removeLast(max(0, cells.count - columns))
                while cells.count < columns { cells.append(line.upperBound..<line.upperBound) }
                return Row(cells: cells, extra: extra, line: line)
            }
            return .table(PipeTable(leadingLines: Array(lines[..<index]),
                                    header: Row(cells: header.cells, extra: [], line: headerLine),
                                    alignments: alignments.map { $0! }, rows: rows))
        }
        if let problem { return .malformed(problem) }
        // `| a | b |` over `| 1 | 2 |`: a table without its delimiter row.
        let first = split(lines[0], in: bytes)
        let second = split(lines[1], in: bytes)
        if first.framed && second.framed && first.cells.count >= 2 {
            return .malformed(.noDelimiterRow(line: lines[1]))
        }
        return .none
    }

    /// A row's cells, trimmed, split at unescaped pipes.
    static func split(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> (cells: [Range<Int>], sawPipe: Bool, framed: Bool) {
        var index = line.lowerBound
        var end = line.upperBound
        while index < end, isSpace(bytes[index]) { index += 1 }
        while end > index, isSpace(bytes[end - 1]) { end -= 1 }
        guard index < end else { return ([], false, false) }
        var sawPipe = false
        let framed = bytes[index] == UInt8(ascii: "|") && end - index > 1 && bytes[end - 1] == UInt8(ascii: "|")
            && (end - 2 < index || bytes[end - 2] != UInt8(ascii: "\\"))
        if bytes[index] == UInt8(ascii: "|") {
            sawPipe = true
            index += 1
        }
        var cells: [Range<Int>] = []
        while true {
            let start = index
            while index < end, bytes[index] != UInt8(ascii: "|") {
                index += bytes[index] == UInt8(ascii: "\\") && index + 1 < end ? 2 : 1
            }
            let cell = trimmed(start..<min(index, end), in: bytes)
            if index >= end {
                // A pipe closing the row is not the start of another cell.
                if !(cell.isEmpty && sawPipe && start == end) { cells.append(cell) }
                break
            }
            sawPipe = true
            cells.append(cell)
            index += 1
        }
        return (cells, sawPipe, framed)
    }

    private static func alignment(of cell: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Alignment? {
        guard !cell.isEmpty else { return nil }
        let left = bytes[cell.lowerBound] == UInt8(ascii: ":")
        let right = bytes[cell.upperBound - 1] == UInt8(ascii: ":") && (cell.count > 1 || !left)
        let dashes = (cell.lowerBound + (left ? 1 : 0))..<(cell.upperBound - (right ? 1 : 0))
        guard !dashes.isEmpty, bytes[dashes].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        switch (left, right) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return Alignment.none
        }
    }

    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The table's markup around its cells, given each cell's inline HTML: a region that scrolls on
    /// narrow screens (named by `label`, reachable by keyboard), the caption, then the header row's
    /// `<th scope="col">` and the body rows. `caption` and `cells` are HTML already; `label` is text.
    public func html(label: String, caption: String?, header: [String], rows: [[String]]) -> String {
        var html = "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(CmarkEscaping.attribute(label))\" tabindex=\"0\">\n<table>\n"
        if let caption { html += "<caption>\(caption)</caption>\n" }
        func attributes(_ column: Int) -> String {
            guard column < alignments.count, let name = alignments[column].className else { return "" }
            return " class=\"\(name)\""
        }
        html += "<thead>\n<tr>\n"
        for (column, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(attributes(column))>\(cell)</th>\n"
        }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    html += "<td\(attributes(column))>\(cell)</td>\n"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n</div>\n"
    }
}

extension MarkdownDocument {
    /// A paragraph's lines as written, each without its container markers (`>` of block quotes) and
    /// leading spaces (a list item's indent), and without its newline.
    public func contentLines(of paragraph: MarkdownNode) -> [Range<Int>] {
        var quotes = 0
        var ancestor = paragraph.parent
        while let node = ancestor {
            if case .blockQuote = node.kind { quotes += 1 }
            ancestor = node.parent
        }
        let range = paragraph.sourceLines
        return lines.withBytes { bytes in
            range.map { line in
                let whole = lines.lineRange(line)
                var index = whole.lowerBound
                if line == range.lowerBound {
                    index = min(whole.upperBound, whole.lowerBound + max(paragraph.startByteColumn, 1) - 1)
                } else {
                    for _ in 0..<quotes {
                        while index < whole.upperBound, PipeTable.isSpace(bytes[index]) { index += 1 }
                        guard index < whole.upperBound, bytes[index] == UInt8(ascii: ">") else { break }
                        index += 1
                    }
                    while index < whole.upperBound, PipeTable.isSpace(bytes[index]) { index += 1 }
                }
                return index..<whole.upperBound
            }
        }
    }

    /// A quick test before reading a paragraph's lines: two lines or more, and a pipe among them.
    public func mayBePipeTable(_ paragraph: MarkdownNode) -> Bool {
        let range = paragraph.sourceLines
        guard range.count >= 2 else { return false }
        let bytes = lines.lineRange(range.lowerBound).lowerBound..<lines.lineRange(range.upperBound).upperBound
        return withSourceUTF8 { source in
            guard let base = source.baseAddress, !bytes.isEmpty, bytes.upperBound <= source.count else { return false }
            return memchr(base + bytes.lowerBound, Int32(UInt8(ascii: "|")), bytes.count) != nil
        }
    }

    /// Reads a paragraph as a pipe table.
    public func pipeTable(in paragraph: MarkdownNode) -> PipeTable.Parse {
        let lines = contentLines(of: paragraph)
        return withSourceUTF8 { PipeTable.parse(lines: lines, in: $0) }
    }

    /// A piece of this document's text to parse again on its own: its lines (byte ranges), joined.
    public struct Fragment: Sendable {
        public var lines: [Range<Int>]
        /// A table cell's `\|` is a pipe before its inline Markdown is parsed, code spans included.
        public var unescapingPipes: Bool

        public init(lines: [Range<Int>], unescapingPipes: Bool) {
            self.lines = lines
            self.unescapingPipes = unescapingPipes
        }
    }

    /// Parses pieces of this document's text as a document of their own, each piece a paragraph
    /// (pieces are separated by blank lines; a piece's lines are joined by `lineJoiner`), whose nodes
    /// report the positions where the pieces are written in this document's file.
    ///
    /// With `prefix` a no-break space, each piece is a paragraph of inline content whatever it starts
    /// with (`# 1`, `> 2`, `1.`): a table cell holds inline Markdown only. The space is Unicode
    /// whitespace to CommonMark, as the start of a line is, so emphasis parses the same.
    ///
    /// The body's link reference definitions (``linkReferenceDefinitions()``) are added after the
    /// pieces, so `[NHS][nhs]` in a cell links where it would anywhere else in the body.
    public func fragments(_ fragments: [Fragment], lineJoiner: String, prefix: String) -> MarkdownDocument {
        var derived: [UInt8] = []
        var runs: [SourceMap.Run] = []
        let definitions = linkReferenceDefinitions()
        lines.withBytes { bytes in
            for (number, fragment) in fragments.enumerated() {
                let first = fragment.lines.first?.lowerBound ?? 0
                if number > 0 {
                    runs.append(SourceMap.Run(derived: derived.count, source: first, fixed: true))
                    derived += "\n\n".utf8
                }
                if !prefix.isEmpty {
                    runs.append(SourceMap.Run(derived: derived.count, source: first, fixed: true))
                    derived += prefix.utf8
                }
                for (index, line) in fragment.lines.enumerated() {
                    if index > 0 {
                        runs.append(SourceMap.Run(derived: derived.count, source: line.lowerBound, fixed: true))
                        derived += lineJoiner.utf8
                    }
                    runs.append(SourceMap.Run(derived: derived.count, source: line.lowerBound, fixed: false))
                    var position = line.lowerBound
                    while position < line.upperBound {
                        if fragment.unescapingPipes, bytes[position] == UInt8(ascii: "\\"), position + 1 < line.upperBound,
                           bytes[position + 1] == UInt8(ascii: "|") {
                            position += 1
                            runs.append(SourceMap.Run(derived: derived.count, source: position, fixed: false))
                        }
                        derived.append(bytes[position])
                        position += 1
                    }
                }
            }
            for definition in definitions {
                runs.append(SourceMap.Run(derived: derived.count, source: definition.lowerBound, fixed: true))
                derived += "\n\n".utf8
                runs.append(SourceMap.Run(derived: derived.count, source: definition.lowerBound, fixed: false))
                derived += bytes[definition]
            }
        }
        derived.append(UInt8(ascii: "\n"))
        let text = String(decoding: derived, as: UTF8.self)
        let map = SourceMap(file: lines, runs: runs)
        return MarkdownDocument(text, lines: LineTable(text, firstLine: 1, map: map))
    }

    /// Lines of the body that look like a one-line link reference definition (`[nhs]: https://… "NHS"`),
    /// without container markers. cmark keeps no record of them in its tree; the lines are found in
    /// the text (one inside a code block is found too, and only matters if a cell uses its label).
    public func linkReferenceDefinitions() -> [Range<Int>] {
        if let known = referenceDefinitionLines { return known }
        let found = lines.withBytes { bytes in
            var found: [Range<Int>] = []
            var line = 1
            while true {
                let range = lines.lineRange(line)
                if range.isEmpty && range.lowerBound >= bytes.count { break }
                var index = range.lowerBound
                while index < range.upperBound, PipeTable.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ">") { index += 1 }
                if index < range.upperBound, bytes[index] == UInt8(ascii: "[") {
                    var close = index + 1
                    while close < range.upperBound, bytes[close] != UInt8(ascii: "]") {
                        close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    if close + 1 < range.upperBound, close > index + 1, bytes[close + 1] == UInt8(ascii: ":"),
                       bytes[index + 1] != UInt8(ascii: "@") {
                        found.append(index..<range.upperBound)
                    }
                }
                if range.upperBound >= bytes.count { break }
                line += 1
            }
            return found
        }
        referenceDefinitionLines = found
        return found
    }

    /// Each paragraph's inline HTML, from the HTML of a document made by
    /// ``fragments(_:lineJoiner:prefix:)`` with one-line pieces: `<p>`, the prefix and `</p>` taken
    /// off. Nil when the markup is not one such paragraph a piece.
    ///
    /// Paragraphs are told apart by `</p>`, a newline and `<p>` with the prefix, not by lines alone: a
    /// cell's text may hold a newline written as `&#10;`, which cmark writes as it is.
    public static func paragraphContents(_ html: String, prefix: String, count: Int) -> [String]? {
        // Bytes, not characters: a cell may start with a combining mark, which joins the prefix.
        let open = Array(("<p>" + prefix).utf8)
        let close = Array("</p>\n".utf8)
        let separator = close + open
        let bytes = Array(html.utf8)
        guard bytes.count >= open.count + close.count, bytes.starts(with: open), bytes.suffix(close.count).elementsEqual(close) else {
            return nil
        }
        var contents: [String] = []
        var start = open.count
        var index = start
        let end = bytes.count - close.count
        while index + separator.count <= end {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                contents.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        contents.append(String(decoding: bytes[start..<end], as: UTF8.self))
        return contents.count == count ? contents : nil
    }
}
