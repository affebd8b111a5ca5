import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

/// `Content/pages/`: pages that are not health content, published at the site root.
@Suite struct PlainPageTests {
    static func project(_ pages: [String: String]) throws -> TempProject {
        let project = try TempProject()
        try project.write("Content/site.yml", ContentLoaderTests.siteYML)
        try project.write("Content/conditions/sciatica.md", ContentLoaderTests.sciatica)
        try project.write("seeds/references.json", #"[{"id": "smith2018", "type": "book", "title": "A book"}]"#)
        for (path, text) in pages { try project.write("Content/pages/\(path)", text) }
        return project
    }

    @Test func subFoldersArePartOfTheIdAndLinksResolveBothWays() throws {
        let project = try Self.project([
            "about.md": "---\ntitle: About us\nmenu: [header, footer]\nweight: 5\npage-type: about\n---\nMeet [the team](about/team.md) or read about [sciatica](../conditions/sciatica.md) [@smith2018].\n",
            "about/team.md": "---\ntitle: Our team\nmenu: footer\n---\nBack to [about us](../about.md#summary).\n",
            "index.md": "---\ntitle: Home\nsummary: Welcome.\n---\nSee [about us](about.md).\n",
        ])
        defer { project.remove() }
        let result = try project.load()
        #expect(result.diagnostics.all.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.all)")
        let about = try #require(result.graph.plainPage(Slug("about")!))
        #expect(about.menus == [.header, .footer])
        #expect(about.weight == 5)
        #expect(about.pageType == .about)
        #expect(about.body.links.map(\.target) == [PageRef(.page, Slug(path: ["about", "team"])!), PageRef(.condition, Slug("sciatica")!)])
        let team = try #require(result.graph.plainPage(Slug(path: ["about", "team"])!))
        #expect(team.ref.urlPath == "about/team/")
        #expect(result.graph.pages(citing: CitationKey("smith2018")!).contains(about.ref))
        let home = try #require(result.graph.plainPage(Slug("index")!))
        #expect(home.ref.urlPath == "" && !home.hasOwnPage)
    }

    @Test func aPageMayNotTakeAnAddressTheSiteUses() throws {
        let project = try Self.project([
            "search.md": "---\ntitle: Search\n---\nText.\n",
            "conditions/extra.md": "---\ntitle: Extra\n---\nText.\n",
            "Bad_Name/page.md": "---\ntitle: Bad\n---\nText.\n",
        ])
        defer { project.remove() }
        let result = try project.load()
        let errors = result.with(.invalidSlug).map { "\($0.location.file): \($0.message)" }.sorted()
        #expect(errors == [
            "Content/pages/Bad_Name/page.md: the folder name 'Bad_Name' is not a valid page id; rename it with lowercase letters, digits and single hyphens, like 'glute-bridge'",
            "Content/pages/conditions/extra.md: this page would be published at /conditions/extra/, which the site itself uses; rename the folder",
            "Content/pages/search.md: this page would be published at /search/, which the site itself uses; rename the file",
        ])
    }

    @Test func onlyTheTitleIsRequiredAndMenusAreChecked() throws {
        let project = try Self.project([
            "privacy.md": "---\nmenu: [heeder]\npage-type: blog\n---\nText.\n",
        ])
        defer { project.remove() }
        let result = try project.load()
        let messages = result.diagnostics.all.filter { $0.location.file == "Content/pages/privacy.md" }.map(\.message)
        #expect(messages.contains { $0.contains("'title'") })
        #expect(messages.contains("'heeder' is not a menu — did you mean 'header'?; use header or footer"))
        #expect(messages.contains { $0.hasPrefix("'blog' is not a valid page-type") })
        #expect(result.graph.plainPages.isEmpty)
    }

    @Test func aPlainPageNeedsNoReviewConditionOrDate() throws {
        let project = try Self.project(["terms.md": "---\ntitle: Terms\n---\nPlain words.\n"])
        defer { project.remove() }
        let result = try project.load()
        #expect(result.diagnostics.all.filter { $0.location.file == "Content/pages/terms.md" }.isEmpty)
        #expect(result.graph.plainPage(Slug("terms")!)?.review == nil)
    }
}
