import Foundation
import Testing
@testable import Markdown

@Suite struct MarkdownDocumentTests {
    /// Plain CommonMark must render exactly as cmark renders it.
    @Test(arguments: [
        "# Title\n\nSome *emphasis* and **strong** and `code`.\n",
        "- a\n- b\n\n  continued\n- c\n",
        "1. one\n2. two\n",
        "> quote\n> more\n",
        "```swift\nlet x = 1 < 2\n```\n",
        "A [link](https://example.org/a?b=1&c=2 \"Title\") and ![img](x.png)\n",
        "Line one  \nline two\\\nthree\n",
        "<div>raw</div>\n\nInline <b>html</b>.\n",
        "[@smith2019] and [see @a, p. 3]\n",
        "Entities: &amp; &copy; &#35; \"quotes\" 'single'\n",
        "***\n\nSetext\n======\n",
        "[evil](javascript:alert(1))\n",
        "Tabs\tinside and    spaces\n\n\tindented code\n",
    ])
    func plainCommonMarkMatchesCmark(markdown: String) {
        let document = MarkdownDocument(parsing: markdown)
        #expect(document.renderHTML() == MarkdownDocument.cmarkHTML(markdown))
        #expect(document.renderHTML(allowRawHTML: true) == MarkdownDocument.cmarkHTML(markdown, allowRawHTML: true))
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let document = MarkdownDocument(parsing: "<script>alert(1)</script>\n\nHi <i>x</i>\n")
        let safe = document.renderHTML()
        #expect(!safe.contains("<script>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        #expect(document.renderHTML(allowRawHTML: true).contains("<script>"))
    }

    @Test func positionsAreShiftedByFirstLineOnce() throws {
        let document = MarkdownDocument(parsing: "Intro\n\n## Heading\n\nText [@key].\n", firstLine: 5)
        let nodes = collect(document.tree)
        let heading = try #require(nodes.first { if case .heading = $0.kind { return true }; return false })
        #expect(heading.start == SourcePoint(line: 7, column: 1))
        let citation = try #require(nodes.first { if case .text(let t) = $0.kind { return t.contains("@key") }; return false })
        #expect(citation.start == SourcePoint(line: 9, column: 1))
        // "[" of the citation is at byte offset 5 of the merged literal "Text [@key]."
        #expect(citation.point(atUTF8Offset: 5) == SourcePoint(line: 9, column: 6))
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let document = MarkdownDocument(parsing: "Café — naïve [link](x.md)\n")
        let link = try #require(collect(document.tree).first { if case .link = $0.kind { return true }; return false })
        // "Café — naïve " is 13 scalars, so the link starts at column 14.
        #expect(link.start == SourcePoint(line: 1, column: 14))
    }

    @Test func textRunsAreMergedLikeConsolidation() throws {
        let document = MarkdownDocument(parsing: "See [@a; @b] here &amp; there.\n")
        let texts = collect(document.tree).compactMap { node -> String? in
            if case .text(let t) = node.kind { return t }
            return nil
        }
        #expect(texts == ["See [@a; @b] here & there."])
    }

