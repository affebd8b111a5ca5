/// The YAML of a fixture file (a page's front matter, `site.yml`, a source record) as a tree of nodes
/// that remember which lines they came from, so a test can change one value and leave every other
/// byte of the file alone. It reads the block and flow styles the fixtures use, not all of YAML.
struct YAMLLines: Sendable {
    /// A value and where it is written.
    indirect enum Node: Sendable {
        /// A plain or quoted scalar: its line, the column its text starts at, the text as written.
        case scalar(line: Int, column: Int, text: String)
        /// `>-`, `|`…: the header's line and the continuation lines.
        case block(line: Int, lines: Range<Int>)
        /// `[a, b]`: its line, the column of `[`, the items.
        case flow(line: Int, column: Int, items: [String])
        case list([Item])
        case map([Entry])
    }

    struct Item: Sendable {
        var lines: Range<Int>
        /// The column of the `-`.
        var indent: Int
        var node: Node
    }

    struct Entry: Sendable {
        var key: String
        var lines: Range<Int>
        var column: Int
        var node: Node
    }

    var lines: [String]
    /// The YAML lines (between the `---` lines for a page).
    var span: Range<Int>
    var root: [Entry]

    /// - Parameter frontMatter: true for a Markdown page (YAML between `---` lines), false for a YAML file.
    init(_ text: String, frontMatter: Bool) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let span: Range<Int>
        if frontMatter {
            let close = lines.indices.dropFirst().first { lines[$0] == "---" } ?? lines.count
            span = 1..<close
        } else {
            span = 0..<lines.count
        }
        self.lines = lines
        self.span = span
        root = Self.entries(lines, span, column: 0, firstLineIsItem: false)
    }

    /// The body's first line index (after the closing `---`).
    var bodyStart: Int { min(span.upperBound + 1, lines.count) }

    /// The file with `range` replaced by `replacement`.
    func replacing(_ range: Range<Int>, with replacement: [String]) -> String {
        var copy = lines
        copy.replaceSubrange(range, with: replacement)
        return copy.joined(separator: "\n")
    }

    func replacingLine(_ line: Int, with text: String) -> String {
        replacing(line..<line + 1, with: [text])
    }

    // MARK: Parsing

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " } || line.drop { $0 == " " }.hasPrefix("#")
    }

    /// `key:` at `column` (the line's first `- ` counts as indentation for a list item's first line).
    private static func key(in line: String, column: Int) -> (key: String, valueColumn: Int)? {
        guard line.count > column else { return nil }
        let rest = line.dropFirst(column)
        let prefix = line.prefix(column)
        guard prefix.allSatisfy({ $0 == " " || $0 == "-" }), let first = rest.first, first.isLetter else { return nil }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let after = rest.dropFirst(name.count)
        guard after.hasPrefix(":"), after.count == 1 || after.dropFirst().hasPrefix(" ") else { return nil }
        let valueColumn = column + name.count + 1 + after.dropFirst().prefix { $0 == " " }.count
        return (String(name), valueColumn)
    }

    private static func entries(_ lines: [String], _ range: Range<Int>, column: Int, firstLineIsItem: Bool) -> [Entry] {
        var starts: [(line: Int, key: String, valueColumn: Int)] = []
        for index in range where !isBlank(lines[index]) {
            let line = lines[index]
            let isItemLine = firstLineIsItem && index == range.lowerBound
            guard isItemLine || indentation(line) == column, let found = key(in: line, column: column) else { continue }
            starts.append((index, found.key, found.valueColumn))
        }
        return starts.enumerated().map { position, start in
            var end = position + 1 < starts.count ? starts[position + 1].line : range.upperBound
            while end > start.line + 1, isBlank(lines[end - 1]) { end -= 1 }
            let inline = String(lines[start.line].dropFirst(start.valueColumn))
            let node = value(lines, line: start.line, valueColumn: start.valueColumn, inline: inline,
                             children: start.line + 1..<end)
            return Entry(key: start.key, lines: start.line..<end, column: column, node: node)
        }
    }

    private static func value(_ lines: [String], line: Int, valueColumn: Int, inline: String, children: Range<Int>) -> Node {
        if !inline.isEmpty {
            if [">-", ">", "|", "|-"].contains(inline) { return .block(line: line, lines: children) }
            if inline.hasPrefix("[") && inline.hasSuffix("]") {
                let items = inline.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return .flow(line: line, column: valueColumn, items: items)
            }
            return .scalar(line: line, column: valueColumn, text: inline)
        }
        guard let first = children.first(where: { !isBlank(lines[$0]) }) else { return .scalar(line: line, column: valueColumn, text: "") }
        let indent = indentation(lines[first])
        if lines[first].dropFirst(indent).hasPrefix("- ") {
            var itemStarts: [Int] = []
            for index in children where indentation(lines[index]) == indent && lines[index].dropFirst(indent).hasPrefix("- ") {
                itemStarts.append(index)
            }
            return .list(itemStarts.enumerated().map { position, start in
                let end = position + 1 < itemStarts.count ? itemStarts[position + 1] : children.upperBound
                let text = String(lines[start].dropFirst(indent + 2))
                if key(in: lines[start], column: indent + 2) != nil {
                    return Item(lines: start..<end, indent: indent,
                                node: .map(entries(lines, start..<end, column: indent + 2, firstLineIsItem: true)))
                }
                return Item(lines: start..<end, indent: indent, node: .scalar(line: start, column: indent + 2, text: text))
            })
        }
        return .map(entries(lines, children, column: indent, firstLineIsItem: false))
    }
}

import Foundation
