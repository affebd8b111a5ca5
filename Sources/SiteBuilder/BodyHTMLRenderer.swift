import ContentModel
import Markdown
import Templates

/// Renders a page body: cmark's HTML, with citations numbered into the page's list, links to other
/// content files pointed at their pages, headings given their ids, and `exercise` blocks replaced
/// by the cards they name.
public struct BodyHTMLRenderer: Sendable {
    public let graph: ContentGraph

    public init(graph: ContentGraph) {
        self.graph = graph
    }

    /// - Parameter embedding: false inside an embedded card, so cards never embed cards.
    public func render(_ body: Body, linker: Linker, numbering: inout CitationNumbering, embedding: Bool = true) -> HTML {
        guard !body.markdown.isEmpty else { return .empty }
        let document = MarkdownDocument(parsing: body.markdown, firstLine: body.firstLine)
        // Loading already resolved links and embeds; match them to nodes by where they were written.
        var links: [SourcePoint: BodyLink] = [:]
        for link in body.links {
            links[SourcePoint(line: link.location.line ?? 0, column: link.location.column ?? 0)] = link
        }
        var edits = MarkdownEdits()
        var headingIndex = 0
        var pageNumbering = numbering
        document.tree.walk { node in
            removeBreaksBeforeCitations(in: node, edits: &edits)
            switch node.kind {
            case .text(let literal):
                let segments = CitationParser.segments(of: literal)
                guard segments.count > 1 || segments.first.map(isCitation) == true else { break }
                let pieces = segments.map { segment -> MarkdownEdits.InlinePiece in
                    switch segment {
                    case .text(let run): return .text(run)
                    case .citation(let group): return .html(CitationMarkup.render(group, numbering: &pageNumbering).markup)
                    }
                }
                edits.replaceText(node, with: pieces)
            case .link:
                if let link = links[node.start] {
                    edits.setDestination(linker.href(link.target, fragment: link.fragment), of: node)
                }
            case .heading(let level):
                if !embedding {
                    // Inside an embedded card: nest under the card's h3, and take no ids the page may use.
                    edits.setHeadingLevel(level + 2, of: node)
                } else if headingIndex < body.headings.count {
                    edits.setHeadingID(body.headings[headingIndex].anchor, of: node)
                }
                headingIndex += 1
            case .codeBlock(let info, _) where info.split(separator: " ").first == "exercise":
                let lines = node.start.line...max(node.end.line, node.start.line)
                var html = HTML.empty
                if embedding {
                    for embed in body.exerciseEmbeds where lines.contains(embed.location.line ?? 0) {
                        guard let card = graph.exercise(embed.value) else { continue }
                        html += ExercisePage.embed(card, linker: linker, numbering: &pageNumbering) { cardNumbering in
                            render(card.body, linker: linker, numbering: &cardNumbering, embedding: false)
                        }
                    }
                }
                edits.replaceBlock(node, withHTML: html.markup)
            default:
                break
            }
            return .visitChildren
        }
        numbering = pageNumbering
        return .unescaped(document.renderHTML(edits: edits, allowRawHTML: graph.site.allowRawHTML))
    }

    /// A citation written at the start of a line ("…foot\n[@key].") belongs to the word before it,
    /// as if written "foot[@key]": drop the line break so no space separates them.
    private func removeBreaksBeforeCitations(in node: MarkdownNode, edits: inout MarkdownEdits) {
        let children = node.children
        for index in children.indices.dropLast() {
            guard case .softBreak = children[index].kind, case .text(let next) = children[index + 1].kind,
                  CitationParser.groups(in: next).first?.range.lowerBound == 0 else { continue }
            edits.remove(children[index])
        }
    }

    private func isCitation(_ segment: CitationParser.Segment) -> Bool {
        if case .citation = segment { return true }
        return false
    }
}
