import Testing
@testable import ContentModel
@testable import Templates

@Suite struct CitationMarkupTests {
    @Test func oneKey() {
        var numbering = CitationNumbering()
        let html = CitationMarkup.render(group("[@belavy2017]"), numbering: &numbering)
        #expect(html.markup == "<sup class=\"citation\"><a href=\"#ref-belavy2017\" aria-label=\"Reference 1\">1</a></sup>")
        #expect(numbering.order == [key("belavy2017")])
    }

    @Test func severalKeysInOneSuperscript() {
        var numbering = CitationNumbering()
        _ = numbering.number(for: key("b"))
        let html = CitationMarkup.render(group("[@a; @b]"), numbering: &numbering)
        #expect(html.markup ==
            "<sup class=\"citation\"><a href=\"#ref-a\" aria-label=\"Reference 2\">2</a>, <a href=\"#ref-b\" aria-label=\"Reference 1\">1</a></sup>")
    }

    @Test func prefixAndLocator() {
        var numbering = CitationNumbering()
        let html = CitationMarkup.render(group("[see @belavy2017, p. 3]"), numbering: &numbering)
        #expect(html.markup ==
            "<sup class=\"citation\">see <a href=\"#ref-belavy2017\" aria-label=\"Reference 1\">1</a>, p. 3</sup>")
    }

    @Test func prefixAndLocatorAreEscaped() {
        var numbering = CitationNumbering()
        let html = CitationMarkup.render(group("[<i>see</i> @a, p. <3>]"), numbering: &numbering)
        #expect(html.markup ==
            "<sup class=\"citation\">&lt;i&gt;see&lt;/i&gt; <a href=\"#ref-a\" aria-label=\"Reference 1\">1</a>, p. &lt;3&gt;</sup>")
    }

    @Test func keyWithPunctuationIsEscapedInTheAnchor() {
        var numbering = CitationNumbering()
        let html = CitationMarkup.render(group("[@a&b<c]"), numbering: &numbering)
        #expect(html.markup.contains("href=\"#ref-a&amp;b&lt;c\""))
        #expect(CitationMarkup.anchor(for: key("doe:2019.a")) == "ref-doe:2019.a")
    }

    @Test func inlineTextWithCitations() {
        var numbering = CitationNumbering()
        let text = InlineText("Walking helps [@a]. Rest & wait [@b; @a].", at: here())
        let html = CitationMarkup.render(text, numbering: &numbering)
        #expect(html.markup == "Walking helps<sup class=\"citation\"><a href=\"#ref-a\" aria-label=\"Reference 1\">1</a></sup>."
            + " Rest &amp; wait<sup class=\"citation\"><a href=\"#ref-b\" aria-label=\"Reference 2\">2</a>, "
            + "<a href=\"#ref-a\" aria-label=\"Reference 1\">1</a></sup>.")
    }

    @Test func inlineTextWithoutCitationsIsEscapedText() {
        var numbering = CitationNumbering()
        let html = CitationMarkup.render(InlineText("a < b [mail@example.org]", at: here()), numbering: &numbering)
        #expect(html.markup == "a &lt; b [mail@example.org]")
        #expect(numbering.order.isEmpty)
    }

    @Test func referenceListFollowsNumbering() {
        var numbering = CitationNumbering()
        for name in ["zeta", "alpha", "zeta", "unknown-key", "mid"] { _ = numbering.number(for: key(name)) }
        let bibliography = Bibliography([
            reference("alpha", title: "Alpha"), reference("mid", title: "Mid"), reference("zeta", title: "Zeta"),
        ])
        let html = CitationMarkup.referenceList(numbering, references: ReferenceTable(bibliography),
                                                linker: Linker(from: .page(PageRef(.article, slug("a"))), site: site),
                                                strings: site.strings).markup
        let ids = html.components(separatedBy: "<li id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["ref-zeta", "ref-alpha", "ref-unknown-key", "ref-mid"])
        #expect(html.contains("<li id=\"ref-zeta\">Zeta.</li>"))
        #expect(html.contains("<li id=\"ref-unknown-key\">unknown-key</li>"))   // no entry: the key as text
        #expect(html.contains("<section class=\"references\" id=\"references\""))
        #expect(html.contains("<a href=\"../../references/\">All the sources this site uses</a>"))
    }

    @Test func noCitationsNoReferenceList() {
        let html = CitationMarkup.referenceList(CitationNumbering(), references: ReferenceTable(Bibliography()),
                                                linker: Linker(from: .home, site: site), strings: site.strings)
        #expect(html.isEmpty)
    }

    @Test func formattedReferenceMarkup() {
        var journal = Reference(id: key("belavy2017"), type: "article-journal", location: here())
        journal.authors = [CSLName(family: "Belavý", given: "D. L.")]
        journal.title = "Running & discs"
        journal.containerTitleShort = "Sci Rep"
        journal.issued = CSLDate(year: 2017)
        journal.doi = "10.1038/srep45975"
        #expect(CitationMarkup.formattedReference(journal).markup ==
            "Belavý DL. Running &amp; discs. <cite>Sci Rep</cite>. 2017. doi:<a href=\"https://doi.org/10.1038/srep45975\">10.1038/srep45975</a>")
        let web = reference("w", title: "Sciatica", url: "https://example.org/a?b=1&c=2")
        #expect(CitationMarkup.formattedReference(web).markup ==
            "Sciatica. <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>")
    }
}

