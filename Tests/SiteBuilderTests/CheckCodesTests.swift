import LinkChecks
import ContentChecks
import ContentLoading
import Diagnostics
import Foundation
import SiteBuilder
import Testing

/// `salve check` codes end to end: through a build (errors stop it, warnings do not), and
/// `--site` (`BuiltSiteLinks`) on a real built site with links broken on purpose.
@Suite struct CheckCodesTests {
    // MARK: A small project whose build is clean

    static let review = """
        review:
          reviewer: jo-bloggs
          role: clinical
          date: 2026-01-10
        """

    static let files: [String: String] = [
        "Content/site.yml": "title: Check Site\nbase-url: https://checks.example/\n",
        "Content/experts/jo-bloggs.md": "---\nname: Jo Bloggs\ntitle: Physical therapist\n---\nA made-up physical therapist.\n",
        "Content/conditions/knee-pain.md": """
            ---
            name: Knee pain
            summary: Pain in or around the knee.
            symptoms:
              - An ache when you climb stairs
            seek-care:
              - See a doctor if the knee is hot and swollen.
            \(review)
            ---
            Knee pain is common and usually settles.

            """,
        "Content/exercises/quad-set.md": """
            ---
            title: Quad set
            kind: strength
            conditions: [knee-pain]
            \(review)
            ---
            1. Sit with your legs straight.
            2. Tighten the muscle at the front of your thigh.

            """,
        "Content/articles/guide.md": article(),
        "seeds/references.json": """
            [
              {
                "id": "smith2019",
                "type": "article-journal",
                "author": [{"family": "Smith", "given": "Ann"}],
                "title": "Exercise for knee pain",
                "container-title": "Journal of Examples",
                "issued": {"date-parts": [[2019, 5, 1]]},
                "DOI": "10.5555/joe.2019.001"
              }
            ]

            """,
    ]

    /// The article's body starts on line 11 (`Gentle exercise helps [@smith2019].`, '@' at column 24);
    /// `body` is added from line 16.
    static func article(body: String = "") -> String {
        """
        ---
        title: A knee guide
        summary: What helps a sore knee.
        conditions: [knee-pain]
        \(review)
        published: 2026-01-12
        ---
        Gentle exercise helps [@smith2019].

        ```exercise
        quad-set
        ```
        \(body)
        """
    }

    struct BuildResult {
        var report: BuildReport
        var outputExists: Bool
    }

