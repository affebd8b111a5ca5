import Testing
@testable import ContentModel
@testable import Templates

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
        ("Knees & <script>alert(1)</script>", "Knees &amp; &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"onmouseover='x'", "&quot;onmouseover=&#39;x&#39;"),
        ("&amp;", "&amp;amp;"),            // already-escaped text is text: escaped again
        ("Café — naïve 👍 “quotes” ‘apostrophes’", "Café — naïve 👍 “quotes” ‘apostrophes’"),
        ("plain text", "plain text"),
        ("", ""),
        ("a\nb\tc", "a\nb\tc"),
        ("é<é", "é&lt;é"),
        ("e\u{301} & x", "e\u{301} &amp; x"),  // combining marks stay with their letter
    ])
    func escapeTable(raw: String, escaped: String) {
        #expect(HTML.escape(raw) == escaped)
        #expect(HTML.text(raw).markup == escaped)
        // Text position.
        let text: HTML = "<p>\(raw)</p>"
        #expect(text.markup == "<p>\(escaped)</p>")
        // Attribute position, double- and single-quoted.
        let attribute: HTML = "<a title=\"\(raw)\" data-x='\(raw)'>x</a>"
        #expect(attribute.markup == "<a title=\"\(escaped)\" data-x='\(escaped)'>x</a>")
    }

    @Test func literalsAreTrustedMarkup() {
        let html: HTML = "<p class=\"lede\">Tom & Jerry</p>"
        #expect(html.markup == "<p class=\"lede\">Tom & Jerry</p>")
        #expect(html.description == html.markup)
    }

    @Test func htmlValuesPassThroughUnescaped() {
        let inner: HTML = "<em>\("a < b")</em>"
        let outer: HTML = "<p>\(inner) and \("x & y")</p>"
        #expect(outer.markup == "<p><em>a &lt; b</em> and x &amp; y</p>")
    }

    @Test func unescapedIsTheOnlyRawPath() {
        let raw = "<b>bold</b> & more"
        let escaped: HTML = "\(raw)"
        #expect(escaped.markup == "&lt;b&gt;bold&lt;/b&gt; &amp; more")
        #expect(HTML.text(raw).markup == "&lt;b&gt;bold&lt;/b&gt; &amp; more")
        let trusted: HTML = "\(HTML.unescaped(raw))"
        #expect(trusted.markup == raw)
    }

    @Test func numbersAndListsInterpolate() {
        let items: [HTML] = ["<li>\("a&b")</li>", "<li>\(2)</li>"]
        let list: HTML = "<ol start=\"\(3)\">\(items)</ol>"
        #expect(list.markup == "<ol start=\"3\"><li>a&amp;b</li><li>2</li></ol>")
    }

    /// The piecewise appends hot paths use escape exactly as interpolation does.
    @Test func appendingPiecesMatchesInterpolation() {
        let raw = "a<b & \"c\" 'd' — é"
        var pieces: HTML = "<p title=\""
        pieces.append(text: raw)
        pieces.append("\">")
        pieces.append(text: raw)
        Array("</p>".utf8).withUnsafeBufferPointer { pieces.appendUnescaped($0) }
        let interpolated: HTML = "<p title=\"\(raw)\">\(raw)</p>"
        #expect(pieces == interpolated)
        #expect(pieces.markup == "<p title=\"a&lt;b &amp; &quot;c&quot; &#39;d&#39; — é\">a&lt;b &amp; &quot;c&quot; &#39;d&#39; — é</p>")
        #expect(pieces.bytes == Array(pieces.markup.utf8))
        // A one-character literal is a StaticString without a pointer; it is appended all the same.
        var single: HTML = "x"
        single.append(",")
        #expect(single.markup == "x,")
    }

    @Test func joiningAndConcatenating() {
        let parts: [HTML] = [.text("a<b"), "<br>", .text("c")]
        #expect(parts.joined(separator: ", ").markup == "a&lt;b, <br>, c")
        #expect(parts.joined().markup == "a&lt;b<br>c")
        #expect([HTML]().joined(separator: ", ").isEmpty)
        var html: HTML = "<p>"
        html += .text("&")
        #expect((html + "</p>").markup == "<p>&amp;</p>")
        #expect(HTML.empty.isEmpty)
        #expect(!html.isEmpty)
    }

    /// JSON-LD goes into a `<script>` element, where HTML escaping does not apply: the JSON itself must
    /// never contain `</script>` or `<!--`.
    @Test func jsonForScriptElements() {
        let value = JSONValue.object([
            ("name", .string("Knees & <script>alert(1)</script> \"q\" \\ \n\u{2028}")),
            ("n", .number(3)), ("ok", .bool(true)), ("list", .array([.string("<!--")])),
        ])
        #expect(value.serialized ==
            #"{"name":"Knees \u0026 \u003cscript\u003ealert(1)\u003c/script\u003e \"q\" \\ \n\u2028","n":3,"ok":true,"list":["\u003c!--"]}"#)
        let script = StructuredData.script(value).markup
        #expect(script.occurrences(of: "</script>") == 1)
        #expect(script.hasSuffix("</script>\n"))
    }

    /// Written byte by byte: control characters, both line separators, and other three-byte characters
    /// that share their lead byte (E2) but need no escape.
    @Test func jsonEscapesEveryByteItMust() {
        let value = JSONValue.string("a\u{1}b\u{1F}c\td\re\u{2029}f — g ’ h\u{2028}")
        #expect(value.serialized == #""a\u0001b\u001fc\td\re\u2029f — g ’ h\u2028""#)
        #expect(JSONValue.string("ends in —").serialized == "\"ends in —\"")
        #expect(JSONValue.array([.serialized(#"{"a":1}"#), .number(-4)]).serialized == #"[{"a":1},-4]"#)
    }

    @Test func compactingObjectsDropsNilsAndEmptyLists() {
        let value = JSONValue.object(compacting: [("a", .string("x")), ("b", nil), ("c", .array([])), ("d", .array([.number(1)]))])
        #expect(value.serialized == #"{"a":"x","d":[1]}"#)
    }
}

