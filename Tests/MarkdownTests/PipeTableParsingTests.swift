import Testing
@testable import Markdown

/// Reading pipe tables from cmark's paragraphs: rows split as GitHub splits them, lines read without
/// their container markers, and cells parsed again with positions in the original file.
@Suite struct PipeTableParsingTests {
    /// The cells of one row, as text.
    static func cells(_ row: String) -> [String] {
        var row = row
        return row.withUTF8 { bytes in
            PipeTable.split(0..<bytes.count, in: bytes).cells.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    @Test(arguments: [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("|a|b", ["a", "b"]),
        ("a|", ["a"]),
        ("| a || b |", ["a", "", "b"]),
        ("| f\\|oo | `x\\|y` |", ["f\\|oo", "`x\\|y`"]),
        ("| a \\\\| b |", ["a \\\\", "b"]),
        ("  |  é — ü  |\t", ["é — ü"]),
        ("no pipes", ["no pipes"]),
        ("|", []),
    ])
    func rowsSplitAtUnescapedPipes(row: String, expected: [String]) {
        #expect(Self.cells(row) == expected)
    }

    static func table(_ markdown: String) -> (MarkdownDocument, PipeTable.Parse) {
        let document = MarkdownDocument(parsing: markdown)
        let paragraph = document.tree.events.compactMap { event -> MarkdownNode? in
            if case .enter(let node) = event, node.isParagraph { return node }
            return nil
        }.first!
        return (document, document.pipeTable(in: paragraph))
    }

    @Test func alignmentsFromTheDelimiterRow() throws {
        let (_, parse) = Self.table("a | b | c | d\n--- | :-- | :-: | --:\n")
        guard case .table(let table) = parse else { Issue.record("not a table: \(parse)"); return }
        #expect(table.alignments == [.none, .left, .center, .right])
        #expect(table.rows.isEmpty)
    }

    @Test func onePipeIsNeededSoProseStaysProse() {
        #expect(Self.table("Feeling better\n:--\n").1 == .none)
        #expect(Self.table("Walk 10 | 20 minutes\nthen rest.\n").1 == .none)
    }

    @Test func linesOfANestedParagraphLoseTheirMarkers() throws {
        let markdown = "> - item\n>\n>   | é | b |\n>   |---|---|\n>  | 1 | 2 |\n"
        let document = MarkdownDocument(parsing: markdown, firstLine: 10)
        var lines: [String] = []
        for case .enter(let node) in document.tree.events where node.isParagraph {
            let ranges = document.contentLines(of: node)
            lines += document.withSourceUTF8 { bytes in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
        }
        #expect(lines == ["item", "| é | b |", "|---|---|", "| 1 | 2 |"])
    }

    @Test func cellsParsedAgainKeepTheirFilePositions() throws {
        // Line 5 of the file: "| é | x\|`y` *z* |".
        let markdown = "| a | b |\n|---|---|\n| é | x\\|`y` *z* |\n"
        let (document, parse) = Self.table(markdown)
        _ = document
        guard case .table(let table) = parse else { Issue.record("not a table"); return }
        let original = MarkdownDocument(parsing: markdown, firstLine: 3)
        let cells = original.fragments(table.rows[0].cells.map { .init(lines: [$0], unescapingPipes: true) },
                                       lineJoiner: " ", prefix: "\u{A0}")
        var found: [String] = []
        for case .enter(let node) in cells.tree.events {
            switch node.kind {
            case .text(let text): found.append("\(text.replacingOccurrences(of: "\u{A0}", with: "_"))@\(node.start)")
            case .code(let text): found.append("`\(text)`@\(node.start)")
            case .emphasis: found.append("*@\(node.start)")
            default: break
            }
        }
        // The no-break space is put at the cell's start; the pipe whose backslash was dropped keeps
        // its own column, and so does everything after it.
        // (cmark places a code span at its text, as in any paragraph.)
        #expect(found == ["_é@5:3", "_x|@5:7", "`y`@5:11", " @5:13", "*@5:14", "z@5:15"])
        let plain = MarkdownDocument(parsing: "x|`y`\n", firstLine: 5)
        var codeStart: SourcePoint?
        for case .enter(let node) in plain.tree.events { if case .code = node.kind { codeStart = node.start } }
        #expect(codeStart == SourcePoint(line: 5, column: 4))
        let html = cells.renderHTML()
        #expect(MarkdownDocument.paragraphContents(html, prefix: "\u{A0}", count: 2) == ["é", "x|<code>y</code> <em>z</em>"])
        #expect(cells.point(atOffset: 0) == SourcePoint(line: 5, column: 3))
    }

    @Test func htmlHasHeaderCellsWithScopeAndNoEmptyBody() throws {
        guard case .table(let table) = Self.table("| a | b |\n|:-:|---|\n").1 else { Issue.record("not a table"); return }
        #expect(table.html(label: "A \"plan\"", caption: nil, header: ["a", "b"], rows: []) == """
            <div class="table-scroll" role="region" aria-label="A &quot;plan&quot;" tabindex="0">
            <table>
            <thead>
            <tr>
            <th scope="col" class="align-center">a</th>
            <th scope="col">b</th>
            </tr>
            </thead>
            </table>
            </div>

            """)
    }
}
