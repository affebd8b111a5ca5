import Foundation
import SiteBuilder
import Testing

/// Bodies nested as deeply as cmark accepts build like any other: the walks over them keep no stack
/// per level (they used to recurse once per level and overflow the stack).
@Suite struct DeepNestingTests {
    @Test(arguments: [
        String(repeating: "> ", count: 20_000) + "a [@nokey] deep quote",
        String(repeating: "*a **a ", count: 10_000) + "b [@nokey]" + String(repeating: " a** a*", count: 10_000),
        "## " + String(repeating: "*a **a ", count: 5_000) + "b [@nokey]" + String(repeating: " a** a*", count: 5_000),
        "[" + String(repeating: "*a **a ", count: 5_000) + "b" + String(repeating: " a** a*", count: 5_000) + "](https://example.org) [@nokey]",
        String(repeating: "- ", count: 5_000) + "1. item [@nokey]",
    ])
    func deeplyNestedBodiesAreReadAndChecked(body: String) throws {
        try withTemporaryFolder { temp in
            let project = try HostileInputTests.project(in: temp, adding: [
                "Content/articles/deep.md": HostileInputTests.frontMatter + body + "\n",
            ])
            let report = try Fixtures.build(project, output: temp.appending("Output"))
            // The page is read to its innermost text: its one citation is found and reported.
            let unknown = report.diagnostics.all.filter { $0.code.rawValue == "unknown-citation" }
            #expect(unknown.count == 1)
            #expect(unknown.first?.location.file.hasSuffix("articles/deep.md") == true)
        }
    }

    @Test func deeplyNestedBodiesBuild() throws {
        try withTemporaryFolder { temp in
            let project = try HostileInputTests.project(in: temp, adding: [
                "Content/articles/deep.md": HostileInputTests.frontMatter
                    + String(repeating: "> ", count: 20_000) + "a deep quote\n\n"
                    + String(repeating: "*a **a ", count: 10_000) + "b" + String(repeating: " a** a*", count: 10_000) + "\n",
            ])
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, output: output)
            #expect(report.succeeded, "\(report.diagnostics.lines)")
            let page = try FileTree.read(output).text("articles/deep/index.html")
            #expect(page.occurrences(of: "<blockquote>") == 20_000)
            #expect(page.contains("a deep quote"))
        }
    }
}
