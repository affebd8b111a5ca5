import Foundation
import Testing

/// The real `salve` binary, run as a subprocess: exit codes, what it prints, and what it writes.
/// Exit status: 0 success, 1 content errors, 2 usage or I/O errors.
@Suite(.timeLimit(.minutes(2)))
struct SalveCLITests {
    @Test func binaryIsFound() throws {
        let executable = try #require(Salve.executable)
        #expect(FileManager.default.isExecutableFile(atPath: executable.path))
        #if os(Linux)
        // The binary of this very build (same scratch path), not one left over from another.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if runner.lastPathComponent == "debug" || runner.lastPathComponent == "release" {
            #expect(executable.resolvingSymlinksInPath().deletingLastPathComponent().path == runner.path)
        }
        #endif
    }

    // MARK: Usage

    @Test func helpExitsZero() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["--help"], in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("USAGE: salve"))
            #expect(result.stdout.contains("build"))
            #expect(result.stdout.contains("render"))
        }
    }

    @Test func buildHelpExitsZero() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["build", "--help"], in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("USAGE: salve build"))
            #expect(result.stdout.contains("--output"))
            #expect(result.stdout.contains("--content"))
            // Help writes nothing.
            #expect(relativeFiles(under: temp).isEmpty)
        }
    }

    @Test(arguments: [
        ["build", "--no-such-option"],
        ["--no-such-option"],
        ["no-such-command"],
        ["render"],
        ["build", "--output"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(arguments, in: temp)
            #expect(result.exited && result.status == 2, "\(arguments): status \(result.status), \(result.stderr)")
            #expect(!result.stderr.isEmpty)
            #expect(result.stdout.isEmpty)
            #expect(relativeFiles(under: temp).isEmpty)
            if arguments.contains("--no-such-option") {
                #expect(result.stderr.contains("no-such-option"), "\(result.stderr)")
            }
        }
    }

    @Test func missingContentFolderExitsTwo() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["build", "--content", "Nowhere", "--seeds", "seeds", "--output", "Output"], in: temp)
            #expect(result.exited && result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("salve: error: "))
            #expect(result.stderr.contains("Nowhere"))
            #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("Output").path))
        }
    }

    // MARK: Build

    @Test func buildsTheValidSite() throws {
        try withTemporaryFolder { temp in
            let output = temp.appendingPathComponent("Output")
            let result = try Salve.run([
                "build",
                "--content", Fixtures.validSite.appendingPathComponent("Content").path,
                "--seeds", Fixtures.validSite.appendingPathComponent("seeds").path,
                "--output", output.path,
            ], in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains(": error: "), "\(result.stderr)")
            #expect(result.stderr.contains("salve: wrote "), "\(result.stderr)")
            // The same files as the golden tree (SiteBuilderTests compares the bytes, with a fixed date).
            let golden = relativeFiles(under: Fixtures.validSite.appendingPathComponent("expected"))
            #expect(!golden.isEmpty)
            #expect(relativeFiles(under: output) == golden)
            let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains("<h1>Knee &amp; Back Library</h1>"))
            // Nothing but the output folder was created.
            #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["Output"])
        }
    }

    @Test func buildWithDraftsIncludesTheDraft() throws {
        try withTemporaryFolder { temp in
            let output = temp.appendingPathComponent("Output")
            let result = try Salve.run([
                "build", "--drafts",
                "--content", Fixtures.validSite.appendingPathComponent("Content").path,
                "--seeds", Fixtures.validSite.appendingPathComponent("seeds").path,
                "--output", output.path,
            ], in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("articles/heat-or-ice/index.html").path))
        }
    }

    @Test func refusesAForeignOutputFolderWithExitTwo() throws {
        try withTemporaryFolder { temp in
            let output = temp.appendingPathComponent("Output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: output.appendingPathComponent("precious.txt"))
            let result = try Salve.run([
                "build",
                "--content", Fixtures.validSite.appendingPathComponent("Content").path,
                "--seeds", Fixtures.validSite.appendingPathComponent("seeds").path,
                "--output", output.path,
            ], in: temp)
            #expect(result.exited && result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("salve: error: "))
            #expect(relativeFiles(under: output) == ["precious.txt"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["Output"])
        }
    }

    /// Every invalid fixture through the real binary: errors exit 1 with the positioned
    /// `path:line:col: error: … [code]` lines on stderr and write nothing; warning-only cases exit 0.
    @Test(arguments: Fixtures.invalidCaseNames)
    func invalidCase(_ name: String) throws {
        let expectedText = try String(
            contentsOf: Fixtures.invalidCases.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
        let hasErrors = expected.contains { $0.contains(": error: ") }
        try withTemporaryFolder { temp in
            let project = temp.appendingPathComponent(name)
            try FileManager.default.copyItem(at: Fixtures.invalidCases.appendingPathComponent(name), to: project)
            for (path, data) in Fixtures.runtimeFiles[name] ?? [:] {
                let url = project.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            // Paths in diagnostics are relative to the working folder, as in expected.txt.
            let result = try Salve.run(["build", "--output", "../Output"], in: project)
            #expect(result.exited, "\(name): salve crashed\n\(result.stderr)")
            #expect(!result.timedOut, "\(name): salve hung")
            #expect(result.status == (hasErrors ? 1 : 0), "\(name): status \(result.status)\n\(result.stderr)")
            for line in expected {
                #expect(result.stderr.contains(line + "\n"), "\(name): stderr lacks\n\(line)\ngot:\n\(result.stderr)")
            }
            let output = temp.appendingPathComponent("Output")
            if hasErrors {
                #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: output.path), "\(name): an output folder was created")
            } else {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted()
                    == (hasErrors ? [name] : ["Output", name]).sorted())
        }
    }

    /// A diagnostic is followed by the source line and a caret under its column.
    @Test func errorsShowTheSourceLineAndACaret() throws {
        try withTemporaryFolder { temp in
            let project = temp.appendingPathComponent("case")
            try FileManager.default.copyItem(at: Fixtures.invalidCases.appendingPathComponent("unknown-condition"), to: project)
            let result = try Salve.run(["build", "--output", "../Output"], in: project)
            #expect(result.status == 1)
            #expect(result.stderr.contains("""
                Content/articles/knee-guide.md:4:14: error: unknown condition 'knee-pian' — did you mean 'knee-pain'? [unknown-condition]
                    conditions: [knee-pian]
                                 ^
                """), "\(result.stderr)")
        }
    }

    // MARK: Render

    @Test func renderFilePrintsBodyHTML() throws {
        try withTemporaryFolder { temp in
            let file = Fixtures.validSite.appendingPathComponent("Content/articles/moving-with-knee-osteoarthritis.md")
            let result = try Salve.run([
                "render", file.path,
                "--content", Fixtures.validSite.appendingPathComponent("Content").path,
                "--seeds", Fixtures.validSite.appendingPathComponent("seeds").path,
            ], in: temp)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            let html = result.stdout
            // The body only: no page shell and no front matter.
            #expect(!html.contains("<html"))
            #expect(!html.contains("<h1"))
            #expect(!html.contains("review:"))
            #expect(html.hasPrefix("<p>Exercise is one of the most useful treatments"))
            #expect(html.contains("osteoarthritis<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a></sup>."))
            #expect(html.contains("around<sup class=\"citation\">see <a href=\"#ref-hall2019\" aria-label=\"Reference 2\">2</a>, p. 3</sup>."))
            #expect(html.contains("<a href=\"../../exercises/quad-set/#steps\">quad set</a>"))
            #expect(html.contains("<h2 id=\"why-it-helps-2\">Why it helps</h2>"))
            #expect(html.contains("<aside class=\"card-embed\" aria-label=\"Exercise card: Quad set\">"))
            #expect(html.contains("<aside class=\"card-embed\" aria-label=\"Exercise card: Sit-to-stand\">"))
            #expect(relativeFiles(under: temp).isEmpty)
        }
    }

    @Test func renderOfAMissingFileExitsTwo() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["render", "no-such-file.md"], in: temp)
            #expect(result.exited && result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("no-such-file.md"))
            #expect(result.stdout.isEmpty)
        }
    }

    static let plainMarkdown = """
        ## Getting started

        Some *emphasis*, **strong** and `code < 1`.

        - one
        - two

        1. first
        2. second

        > A quote with a [link to an example](https://example.org/?a=1&b=2 "The title").

            indented code

        ```swift
        let x = 1 < 2
        ```

        Fish & chips, "quotes" and a hard\\
        break.

        ### Next steps

        ***

        """

    /// What cmark prints for `plainMarkdown`, with the heading ids Salve adds.
    static let plainHTML = """
        <h2 id="getting-started">Getting started</h2>
        <p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code &lt; 1</code>.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        <ol>
        <li>first</li>
        <li>second</li>
        </ol>
        <blockquote>
        <p>A quote with a <a href="https://example.org/?a=1&amp;b=2" title="The title">link to an example</a>.</p>
        </blockquote>
        <pre><code>indented code
        </code></pre>
        <pre><code class="language-swift">let x = 1 &lt; 2
        </code></pre>
        <p>Fish &amp; chips, &quot;quotes&quot; and a hard<br />
        break.</p>
        <h3 id="next-steps">Next steps</h3>
        <hr />

        """

    @Test func renderStdinMatchesCmarkPlusHeadingIds() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["render", "-"], in: temp, input: Data(Self.plainMarkdown.utf8))
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout == Self.plainHTML)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    /// A `#` heading still renders as cmark does (with an id), but a body may not hold a second page title.
    @Test func renderStdinReportsALevelOneHeading() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["render", "-"], in: temp, input: Data("# Title\n\nText.\n".utf8))
            #expect(result.exited, "\(result.stderr)")
            #expect(result.stdout == "<h1 id=\"title\">Title</h1>\n<p>Text.</p>\n")
            #expect(result.stderr.contains("<stdin>:1:1: error: "), "\(result.stderr)")
            #expect(result.stderr.contains("[heading-level]"), "\(result.stderr)")
            #expect(result.status == 1)
        }
    }

    /// The hard-coded HTML above is checked against the cmark command-line tool, when it is installed.
    @Test(.enabled(if: SalveCLITests.cmarkTool != nil, "the cmark command-line tool is not installed"))
    func hardCodedHTMLIsWhatCmarkPrints() throws {
        let cmark = try #require(Self.cmarkTool)
        let process = Process()
        process.executableURL = cmark
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(Self.plainMarkdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let cmarkHTML = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<h2>Getting started</h2>", with: "<h2 id=\"getting-started\">Getting started</h2>")
            .replacingOccurrences(of: "<h3>Next steps</h3>", with: "<h3 id=\"next-steps\">Next steps</h3>")
        #expect(cmarkHTML == Self.plainHTML)
    }

    static let cmarkTool: URL? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("cmark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    @Test func renderStdinLeavesRawHTMLOut() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["render", "-"], in: temp,
                                       input: Data("<script>alert(1)</script>\n\nA [link](javascript:alert(1)).\n".utf8))
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "<!-- raw HTML omitted -->\n<p>A <a href=\"\">link</a>.</p>\n")
            #expect(result.stderr.contains("<stdin>:1:1: warning: "), "\(result.stderr)")
            #expect(result.stderr.contains("[raw-html]"))
        }
    }

    @Test func renderStdinWithInvalidUTF8ExitsOne() throws {
        try withTemporaryFolder { temp in
            let result = try Salve.run(["render", "-"], in: temp, input: Data("ok\nCaf".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
            #expect(result.exited && result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("<stdin>:2:4: error: the file is not valid UTF-8 text; save it as UTF-8 [invalid-utf8]"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