/// A hostile title must come out as text wherever a template puts it.
@Suite struct PageEscapingTests {
    static let hostile = "Knees & <script>alert(1)</script> \"q\" 'a'"
    static let escaped = "Knees &amp; &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39;"

    static func render() -> String {
        var hostileSite = site
        hostileSite.title = hostile
        hostileSite.description = hostile
        let condition = makeCondition("sciatica", title: hostile)
        let expert = makeExpert("jane-doe", fullName: hostile, title: hostile)
        let article = makeArticle(
            title: hostile, summary: hostile + " [@ref-a]", conditions: ["sciatica"],
            experts: [("jane-doe", .author)], review: .pending(note: hostile, location: here()), sources: ["ref-a"])
        let graph = makeGraph(site: hostileSite, conditions: [condition], articles: [article], experts: [expert],
                              references: [reference("ref-a", title: hostile, url: "https://example.org/?a=1&b=\"2\"")])
        return ArticlePage.render(article, graph: graph, references: ReferenceTable(graph.bibliography)) { _ in .text(hostile) }.markup
    }

    @Test func articlePageNeverWritesTheTitleUnescaped() {
        let html = Self.render()
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("alert(1)</script>"))
        // Outside the JSON-LD (where quotes are JSON's business), no raw quote from the title survives.
        let jsonLD = html.components(separatedBy: "<script type=\"application/ld+json\">")
        let outsideScript = jsonLD[0] + (jsonLD.count > 1 ? jsonLD[1].components(separatedBy: "</script>").dropFirst().joined() : "")
        #expect(!outsideScript.contains("</script> \"q\""))
        #expect(!outsideScript.contains("'a'"))
        // The only script element is the JSON-LD one.
        #expect(html.occurrences(of: "<script") == 1)
        #expect(html.occurrences(of: "</script>") == 1)
        #expect(html.contains("<script type=\"application/ld+json\">"))
    }

    @Test func titleIsEscapedInTextAndAttributes() {
        let html = Self.render()
        #expect(html.contains("<h1>\(Self.escaped)</h1>"))
        #expect(html.contains("<title>\(Self.escaped) | \(Self.escaped)</title>"))
        #expect(html.contains("<meta property=\"og:title\" content=\"\(Self.escaped)\">"))
        #expect(html.contains("<meta name=\"description\" content=\"\(Self.escaped)\">"))
    }

    @Test func everyPlaceTheTextAppearsIsEscaped() {
        let html = Self.render()
        // Title, summary, body, condition link, expert credit, pending note, reference… each escaped.
        #expect(html.occurrences(of: Self.escaped) >= 8)
        #expect(html.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""))
    }
}
