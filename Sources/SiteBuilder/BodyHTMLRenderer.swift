import ContentModel
import Markdown
import Templates

/// Finishes a page body for the page showing it: fills the slots loading left in cmark's HTML with
/// citation numbers from the page's list, links relative to the page, heading tags, and the cards
/// that `exercise` blocks name.
public struct BodyHTMLRenderer: Sendable {
    public let graph: ContentGraph

    public init(graph: ContentGraph) {
        self.graph = graph
    }

    /// - Parameter embedding: false inside an embedded card, so cards never embed cards; its headings
    ///   then nest under the card's h3 and take no ids the page may use.
    public func render(_ body: Body, linker: Linker, numbering: inout CitationNumbering, embedding: Bool = true) -> HTML {
        let rendered = body.html
        guard !rendered.markup.isEmpty else { return .empty }
        var html = ""
        html.reserveCapacity(rendered.markup.utf8.count + 1024)
        // A block of cards ends in a newline and takes the place of the one cmark wrote after the slot.
        var dropNewline = false
        rendered.forEachPart { part in
            switch part {
            case .markup(let run):
                html += dropNewline && run.hasPrefix("\n") ? run.dropFirst() : run
                dropNewline = false
            case .slot(let slot):
                let filled = fill(slot, of: body, linker: linker, numbering: &numbering, embedding: embedding)
                html += filled
                dropNewline = filled.hasSuffix("\n")
            }
        }
        return .unescaped(html)
    }

    private func fill(_ slot: BodyHTML.Slot, of body: Body, linker: Linker, numbering: inout CitationNumbering,
                      embedding: Bool) -> String {
        switch slot {
        case .citation(let written):
            // The text loading found to be one citation group is parsed again: a few bytes.
            guard let group = CitationParser.groups(in: written).first else { return "" }
            return CitationMarkup.render(group, numbering: &numbering).markup
        case .link(let index):
            guard body.links.indices.contains(index) else { return "" }
            let link = body.links[index]
            return CmarkEscaping.href(linker.href(link.target, fragment: link.fragment))
        case .headingOpen(let index):
            guard body.headings.indices.contains(index) else { return "" }
            let heading = body.headings[index]
            return embedding
                ? "<h\(heading.level) id=\"\(CmarkEscaping.attribute(heading.anchor))\">"
                : "<h\(Self.embeddedLevel(heading.level))>"
        case .headingClose(let index):
            guard body.headings.indices.contains(index) else { return "" }
            let level = body.headings[index].level
            return "</h\(embedding ? level : Self.embeddedLevel(level))>"
        case .exercises(let index):
            guard embedding, body.html.exerciseBlocks.indices.contains(index) else { return "" }
            var html = HTML.empty
            for embed in body.exerciseEmbeds[body.html.exerciseBlocks[index]] {
                guard let card = graph.exercise(embed.value) else { continue }
                html += ExercisePage.embed(card, linker: linker, numbering: &numbering) { cardNumbering in
                    render(card.body, linker: linker, numbering: &cardNumbering, embedding: false)
                }
            }
            return html.markup
        }
    }

    /// Two levels down, under the card's h3: h2 becomes h4; h6 is as low as HTML goes.
    private static func embeddedLevel(_ level: Int) -> Int { min(level + 2, 6) }
}
