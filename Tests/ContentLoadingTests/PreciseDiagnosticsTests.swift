import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// Each mistake is explained by what it is, at the place to fix it.
@Suite struct PreciseDiagnosticsTests {
    @Test func aTabInFrontMatterSaysYAMLIndentsWithSpaces() {
        let result = loadPage("---\ntitle: T\nreview:\n\tstatus: pending\n---\nBody\n")
        let messages = result.with(.yamlSyntax).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasSuffix("; YAML indents with spaces, not tabs: replace the tab with spaces") == true, "\(messages)")
        #expect(messages.first?.contains("'@'") == false)
    }

    @Test func anOverIndentedLineIsNotToldToQuoteColons() {
        let result = loadPage("---\ntitle: Walking\n  summary: About walking.\n---\nBody\n")
        let messages = result.with(.yamlSyntax).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("put the whole value in quotes") == false, "\(messages)")
        #expect(messages.first?.contains("indented more than the key above it") == true, "\(messages)")
    }

    @Test func aColonInAValueStillGetsTheQuotingHint() {
        let result = loadPage("---\ntitle: Walking: a guide\n---\nBody\n")
        #expect(result.with(.yamlSyntax).first?.message.hasSuffix("; if a value contains ': ', put the whole value in quotes") == true)
    }

    @Test(arguments: [
        ("2026-11-31", "November has 30 days"),
        ("2026-02-30", "February has 28 days"),
        ("2025-02-29", "2025 is not a leap year, so February has 28 days"),
        ("2026-13-01", "there is no month 13; months run from 01 to 12"),
        ("2026-04-00", "days start at 01"),
    ])
    func aDateThatIsNoRealDaySaysWhy(value: String, problem: String) {
        var fields = articleFields
        fields[4] = "published: \(value)"
        let result = loadPage(article(fields))
        #expect(result.with(.invalidValue).map(\.message) == ["field 'published' is not a real date: \(problem); found '\(value)'"])
        #expect(result.positions(.invalidValue) == ["6:12"])
    }

    @Test func anEmptyRequiredFieldPointsAtItsKey() {
        let result = loadPage("---\nname: Jane Doe\ncredentials: [PT]\ntitle:\n---\nBio.\n", kind: .expert, slug: "jane-doe")
        #expect(result.with(.missingField).map(\.message) == ["field 'title' is empty"])
        #expect(result.positions(.missingField) == ["4:1"])
    }

    static func scheduledProject(draft: Bool = false) throws -> TempProject {
        let project = try TempProject()
        try project.write("Content/site.yml", "title: T\nbase-url: https://example.org/\n")
        try project.write("Content/conditions/sciatica.md", "---\nname: Sciatica\nsummary: S.\nsymptoms: [Pain]\nseek-care: [Numbness]\n---\nO.\n")
        try project.write("Content/articles/soon.md", """
            ---
            title: Soon
            summary: S.
            conditions: [sciatica]
            review: pending
            published: 2026-07-01
            \(draft ? "draft: true\n" : "")---
            Text.

            """)
        return project
    }

    @Test func anArticlePublishedLaterIsToldSoAtItsDate() throws {
        let project = try Self.scheduledProject()
        defer { project.remove() }
        let result = try project.load(today: day("2026-06-01"))
        #expect(result.with(.scheduledArticle).map(\.description) == [
            "Content/articles/soon.md:6:12: warning: this article's published date, 1 July 2026, is still to come: it is left out of the site, its feed and its sitemap until then (--drafts includes it) [scheduled-article]",
        ])
        #expect(try project.load(today: day("2026-07-01")).with(.scheduledArticle).isEmpty)
        #expect(try project.load(today: day("2026-06-01"), includeDrafts: true).with(.scheduledArticle).isEmpty)
    }

    @Test func aDraftIsNotAlsoCalledScheduled() throws {
        let project = try Self.scheduledProject(draft: true)
        defer { project.remove() }
        #expect(try project.load(today: day("2026-06-01")).with(.scheduledArticle).isEmpty)
    }
}
