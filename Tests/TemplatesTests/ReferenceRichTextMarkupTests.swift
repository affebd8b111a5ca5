import Testing
@testable import ContentModel
@testable import Templates

/// Rich text in a reference's title is written as the few elements CSL allows, with every text
/// escaped: a title cannot bring markup of its own.
@Suite struct ReferenceRichTextMarkupTests {
    @Test func styledRunsBecomeTheirElementsAndTextIsEscaped() {
        let html = CitationMarkup.html(of: [
            .plain("A & B "), .styled("S. aureus", .italic), .plain(" PaCO"), .styled("2", .subscript),
            .styled("<x>", [.bold, .superscript]), .italic("Book"), .styled("mRNA", .nocase),
        ])
        #expect(html.markup == "A &amp; B <i>S. aureus</i> PaCO<sub>2</sub><b><sup>&lt;x&gt;</sup></b><cite>Book</cite>mRNA")
    }

    @Test func aTitleWithMarkupOtherThanRichTextIsEscaped() {
        var journal = Reference(id: key("x"), type: "article-journal", location: here())
        let title = "<i>E. coli</i> <script>alert(1)</script>"
        journal.title = RichText.plain(title)
        journal.titleRuns = RichText.runs(title)
        journal.containerTitleShort = "J"
        journal.issued = CSLDate(year: 2020)
        let markup = CitationMarkup.formattedReference(journal).markup
        #expect(markup == "<i>E. coli</i> &lt;script&gt;alert(1)&lt;/script&gt;. <cite>J</cite>. 2020.")
    }

    @Test func theReferencesPageUsesTheSiteStyle() {
        var vancouver = site
        vancouver.citationStyle = .vancouver
        let graph = makeGraph(site: vancouver, references: [reference("w", title: "Sciatica", url: "https://example.org/s")])
        let markup = SitePages.references(graph: graph).markup
        #expect(markup.contains("Sciatica [Internet]. Available from: <a href=\"https://example.org/s\">"))
    }

    @Test func aSICIDOIIsLinkedPercentEncodedAndShownAsWritten() {
        let doi = "10.1002/(SICI)1097-4636(199911)47:2<155::AID-JBM5>3.0.CO;2-W"
        #expect(CitationMarkup.html(of: [.link(doi)]).markup ==
            "<a href=\"https://doi.org/10.1002/(SICI)1097-4636(199911)47:2%3C155::AID-JBM5%3E3.0.CO;2-W\">10.1002/(SICI)1097-4636(199911)47:2&lt;155::AID-JBM5&gt;3.0.CO;2-W</a>")
        #expect(CitationMarkup.doiPath("10.1038/srep45975") == "10.1038/srep45975")
    }
}