    static func build(_ changes: [String: String]) throws -> BuildResult {
        try withTemporaryFolder("salve-check-codes") { temp in
            let project = temp.appending("project")
            try FileTree.write(files.merging(changes) { $1 }.mapValues { Data($0.utf8) }, to: project)
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, output: output)
            return BuildResult(report: report, outputExists: FileTree.exists(output))
        }
    }

    @Test func theBaseProjectBuildsWithoutDiagnostics() throws {
        let result = try Self.build([:])
        #expect(result.report.diagnostics.isEmpty, "\(result.report.diagnostics.lines)")
        #expect(result.outputExists)
    }

    // MARK: Check codes through a build

    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var severity: Severity
        var changes: [String: String]
        /// `file:line:column`
        var at: String
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(code: "retracted-citation", severity: .error,
             changes: ["seeds/retractions.csv": "Title,OriginalPaperDOI\n\"Exercise, retracted\",10.5555/JOE.2019.001\n"],
             at: "Content/articles/guide.md:11:24"),
        Case(code: "invalid-retraction-list", severity: .error,
             changes: ["seeds/retractions.csv": "Title,Reason\nA paper,Fraud\n"],
             at: "seeds/retractions.csv:1:1"),
        Case(code: "invalid-doi", severity: .error,
             changes: ["seeds/references.json": (files["seeds/references.json"]!)
                .replacingOccurrences(of: "\"10.5555/joe.2019.001\"", with: "\"https://doi.org/10.5555/joe.2019.001\"")],
             at: "seeds/references.json:9:12"),
        Case(code: "insecure-url", severity: .warning,
             changes: ["seeds/references.json": (files["seeds/references.json"]!)
                .replacingOccurrences(of: "\"DOI\": \"10.5555/joe.2019.001\"", with: "\"URL\": \"http://journal.example/a\"")],
             at: "seeds/references.json:9:12"),
        Case(code: "uncited-reference", severity: .warning,
             changes: ["seeds/references.json": (files["seeds/references.json"]!)
                .replacingOccurrences(of: "  }\n]", with: "  },\n  {\"id\": \"extra\", \"type\": \"book\", \"title\": \"B\", \"publisher\": \"P\"}\n]")],
             at: "seeds/references.json:11:3"),
        Case(code: "review-overdue", severity: .warning,
             changes: ["Content/exercises/quad-set.md": (files["Content/exercises/quad-set.md"]!)
                .replacingOccurrences(of: "  date: 2026-01-10", with: "  date: 2024-12-01")],
             at: "Content/exercises/quad-set.md:6:13"),
        Case(code: "invalid-date", severity: .error,
             changes: ["Content/exercises/quad-set.md": (files["Content/exercises/quad-set.md"]!)
                .replacingOccurrences(of: "  date: 2026-01-10", with: "  date: 2026-02-02")],
             at: "Content/exercises/quad-set.md:8:9"),
        Case(code: "unused-exercise", severity: .warning,
             changes: ["Content/articles/guide.md": article().replacingOccurrences(of: "```exercise\nquad-set\n```\n", with: "")],
             at: "Content/exercises/quad-set.md:1:1"),
        Case(code: "empty-condition", severity: .warning,
             changes: ["Content/conditions/hip-pain.md": (files["Content/conditions/knee-pain.md"]!)
                .replacingOccurrences(of: "Knee pain", with: "Hip pain")],
             at: "Content/conditions/hip-pain.md:1:1"),
        Case(code: "invalid-alias", severity: .error,
             changes: ["Content/articles/guide.md": article().replacingOccurrences(of: "---\ntitle:", with: "---\naliases: [/feed.xml]\ntitle:")],
             at: "Content/articles/guide.md:2:11"),
        Case(code: "duplicate-alias", severity: .error,
             changes: ["Content/articles/guide.md": article().replacingOccurrences(of: "---\ntitle:", with: "---\naliases: [/exercises/quad-set/]\ntitle:")],
             at: "Content/articles/guide.md:2:11"),
        Case(code: "heading-level", severity: .error,
             changes: ["Content/articles/guide.md": article(body: "# Another title\n")],
             at: "Content/articles/guide.md:16:1"),
        Case(code: "missing-alt-text", severity: .warning,
             changes: ["Content/articles/guide.md": article(body: "A picture: ![](https://example.org/knee.png)\n")],
             at: "Content/articles/guide.md:16:12"),
        Case(code: "vague-link-text", severity: .warning,
             changes: ["Content/articles/guide.md": article(body: "Read [this](https://health.example/).\n")],
             at: "Content/articles/guide.md:16:6"),
    ]

    @Test(arguments: cases)
    func aCheckCodeThroughABuild(_ check: Case) throws {
        let result = try Self.build(check.changes)
        let found = result.report.diagnostics.sorted
        #expect(found.map { "\($0.location)" } == [check.at], "\(result.report.diagnostics.lines)")
        #expect(found.map(\.code.rawValue) == [check.code])
        #expect(found.map(\.severity) == [check.severity])
        // Errors stop the build before anything is written; warnings do not.
        if check.severity == .error {
            #expect(!result.report.succeeded)
            #expect(result.report.filesWritten == 0)
            #expect(!result.outputExists)
        } else {
            #expect(result.report.succeeded)
            #expect(result.outputExists)
        }
    }

    // MARK: broken-site-link on a built site

    /// Builds `project` and runs the `--site` check on its output, with `edit` applied to the built files first.
    static func checkBuiltSite(_ project: URL, basePath: String,
                               edit: (URL) throws -> Void = { _ in }) throws -> [Diagnostic] {
        try withTemporaryFolder("salve-site-links") { temp in
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, output: output)
            #expect(report.succeeded, "\(report.diagnostics.lines)")
            try edit(output)
            return BuiltSiteLinks.check(site: output, basePath: basePath, displayRoot: temp.url)
        }
    }

    @Test func theValidFixtureHasNoBrokenSiteLinks() throws {
        // Its base URL is https://fixture.example/health/, so the 404 page's links start with /health/.
        let diagnostics = try Self.checkBuiltSite(Fixtures.validSite, basePath: "/health/")
        #expect(diagnostics.isEmpty, "\(DiagnosticList(diagnostics).lines)")
        // Checked at the wrong base path, the 404 page's root-relative links point outside the site.
        let wrongBase = try Self.checkBuiltSite(Fixtures.validSite, basePath: "/")
        #expect(!wrongBase.isEmpty)
        #expect(wrongBase.allSatisfy { $0.location.file == "Output/404.html" })
    }

    @Test func aBrokenHrefAndAMissingFragmentAreFoundAtTheAttributeValue() throws {
        try withTemporaryFolder("salve-site-project") { temp in
            let project = temp.appending("project")
            try FileTree.write(Self.files.mapValues { Data($0.utf8) }, to: project)
            var mainLine = 0
            let diagnostics = try Self.checkBuiltSite(project, basePath: "/") { output in
                let url = output.appendingPathComponent("articles/guide/index.html")
                var text = try String(contentsOf: url, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                mainLine = try #require(lines.firstIndex(of: "</main>")) + 1
                // One line before </main>, so it takes </main>'s line number.
                text = text.replacingOccurrences(of: "\n</main>\n", with: """

                    <p><a href="../../exercises/nope/">x</a> <a href="../../conditions/knee-pain/#no-such-id">y</a> <a href="../../conditions/knee-pain/#review">z</a></p>
                    </main>

                    """)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            #expect(mainLine > 1)
            #expect(diagnostics.map { "\($0.location)" } == [
                "Output/articles/guide/index.html:\(mainLine):13",
                "Output/articles/guide/index.html:\(mainLine):51",
            ])
            #expect(diagnostics.map(\.code) == [.brokenSiteLink, .brokenSiteLink])
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            #expect(diagnostics.map(\.message) == [
                "the link '../../exercises/nope/' points to a file that does not exist",
                "the link '../../conditions/knee-pain/#no-such-id' names '#no-such-id', which is not on that page",
            ])
        }
    }

    @Test func aRemovedIdBreaksTheCitationLinksToIt() throws {
        try withTemporaryFolder("salve-site-project") { temp in
            let project = temp.appending("project")
            try FileTree.write(Self.files.mapValues { Data($0.utf8) }, to: project)
            var expected: [String] = []
            let diagnostics = try Self.checkBuiltSite(project, basePath: "/") { output in
                let url = output.appendingPathComponent("articles/guide/index.html")
                let text = try String(contentsOf: url, encoding: .utf8)
                    .replacingOccurrences(of: "id=\"ref-smith2019\"", with: "id=\"ref-gone\"")
                try text.write(to: url, atomically: true, encoding: .utf8)
                // Every href="#ref-smith2019" on the page, by line and column of its value.
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    var rest = line[...]
                    while let range = rest.range(of: "href=\"#ref-smith2019\"") {
                        let column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + "href=\"".count + 1
                        expected.append("Output/articles/guide/index.html:\(index + 1):\(column)")
                        rest = rest[range.upperBound...]
                    }
                }
            }
            #expect(!expected.isEmpty)
            #expect(diagnostics.map { "\($0.location)" } == expected)
            #expect(diagnostics.allSatisfy { $0.message == "the link '#ref-smith2019' names '#ref-smith2019', which is not on that page" })
        }
    }
}
