import ContentModel
import Markdown
import Templates

/// Finishes a page body for the page showing it: fills the slots loading left in cmark's HTML with
/// citation numbers from the page's list, links relative to the page, heading tags, and the cards
/// that `exercise` blocks name.
///
/// Every slot is written straight into the page's body: a page has dozens of slots, and a string per
/// slot, joined afterwards, was a tenth of a build.
public struct BodyHTMLRenderer: Sendable {
    public let graph: ContentGraph

    public init(graph: ContentGraph) {
        self.graph = graph
    }

    /// - Parameter embedding: false inside an embedded card, so cards never embed cards; its headings
    ///   then nest under the card's h3 and take no ids the page may use.
    public func render(_ body: Body, linker: Linker, numbering: inout CitationNumbering, embedding: Bool = true) -> HTML {
        let rendered = body.html
        guard !rendered.isEmpty else { return .empty }
        var html = HTML.empty
        html.reserveCapacity(rendered.utf8.count + 1024)
        // A block of cards ends in a newline and takes the place of the one cmark wrote after the slot.
        var dropNewline = false
        rendered.forEachPart { part in
            switch part {
            case .markup(let run):
                html.appendUnescaped(dropNewline && run.first == UInt8(ascii: "\n") ? UnsafeBufferPointer(rebasing: run.dropFirst()) : run)
                dropNewline = false
            case .slot(let slot):
                dropNewline = append(slot, of: body, linker: linker, numbering: &numbering, embedding: embedding, to: &html)
            }
        }
        return html
    }

    /// Returns whether what it appended ends in a newline.
    private func append(_ slot: BodyHTML.Slot, of body: Body, linker: Linker, numbering: inout CitationNumbering,
                        embedding: Bool, to html: inout HTML) -> Bool {
        switch slot {
        case .citation(let written):
            // The text loading found to be one citation group is parsed again: a few bytes.
            guard let group = CitationParser.groups(in: written).first else { return false }
            CitationMarkup.append(group, numbering: &numbering, to: &html)
            return false
        case .link(let index):
            guard body.links.indices.contains(index) else { return false }
            let link = body.links[index]
            html += .unescaped(CmarkEscaping.href(linker.href(link.target, fragment: link.fragment)))
            return false
        case .headingOpen(let index):
            guard body.headings.indices.contains(index) else { return false }
            let heading = body.headings[index]
            if embedding {
                html += "<h\(heading.level) id=\""
                html += .unescaped(CmarkEscaping.attribute(heading.anchor))
                html.append("\">")
            } else {
                html += "<h\(Self.embeddedLevel(heading.level))>"
            }
            return false
        case .headingClose(let index):
            guard body.headings.indices.contains(index) else { return false }
            let level = body.headings[index].level
            html += "</h\(embedding ? level : Self.embeddedLevel(level))>"
            return false
        case .exercises(let index):
            guard embedding, body.html.exerciseBlocks.indices.contains(index) else { return false }
            var appended = false
            for embed in body.exerciseEmbeds[body.html.exerciseBlocks[index]] {
                guard let card = graph.exercise(embed.value) else { continue }
                let figures = PictureMarkup.cardFigures(card.images, graph: graph, linker: linker, lazy: true)
                html += ExercisePage.embed(card, linker: linker, strings: graph.site.strings, figures: figures,
                                           numbering: &numbering) { cardNumbering in
                    render(card.body, linker: linker, numbering: &cardNumbering, embedding: false)
                }
                appended = true
            }
            // A card ends in a newline.
            return appended && html.bytes.last == UInt8(ascii: "\n")
        case .media(let index):
            guard body.media.indices.contains(index) else { return false }
            html += MediaMarkup.fill(body.media[index], library: graph.media, linker: linker)
            return false
        case .download(let index):
            guard body.media.indices.contains(index) else { return false }
            html += MediaMarkup.downloadLabel(body.media[index], library: graph.media)
            return false
        }
    }

    /// Two levels down, under the card's h3: h2 becomes h4; h6 is as low as HTML goes.
    private static func embeddedLevel(_ level: Int) -> Int { min(level + 2, 6) }
}
