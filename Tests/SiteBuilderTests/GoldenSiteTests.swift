import ContentLoading
import Diagnostics
import Foundation
import SiteBuilder
import Testing

/// The valid fixture site, built and compared byte for byte with `Tests/Fixtures/valid-site/expected/`.
///
/// Run with `SALVE_UPDATE_GOLDENS=1` to rewrite the golden files (and `expected-diagnostics.txt`)
/// after an intended change, then read the diff before committing it.
@Suite(.timeLimit(.minutes(1)))
struct GoldenSiteTests {
    @Test func validSiteMatchesGoldenFiles() throws {
        let site = try BuiltSite.valid()
        #expect(!site.report.diagnostics.hasErrors, "\(site.report.diagnostics.lines.joined(separator: "\n"))")
        #expect(site.report.succeeded)
        #expect(site.report.filesWritten > 0)
        // The marker file is part of the golden tree: it is how Salve recognises its own output.
        #expect(site.files[OutputWriter.markerName] != nil)

        if Fixtures.updatingGoldens {
            try? FileManager.default.removeItem(at: Fixtures.expectedOutput)
            try FileTree.write(site.files, to: Fixtures.expectedOutput)
            return
        }
        let expected = try FileTree.read(Fixtures.expectedOutput)
        #expect(!expected.isEmpty, "no golden files; run the tests once with SALVE_UPDATE_GOLDENS=1")
        let problems = FileTree.differences(expected: expected, actual: site.files)
        #expect(problems.isEmpty, """
            the built site differs from Tests/Fixtures/valid-site/expected \
            (if the change is intended, rerun with SALVE_UPDATE_GOLDENS=1 and review the diff):
            \(problems.joined(separator: "\n"))
            """)
        // Every file written is counted (the marker is written on commit, outside the count).
        #expect(site.report.filesWritten == site.files.count - 1)
    }

    /// The valid site has no errors; its only findings are the warnings listed in `expected-diagnostics.txt`.
    @Test func validSiteDiagnostics() throws {
        let diagnostics = try BuiltSite.valid().report.diagnostics
        let actual = diagnostics.lines.joined(separator: "\n") + "\n"
        if Fixtures.updatingGoldens {
            try Data(actual.utf8).write(to: Fixtures.validSiteDiagnostics)
            return
        }
        let expected = try String(contentsOf: Fixtures.validSiteDiagnostics, encoding: .utf8)
        #expect(actual == expected)
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.all.allSatisfy { $0.severity == .warning })
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let first = try BuiltSite.valid()
        let second = try BuiltSite.valid()
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        #expect(FileTree.differences(expected: first.files, actual: second.files).isEmpty)
        // Rebuilding into the same folder gives the same bytes too.
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            let a = try BuiltSite.build(Fixtures.validSite, into: output)
            let b = try BuiltSite.build(Fixtures.validSite, into: output)
            #expect(a.files == b.files)
            #expect(a.files == first.files)
        }
    }

    /// Every page of the fixture is written (the golden tree holds more: feeds, sitemaps, assets).
    @Test func everyContentPageIsWritten() throws {
        let site = try BuiltSite.valid()
        let pages: Set<String> = [
            "index.html", "404.html", "references/index.html",
            "conditions/index.html", "articles/index.html", "exercises/index.html", "programs/index.html",
            "experts/index.html",
            "conditions/knee-osteoarthritis/index.html", "conditions/low-back-pain/index.html",
            "articles/moving-with-knee-osteoarthritis/index.html", "articles/easing-low-back-pain/index.html",
            "exercises/quad-set/index.html", "exercises/sit-to-stand/index.html", "exercises/knee-to-chest/index.html",
            "programs/knee-walking-plan/index.html",
            "experts/ana-ruiz/index.html", "experts/sam-okafor/index.html",
        ]
        let written = Set(site.files.keys)
        #expect(pages.subtracting(written).isEmpty, "missing: \(pages.subtracting(written).sorted())")
        #expect(written.contains(OutputWriter.markerName))
        #expect(written.contains("assets/site.css"))
        // No other page of a content kind: one folder per page, named by its slug.
        let kinds = ["conditions/", "articles/", "exercises/", "programs/", "experts/"]
        let contentPages = written.filter { path in kinds.contains { path.hasPrefix($0) } }
        #expect(contentPages == pages.filter { path in kinds.contains { path.hasPrefix($0) } })
    }

    @Test func draftIsLeftOutByDefaultAndBuiltWithDrafts() throws {
        let published = try BuiltSite.valid()
        #expect(published.files["articles/heat-or-ice/index.html"] == nil)
        // Not on any page, nor in the feed, the sitemap or the search index.
        for path in published.files.keys.sorted() {
            #expect(!published.page(path).contains("heat-or-ice"), "\(path) mentions the draft")
            #expect(!published.page(path).contains("Heat or ice?"), "\(path) mentions the draft")
        }

        let withDrafts = try BuiltSite.valid(includeDrafts: true)
        #expect(!withDrafts.report.diagnostics.hasErrors, "\(withDrafts.report.diagnostics.lines)")
        let draft = withDrafts.page("articles/heat-or-ice/index.html")
        #expect(draft.contains("<h1>Heat or ice?</h1>"))
        #expect(draft.contains("<p class=\"draft-banner\"><strong>Draft.</strong> This page is not published yet.</p>"))
        #expect(withDrafts.page("articles/index.html").contains("href=\"../articles/heat-or-ice/\""))
        #expect(withDrafts.page("conditions/knee-osteoarthritis/index.html").contains("href=\"../../articles/heat-or-ice/\""))
        // Everything else is the same page set plus the draft.
        // Fragments are named by rank: one more page adds one at the end.
        let fragments = published.files.keys.filter { $0.hasPrefix("search/f/") }.count
        #expect(Set(withDrafts.files.keys) == Set(published.files.keys).union([
            "articles/heat-or-ice/index.html", "search/f/\(fragments).json",
        ]))
        #expect(try withDrafts.searchFragments()["articles/heat-or-ice/"] != nil)
        // The draft's pending review is reported only when drafts are built.
        #expect(withDrafts.report.diagnostics.lines.contains {
            $0.hasPrefix("Content/articles/heat-or-ice.md:") && $0.hasSuffix("[review-pending]")
        })
        #expect(!published.report.diagnostics.lines.contains { $0.contains("heat-or-ice") })
    }
}