@Suite struct ReviewBoxTests {
    static let jane = makeExpert("jane-doe", fullName: "Jane Doe")
    static let linker = Linker(from: .page(PageRef(.article, slug("walking"))), site: site)

    @Test func pendingSaysSo() {
        let html = PageParts.reviewBox(.pending(note: nil, location: here()), graph: makeGraph(experts: [Self.jane]),
                                       linker: Self.linker).markup
        #expect(html.contains("Review pending"))
        #expect(html.contains("class=\"review review-pending\""))
        #expect(html.contains("id=\"review\""))
        #expect(!html.contains("Jane Doe"))
        #expect(!html.contains("experts/"))
        #expect(!html.contains("<time"))
    }

    @Test func pendingWithANote() {
        let html = PageParts.reviewBox(.pending(note: "Booked for <January>.", location: here()), graph: makeGraph(),
                                       linker: Self.linker).markup
        #expect(html.contains("Review pending"))
        #expect(html.contains(" Booked for &lt;January&gt;.</p>"))
    }

    @Test(arguments: [ReviewRole.medical, .clinical, .editorial, .pharmacy, .nursing])
    func pendingNeverNamesAReviewer(role: ReviewRole) {
        // Even when the only expert on the site is a reviewer of other pages.
        let other = makeArticle("other", review: completedReview(role: role))
        let graph = makeGraph(articles: [other], experts: [Self.jane])
        let html = PageParts.reviewBox(.pending(note: "Jane Doe will review it.", location: here()), graph: graph,
                                       linker: Self.linker).markup
        #expect(!html.contains(role.label))
        #expect(!html.contains("href="))
        #expect(!html.contains("Page last reviewed"))
    }

    @Test func completedNamesReviewerRoleAndDates() {
        let html = PageParts.reviewBox(completedReview(), graph: makeGraph(experts: [Self.jane]), linker: Self.linker).markup
        #expect(!html.contains("Review pending"))
        #expect(html.contains("<strong>Clinical review</strong> by <a href=\"../../experts/jane-doe/\">Jane Doe, PT, DPT</a>."))
        #expect(html.contains("Page last reviewed: <time datetime=\"2026-01-10\">10 January 2026</time>."))
        #expect(html.contains("Next review due: <time datetime=\"2027-01-10\">10 January 2027</time>."))
    }

    @Test func completedByAnUnknownExpertShowsTheSlugAsText() {
        let html = PageParts.reviewBox(completedReview(by: "someone", role: .medical), graph: makeGraph(),
                                       linker: Self.linker).markup
        #expect(html.contains("<strong>Medical review</strong> by someone."))
        #expect(!html.contains("href="))
    }

    @Test func articlePageShowsThePendingBoxWithoutAReviewer() {
        let article = makeArticle(experts: [("jane-doe", .sourceMedicalReviewer)])
        let html = ArticlePage.render(article, graph: makeGraph(articles: [article], experts: [Self.jane]), references: ReferenceTable(Bibliography())) { _ in .empty }.markup
        #expect(html.contains("Review pending"))
        #expect(!html.contains("Page last reviewed"))
        // Credited for the source document, never as the page's reviewer.
        #expect(html.contains("Medical reviewer of the source article"))
        #expect(!html.contains("reviewedBy"))
    }
}
