import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

@Suite struct BodyAnalyzerTests {
    static func analyze(_ markdown: String, firstLine: Int = 1, folder: [String] = ["articles"],
                        allowRawHTML: Bool = false) -> (Body, [Diagnostic]) {
        var analyzer = BodyAnalyzer(file: "Content/articles/page.md", folder: folder, allowRawHTML: allowRawHTML)
        let body = analyzer.analyze(markdown: markdown, firstLine: firstLine)
        return (body, analyzer.diagnostics)
    }

    /// The facts the accessibility rules judge: every image's alt text, and short link texts.
    @Test func imagesAndShortLinkTextsAreRecorded() {
        let (body, diagnostics) = Self.analyze("![](https://example.org/a.png) ![A knee](https://example.org/b.png)\n\n[here](https://example.org/) and [the knee exercise guide](https://example.org/g)\n")
        #expect(body.imageAlts.map(\.value) == ["", "A knee"])
        #expect(body.imageAlts.map(\.location.column) == [1, 32])
        #expect(body.shortLinkTexts.map(\.value) == ["here"])
        #expect(diagnostics.isEmpty, "the rules run in ContentChecks")
    }

    @Test func emptyBody() {
        let (body, diagnostics) = Self.analyze("", firstLine: 9)
        #expect(body.firstLine == 9)
        #expect(body.citations.isEmpty && body.links.isEmpty && body.headings.isEmpty && body.exerciseEmbeds.isEmpty)
        #expect(diagnostics.isEmpty)
    }

    @Test func exerciseBlockSlugsWithTheirLines() {
        let markdown = """
            Intro.

            ```exercise
            glute-bridge
              clamshell
            # a comment

            Bad_Slug
            ```

            ~~~exercise printable
            walking
            ~~~

            ```yaml
            not-an-embed
            ```

            """
        let (body, diagnostics) = Self.analyze(markdown, firstLine: 10)
        #expect(body.exerciseEmbeds.map { "\($0.value):\(position($0.location))" } == [
            "glute-bridge:13:1", "clamshell:14:3", "walking:21:1",
        ])
        let invalid = diagnostics.filter { $0.code == .invalidSlug }
        #expect(invalid.count == 1)
        #expect(invalid.first?.severity == .error)
        #expect(invalid.first?.message.hasPrefix("'Bad_Slug' is not a valid exercise card id") == true)
        #expect(invalid.first.map { position($0.location) } == "17:1")
    }

    @Test func exerciseBlockInsideAListItem() {
        let (body, _) = Self.analyze("- Try these:\n\n  ```exercise\n  glute-bridge\n  ```\n", firstLine: 4)
        #expect(body.exerciseEmbeds.map { "\($0.value):\(position($0.location))" } == ["glute-bridge:7:3"])
    }

    @Test(arguments: ["exercise", "exercise extra words"])
    func exerciseInfoStrings(info: String) {
        #expect(BodyAnalyzer.isExerciseBlock(info))
    }

    @Test(arguments: ["", "exercises", "yaml", "Exercise", " exercise-x"])
    func otherInfoStrings(info: String) {
        #expect(!BodyAnalyzer.isExerciseBlock(info))
    }

    @Test func linksToContentFilesAreResolved() throws {
        let markdown = """
            See the [glute bridge card](../exercises/glute-bridge.md#steps) and
            [sciatica](../conditions/sciatica.md), [walking](walking.md) and
            [the plan](/programs/walking-plan.md#).

            Not content: [site](https://example.org/a.md), [page](../exercises/glute-bridge.html),
            [section](#steps), [mail](mailto:someone@example.org), ![bridge photo](bridge.png).

            """
        let (body, diagnostics) = Self.analyze(markdown, firstLine: 20)
        #expect(diagnostics.filter { $0.code == .brokenLink }.isEmpty)
        #expect(body.links.map(\.target) == [
            PageRef(.exercise, slug("glute-bridge")), PageRef(.condition, slug("sciatica")),
            PageRef(.article, slug("walking")), PageRef(.program, slug("walking-plan")),
        ])
        #expect(body.links.map(\.fragment) == ["steps", nil, nil, nil])
        #expect(body.links.map { position($0.location) } == ["20:9", "21:1", "21:40", "22:1"])
    }

    @Test func linksThatEscapeContentAreBroken() throws {
        let (body, diagnostics) = Self.analyze("Read [the secrets](../../secrets.md) first.\n", firstLine: 3)
        #expect(body.links.isEmpty)
        let broken = try #require(diagnostics.first { $0.code == .brokenLink })
        #expect(broken.severity == .error)
        #expect(broken.message == "the link '../../secrets.md' points outside Content/")
        #expect(position(broken.location) == "3:6")
    }

    @Test func linksOutsideThePageFoldersAreBroken() {
        let (_, diagnostics) = Self.analyze("[notes](../notes/x.md) and [bad name](../exercises/Glute_Bridge.md)\n")
        #expect(diagnostics.filter { $0.code == .brokenLink }.map(\.message) == [
            "the link '../notes/x.md' does not point into one of Content/'s page folders (conditions, articles, exercises, programs, experts and pages)",
            "the link '../exercises/Glute_Bridge.md' names a file whose name is not a valid page id",
        ])
    }

    @Test func headingAnchorsAreUniqueAndAvoidTemplateIds() {
        let markdown = """
            ## Why it helps

            ## When to pause

            ## Why it helps

            ### Summary

            ## References

            ## Café & “quotes”

            """
        let (body, _) = Self.analyze(markdown, firstLine: 6)
        #expect(body.headings.map(\.anchor) == [
            "why-it-helps", "when-to-pause-2", "why-it-helps-2", "summary-2", "references-2", "café-quotes",
        ])
        #expect(body.headings.map(\.level) == [2, 2, 2, 3, 2, 2])
        #expect(body.headings.map(\.title) == ["Why it helps", "When to pause", "Why it helps", "Summary", "References",
                                               "Café & “quotes”"])
        #expect(body.headings.map { $0.location.line ?? 0 } == [6, 8, 10, 12, 14, 16])
    }

    @Test func firstOrderedListIsTheSteps() {
        let markdown = "Intro.\n\n- bullet\n\n3. Third *first*\n4. Fourth\n\nMore text.\n\n1. Other list\n"
        let (body, _) = Self.analyze(markdown)
        #expect(body.firstOrderedList == ["Third first", "Fourth"])
    }

    @Test func rawHTMLIsAWarningUnlessAllowed() {
        let markdown = "Text <b>bold</b>.\n\n<div>\nblock\n</div>\n"
        let (_, diagnostics) = Self.analyze(markdown, firstLine: 5)
        let raw = diagnostics.filter { $0.code == .rawHTML }
        #expect(raw.map(\.severity) == [.warning, .warning, .warning])
        #expect(raw.map { position($0.location) } == ["5:6", "5:13", "7:1"])
        let (_, allowed) = Self.analyze(markdown, firstLine: 5, allowRawHTML: true)
        #expect(allowed.filter { $0.code == .rawHTML }.isEmpty)
    }

    @Test func rawHTMLSettingComesFromTheSite() {
        var site = testSite
        site.allowRawHTML = true
        let text = article(body: "<div>raw</div>\n")
        #expect(loadPage(text).with(.rawHTML).count == 1)
        #expect(loadPage(text, site: site).with(.rawHTML).isEmpty)
    }
}

