import ContentModel

/// Citation superscripts and reference lists. Body rendering uses the same markup, so a citation
/// looks the same in front matter text and in the body.
public enum CitationMarkup {
    /// `<sup class="citation">[<a href="#ref-1">1</a>, <a href="#ref-2">2</a>]</sup>` style, numbered by
    /// first use on the page.
    public static func render(_ group: CitationGroup, numbering: inout CitationNumbering) -> HTML {
        var html = HTML.empty
        append(group, numbering: &numbering, to: &html)
        return html
    }

    /// The same markup, appended piece by piece: a large site renders hundreds of thousands of these,
    /// and an interpolated literal per item costs a buffer of its own.
    public static func append(_ group: CitationGroup, numbering: inout CitationNumbering, to html: inout HTML) {
        html.append("<sup class=\"citation\">")
        for (index, item) in group.items.enumerated() {
            let number = String(numbering.number(for: item.key))
            if index > 0 { html.append(", ") }
            if !item.prefix.isEmpty {
                html.append(text: item.prefix)
                html.append(" ")
            }
            html.append("<a href=\"#")
            html.append(text: anchor(for: item.key))
            html.append("\" aria-label=\"")
            html.append(text: numbering.announcement.before)
            html.append(text: number)
            html.append(text: numbering.announcement.after)
            html.append("\">")
            html.append(text: number)
            html.append("</a>")
            if !item.locator.isEmpty {
                html.append(", ")
                html.append(text: item.locator)
            }
        }
        html.append("</sup>")
    }

    /// A front-matter text with its citations as superscripts.
    public static func render(_ text: InlineText, numbering: inout CitationNumbering) -> HTML {
        var result = HTML.empty
        for segment in CitationParser.segments(of: text.text, groups: text.citations) {
            switch segment {
            case .text(let run): result += .text(run)
            case .citation(let group): result += render(group, numbering: &numbering)
            }
        }
        return result
    }

    public static func anchor(for key: CitationKey) -> String { "ref-" + key.rawValue }

    /// The numbered list at the foot of a page, in citation order.
    public static func referenceList(_ numbering: CitationNumbering, references: ReferenceTable, linker: Linker,
                                     strings: UIStrings) -> HTML {
        guard !numbering.order.isEmpty else { return .empty }
        var items = HTML.empty
        for key in numbering.order {
            items += references.listItem(key) ?? "<li id=\"\(anchor(for: key))\">\(key.rawValue)</li>\n"
        }
        return """
            <section class="references" id="\(SectionAnchor.references)" aria-labelledby="references-title">
            <h2 id="references-title">\(strings[.references])</h2>
            <ol>
            \(items)</ol>
            <p class="all-references"><a href="\(linker.href(.references))">\(strings[.allSources])</a></p>
            </section>

            """
    }

    /// The entry in `style` (AMA unless the site chooses Vancouver), with titles in italics and links
    /// made clickable.
    public static func formattedReference(_ reference: Reference, style: CitationStyle = .ama) -> HTML {
        html(of: ReferenceFormatter.format(reference, style: style))
    }

    /// A DOI as the path of a doi.org address: characters a URL cannot carry as they are (`<` and `>` of
    /// old SICI DOIs, `#`, `?`, `%`, spaces, non-ASCII) percent-encoded, as the DOI Handbook asks.
    static func doiPath(_ doi: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:;()@!$&'*+,=".utf8)
        guard !doi.utf8.allSatisfy(allowed.contains) else { return doi }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in doi.utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every text escaped; only the elements the runs' styles name are written, so rich text in a title
    /// (`<i>`, `<sub>`…) cannot bring in markup of its own.
    static func html(of runs: [StyledRun]) -> HTML {
        var html = HTML.empty
        for run in runs {
            switch run {
            case .plain(let text):
                html.append(text: text)
            case .italic(let text):
                html.append("<cite>")
                html.append(text: text)
                html.append("</cite>")
            case .link(let target):
                let url = target.hasPrefix("http") ? target : "https://doi.org/" + doiPath(target)
                html += "<a href=\"\(url)\">\(target)</a>"
            case .styled(let text, let style):
                // Italic is <i> here: <cite> names a work, and a species name inside a title is not one.
                if style.contains(.italic) { html.append("<i>") }
                if style.contains(.bold) { html.append("<b>") }
                if style.contains(.superscript) { html.append("<sup>") }
                if style.contains(.subscript) { html.append("<sub>") }
                html.append(text: text)
                if style.contains(.subscript) { html.append("</sub>") }
                if style.contains(.superscript) { html.append("</sup>") }
                if style.contains(.bold) { html.append("</b>") }
                if style.contains(.italic) { html.append("</i>") }
            }
        }
        return html
    }
}

/// Each bibliography entry in the site's style, as markup made once per build: every page citing an entry
/// lists it, and formatting it again on each of thousands of pages was a tenth of a build.
public struct ReferenceTable: Sendable {
    private let markup: [CitationKey: HTML]
    private let listItems: [CitationKey: HTML]
    private let structuredData: [CitationKey: JSONValue]

    public init(_ bibliography: Bibliography) {
        var markup: [CitationKey: HTML] = [:]
        var listItems: [CitationKey: HTML] = [:]
        var structuredData: [CitationKey: JSONValue] = [:]
        for reference in bibliography.entries {
            if let runs = bibliography.formatted(reference.id) {
                let formatted = CitationMarkup.html(of: runs)
                markup[reference.id] = formatted
                listItems[reference.id] = "<li id=\"\(CitationMarkup.anchor(for: reference.id))\">\(formatted)</li>\n"
            }
            // Serialised once: written into the JSON-LD of every page citing it, this was a tenth of a build.
            structuredData[reference.id] = .serialized(StructuredData.creativeWork(reference).serialized)
        }
        self.markup = markup
        self.listItems = listItems
        self.structuredData = structuredData
    }

    public subscript(key: CitationKey) -> HTML? { markup[key] }

    /// The entry as an item of a page's reference list.
    func listItem(_ key: CitationKey) -> HTML? { listItems[key] }

    /// The entry as schema.org JSON-LD, for a page's `citation` list.
    public func creativeWork(_ key: CitationKey) -> JSONValue? { structuredData[key] }
}