    @Test func editsReplaceTextLinksBlocksAndHeadingIDs() throws {
        let markdown = "## Why it helps [@a]\n\nGo [there](../exercises/x.md).\n\n```exercise\nx\n```\n"
        let document = MarkdownDocument(parsing: markdown)
        let nodes = collect(document.tree)
        var edits = MarkdownEdits()
        for node in nodes {
            switch node.kind {
            case .heading: edits.setHeadingTags(open: "<h2 id=\"why-it-helps\">", close: "</h2>", of: node)
            case .link: edits.wrapInline(node, open: "<a href=\"../../exercises/x/\">", close: "</a>")
            case .codeBlock: edits.replaceBlock(node, withHTML: "<aside>card</aside>")
            case .text(let t) where t.contains("[@a]"):
                edits.replaceText(node, with: [.text("Why it helps <"), .html("<sup>1</sup>")])
            default: break
            }
        }
        let html = document.renderHTML(edits: edits)
        #expect(html == """
            <h2 id="why-it-helps">Why it helps &lt;<sup>1</sup></h2>
            <p>Go <a href="../../exercises/x/">there</a>.</p>
            <aside>card</aside>

            """)
        // A later render without edits shows the source as written.
        #expect(document.renderHTML() == MarkdownDocument.cmarkHTML(markdown))
    }

    /// Runs of a text node's own literal are copied from cmark's bytes: decoded entities come out
    /// escaped again, non-ASCII text whole, and a range outside the literal is left out.
    @Test func ownTextPiecesCopyRunsOfTheReplacedLiteral() throws {
        let document = MarkdownDocument(parsing: "Café &amp; &lt;tea&gt; [@a] after.\n")
        var edits = MarkdownEdits()
        let texts = collect(document.tree).filter(\.isText)
        #expect(texts.count == 1)
        for node in texts {
            let text = node.withLiteralUTF8 { Array($0) }
            guard let open = text.firstIndex(of: UInt8(ascii: "[")), let close = text.firstIndex(of: UInt8(ascii: "]")) else {
                Issue.record("no citation in \(node.literal)")
                continue
            }
            edits.replaceText(node, with: [.ownText(0..<(open - 1)), .html("<sup>1</sup>"),
                                           .ownText((close + 1)..<text.count), .ownText(0..<(text.count + 5))])
        }
        #expect(document.renderHTML(edits: edits) == "<p>Café &amp; &lt;tea&gt;<sup>1</sup> after.</p>\n")
    }

    @Test func wrappedLinksAndHeadingTagsKeepTheirRenderedContent() throws {
        let markdown = "Setext [@a]\nheading\n---\n\nSee [the *card*](x.md \"A \\\"title\\\"\") and\n[@b].\n"
        let document = MarkdownDocument(parsing: markdown)
        var edits = MarkdownEdits()
        let nodes = collect(document.tree)
        for (index, node) in nodes.enumerated() {
            switch node.kind {
            case .heading: edits.setHeadingTags(open: "<h4>", close: "</h4>", of: node)
            case .link: edits.wrapInline(node, open: "<a href=\"/x/\">", close: "</a>")
            case .softBreak where index + 1 < nodes.count && nodes[index + 1].kind == .text("[@b]."):
                edits.remove(node)
            default: break
            }
        }
        #expect(document.renderHTML(edits: edits) == """
            <h4>Setext [@a]
            heading</h4>
            <p>See <a href="/x/">the <em>card</em></a> and[@b].</p>

            """)
        // The first edited render used the document's own tree; a later one parses the source again.
        #expect(document.renderHTML() == MarkdownDocument.cmarkHTML(markdown))
    }

    /// Salve writes some tags cmark would have written; their escaping must be cmark's, byte for byte.
    @Test func escapingMatchesCmark() {
        let ascii = (0x21...0x7E).map { String(UnicodeScalar(UInt8($0))) }.filter { !"<>\\`[]".contains($0) }.joined()
        for url in ["a" + ascii + "z", "caf\u{E9}/na\u{EF}ve page", "x?a=1&b='2'", "%20already"] {
            let html = MarkdownDocument.cmarkHTML("[x](<\(url)>)\n")
            #expect(html == "<p><a href=\"\(CmarkEscaping.href(url))\">x</a></p>\n", "\(url)")
        }
        let title = "It's <b>\"bold\"</b> & /done/"
        let html = MarkdownDocument.cmarkHTML("[x](y \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\")\n")
        #expect(html == "<p><a href=\"y\" title=\"\(CmarkEscaping.attribute(title))\">x</a></p>\n")
    }

    /// Each document allocates from its own arena: documents alive at once, read and rendered in
    /// turns, on several threads, never see each other's memory.
    @Test func documentsAliveAtOnceKeepTheirOwnMemory() async {
        let sources = (0..<8).map { "## Part \($0)\n\nText [\($0)](x.md) with `code \($0)` and *stress*.\n" }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var ok = true
                    for _ in 0..<20 {
                        let documents = sources.map { MarkdownDocument(parsing: $0) }
                        let links = documents.map { document in
                            self.collect(document.tree).compactMap { node -> String? in
                                if case .link(let destination, _) = node.kind { return destination }
                                return nil
                            }
                        }
                        ok = ok && links == sources.indices.map { _ in ["x.md"] }
                        for (document, source) in zip(documents, sources).reversed() {
                            ok = ok && document.renderHTML() == MarkdownDocument.cmarkHTML(source)
                        }
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test func walkerVisitsInDocumentOrderAndCanSkip() {
        let document = MarkdownDocument(parsing: "> a *b*\n\nc\n")
        var kinds: [String] = []
        document.tree.walk { node in
            kinds.append(String("\(node.kind)".split(separator: "(").first ?? ""))
            if case .blockQuote = node.kind { return .skipChildren }
            return .visitChildren
        }
        #expect(kinds == ["document", "blockQuote", "paragraph", "text"])
    }

    private func collect(_ root: MarkdownNode) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        root.forEach { result.append($0) }
        return result
    }
}
