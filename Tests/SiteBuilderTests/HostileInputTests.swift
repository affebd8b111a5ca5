import Foundation
import SiteBuilder
import Testing

/// Content that tries to break out of its place in the page, and content large enough to show
/// slow algorithms. Built from a warning-only fixture plus one generated article, in a temporary folder.
@Suite(.timeLimit(.minutes(1)))
struct HostileInputTests {
    /// A copy of the `unknown-field` case (it builds, with warnings) with `files` added.
    static func project(in temp: TemporaryFolder, adding files: [String: String]) throws -> URL {
        let project = temp.appending("project")
        try FileTree.copy(Fixtures.invalidCases.appendingPathComponent("unknown-field"), to: project)
        try FileTree.write(files.mapValues { Data($0.utf8) }, to: project)
        return project
    }

    static let frontMatter = """
        ---
        title: A guide
        summary: What helps.
        conditions: [knee-pain]
        review:
          reviewer: jo-bloggs
          role: clinical
          date: 2026-01-10
        published: 2026-01-12
        ---

        """

    @Test func markupInTextStaysText() throws {
        try withTemporaryFolder { temp in
            let project = try Self.project(in: temp, adding: [
                "Content/articles/hostile.md": """
                    ---
                    title: "</script><script>alert(1)</script> & <b>bold</b>"
                    summary: "Summary </script><img src=x onerror=alert(2)> [@smith2019]"
                    conditions: [knee-pain]
                    review:
                      reviewer: jo-bloggs
                      role: clinical
                      date: 2026-01-10
                    published: 2026-01-12
                    ---
                    ## Heading with <i>tags</i> and "quotes"

                    Body <script>alert(3)</script> and [a link to the guide](javascript:alert(4)).

                    """,
            ])
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, output: output)
            #expect(report.succeeded, "\(report.diagnostics.lines)")
            let files = try FileTree.read(output)
            let page = files.text("articles/hostile/index.html")
            #expect(page.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</h1>"))
            for (path, data) in files {
                let text = String(decoding: data, as: UTF8.self)
                for raw in ["<script>alert", "<img src=x", "<b>bold", "<i>tags", "javascript:", "onerror=alert(2)>"] {
                    #expect(!text.contains(raw), "\(path) contains \(raw)")
                }
            }
            // The only script elements are the site's own, each closed once.
            #expect(page.occurrences(of: "<script") == page.occurrences(of: "</script>"))
            #expect(!page.contains("&amp;lt;"))
        }
    }

    /// Source positions used to be found by rescanning the line for every Markdown node, which made a
    /// pasted one-line document take seconds. Speed is measured in the benchmark (bench/run.py), never
    /// in a timed test; this checks a long one-line paragraph builds and is positioned exactly.
    @Test func longSingleLineParagraphBuilds() throws {
        try Self.build(oneLine: String(repeating: "*word* ", count: 4000))
    }

    /// Every citation on a long line is reported at its own column, counted from the line's start.
    @Test func longSingleLineWithManyCitationsIsPositionedExactly() throws {
        let unit = "*word* [@nokey] "
        let line = String(repeating: unit, count: 2000)
        try withTemporaryFolder { temp in
            let project = try Self.project(in: temp, adding: ["Content/articles/long.md": Self.frontMatter + line + "\n"])
            let report = try Fixtures.build(project, output: temp.appending("Output"))
            let columns = report.diagnostics.all.filter { $0.code.rawValue == "unknown-citation" }.compactMap(\.location.column)
            #expect(columns.count == 2000)
            // "[@nokey]" starts 7 characters into each 16-character unit; the position is the "@".
            #expect(columns.sorted() == (0..<2000).map { $0 * unit.count + 9 })
        }
    }

    static func build(oneLine line: String) throws {
        try withTemporaryFolder { temp in
            let project = try Self.project(in: temp, adding: ["Content/articles/long.md": Self.frontMatter + line + "\n"])
            let report = try Fixtures.build(project, output: temp.appending("Output"))
            #expect(report.succeeded, "\(report.diagnostics.lines)")
        }
    }
}