@Suite struct ContentLinkResolverTests {
    static func resolve(_ destination: String, from folder: [String] = ["articles"]) -> String? {
        switch ContentLinkResolver.resolve(destination, from: folder) {
        case nil: nil
        case .page(let ref, let fragment)?: ref.description + (fragment.map { "#" + $0 } ?? "")
        case .invalid(let reason)?: "invalid: " + reason
        }
    }

    @Test(arguments: [
        ("../exercises/glute-bridge.md#steps", ["articles"], "exercises/glute-bridge#steps"),
        ("../exercises/glute-bridge.md", ["articles"], "exercises/glute-bridge"),
        ("./walking.md", ["articles"], "articles/walking"),
        ("walking.md", ["articles"], "articles/walking"),
        ("/conditions/sciatica.md", ["articles", "2026"], "conditions/sciatica"),
        ("../../exercises/clamshell.md", ["articles", "2026"], "exercises/clamshell"),
        ("../other.md", ["articles", "2026"], "articles/other"),
        ("../exercises/sub/deep.md", ["articles"], "exercises/deep"),
        ("../exercises/glute-bridge.md#", ["articles"], "exercises/glute-bridge"),
    ])
    func resolvesPages(destination: String, folder: [String], expected: String) {
        #expect(Self.resolve(destination, from: folder) == expected)
    }

    @Test(arguments: [
        "https://example.org/x.md", "http://example.org/x.md", "mailto:x.md", "#steps", "../exercises/glute-bridge.html",
        "image.png", "../exercises/glute-bridge", "", "ftp://host/x.md", "a:/b://c.md",
    ])
    func ignoresOtherLinks(destination: String) {
        #expect(Self.resolve(destination) == nil)
    }

    @Test(arguments: [
        ("../../x.md", "invalid: points outside Content/"),
        ("../../../etc/passwd.md", "invalid: points outside Content/"),
        ("../site.md", "invalid: does not point into one of Content/'s page folders (conditions, articles, exercises, programs, experts and pages)"),
        ("../notes/x.md", "invalid: does not point into one of Content/'s page folders (conditions, articles, exercises, programs, experts and pages)"),
        ("../exercises/Bad Name.md", "invalid: names a file whose name is not a valid page id"),
        ("../exercises/.md", "invalid: names a file whose name is not a valid page id"),
    ])
    func reportsBadContentLinks(destination: String, expected: String) {
        #expect(Self.resolve(destination) == expected)
    }
}

@Suite struct AnchorAllocatorTests {
    @Test func reservedIdsAreSkipped() {
        var allocator = AnchorAllocator()
        #expect(allocator.allocate(for: "When to pause") == "when-to-pause-2")
        #expect(allocator.allocate(for: "When to pause") == "when-to-pause-3")
        #expect(allocator.allocate(for: "Main") == "main-2")
        #expect(allocator.allocate(for: "Steps") == "steps-2")
        #expect(allocator.allocate(for: "Why it helps") == "why-it-helps")
        #expect(allocator.allocate(for: "Why it helps 2") == "why-it-helps-2")
        #expect(allocator.allocate(for: "Why it helps") == "why-it-helps-3")
        #expect(allocator.allocate(for: "!!!") == "section")
    }

    @Test func everyFixedSectionIsReserved() {
        for kind in ContentKind.allCases {
            #expect(SectionAnchor.fixed(for: kind).isSubset(of: SectionAnchor.reserved))
        }
    }
}

@Suite struct WebAddressTests {
    @Test(arguments: [("https://a.org", true), ("HTTP://A.ORG", true), ("Https://x", true), ("http:/x", false),
                      ("ftp://x", false), ("https:", false), ("", false), ("../x.md", false), ("httpsx://", false)])
    func onlyHTTPAndHTTPSInAnyCase(destination: String, expected: Bool) {
        #expect(BodyAnalyzer.isWebAddress(destination) == expected)
    }
}
