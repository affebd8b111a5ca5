import Testing
import Diagnostics
import ContentLoading
import ContentModel

/// The public entry points the fuzz target (Sources/SalveFuzz) feeds bytes to: they read bytes as
/// loading reads a file's, so a fuzz finding reproduces in a real load.
@Suite struct FuzzEntryTests {
    static let site = SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example/")

    @Test func loadsAnArticleWithItsBodyRendered() throws {
        let text = """
            ---
            title: Walking
            summary: Walking helps [@smith2018].
            conditions: [sciatica]
            review: pending
            published: 2026-01-01
            ---
            Walk a little each day [@smith2018].

            ## Why it helps
            """
        let (page, diagnostics) = FuzzEntry.loadPage(bytes: Array(text.utf8), kind: .article, site: Self.site)
        #expect(diagnostics.isEmpty)
        let article = try #require(page as? Article)
        #expect(article.body.citations.map(\.value.rawValue) == ["smith2018"])
        #expect(!article.body.html.isEmpty)
    }

    @Test func reportsWhatLoadingReports() {
        let (page, diagnostics) = FuzzEntry.loadPage(bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0xFF], kind: .condition, site: Self.site)
        #expect(page == nil)
        #expect(diagnostics.map(\.code) == [.invalidUTF8])
        #expect(diagnostics.first?.location.file == "Content/conditions/fuzz.md")
        let (_, missing) = FuzzEntry.loadPage(bytes: Array("no front matter".utf8), kind: .expert, site: Self.site)
        #expect(missing.map(\.code) == [.missingFrontMatter])
    }

    @Test func readsTheBibliography() {
        let json = #"[{"id":"smith2018","type":"book","title":"Ünïcode","publisher":"P"},{"id":"x"}]"#
        let (bibliography, diagnostics) = FuzzEntry.loadBibliography(bytes: Array(json.utf8))
        #expect(bibliography.entries.map(\.id.rawValue) == ["smith2018"])
        #expect(diagnostics.map(\.code) == [.invalidBibliography])
        let (_, broken) = FuzzEntry.loadBibliography(bytes: Array("[{".utf8))
        #expect(broken.map(\.code) == [.invalidBibliography])
    }

    @Test func readsYAMLRecords() {
        let yaml = "reference: smith2018\ndescription: A source.\nused-by:\n  - articles/a.md\nextra: 1\n"
        let (record, diagnostics) = FuzzEntry.loadYAML(bytes: Array(yaml.utf8))
        #expect(record?.reference.value.rawValue == "smith2018")
        #expect(record?.usedBy.map(\.value) == ["articles/a.md"])
        #expect(diagnostics.map(\.code) == [.unknownField])
        let (none, syntax) = FuzzEntry.loadYAML(bytes: Array("a: [1, 2\n".utf8))
        #expect(none == nil)
        #expect(syntax.map(\.code) == [.yamlSyntax])
    }
}
