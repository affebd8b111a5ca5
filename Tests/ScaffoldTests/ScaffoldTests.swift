import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import Scaffold
import SiteBuilder
import Testing
import YAML

/// `salve init`'s starter site and `salve new`'s pages load and build, with a placeholder warning at
/// every placeholder and nothing else but what honesty requires (pending reviews).
@Suite struct ScaffoldTests {
    static let today = Day(year: 2026, month: 12, day: 5)!
    /// Where the marker is in `text`, found line by line (an oracle apart from the checker's one pass).
    static func markers(in text: String, file: String) -> [String] {
        var found: [String] = []
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: "TODO") {
                found.append("\(file):\(number + 1):\(line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)")
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    static func load(_ root: URL) throws -> LoadResult {
        try CheckedContent.load(LoadOptions(
            contentDirectory: root.appendingPathComponent("Content"), seedsDirectory: root.appendingPathComponent("seeds"),
            displayRoot: root, today: today))
    }

    static func split(_ diagnostics: DiagnosticList) -> (placeholders: [String], others: [String]) {
        let sorted = diagnostics.sorted
        return (sorted.filter { $0.code == .placeholder }.map { "\($0.location)" }.sorted(),
                sorted.filter { $0.code != .placeholder }.map { "\($0.severity) \($0.code) \($0.location.file)" }.sorted())
    }

    static func withSite<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-init-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try SiteScaffold.write(into: url, today: today)
        return try body(url)
    }

    @Test func theStarterSiteLoadsWithAWarningAtEveryPlaceholderAndBuilds() throws {
        try Self.withSite { root in
            let result = try Self.load(root)
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
            var expected: [String] = []
            for file in SiteTemplate.files(today: Self.today) where file.path.hasPrefix("Content/") || file.path.hasPrefix("seeds/") {
                expected += Self.markers(in: file.text, file: file.path)
            }
            let (placeholders, others) = Self.split(result.diagnostics)
            #expect(placeholders == expected.sorted())
            #expect(placeholders.count == 33)
            #expect(others == [
                "warning review-pending Content/articles/example-article.md",
                "warning review-pending Content/conditions/example-condition.md",
                "warning review-pending Content/exercises/example-exercise.md",
            ])

            let report = try SiteBuild.build(LoadOptions(
                contentDirectory: root.appendingPathComponent("Content"), seedsDirectory: root.appendingPathComponent("seeds"),
                displayRoot: root, today: Self.today), output: root.appendingPathComponent("Output"))
            #expect(report.succeeded)
            #expect(report.diagnostics.all.count { $0.code == .placeholder } == placeholders.count)
            let article = try String(contentsOf: root.appendingPathComponent("Output/articles/example-article/index.html"), encoding: .utf8)
            #expect(article.contains("TODO: the title of a source you cite"))  // the cited placeholder reference
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/exercises/example-exercise/index.html").path))
        }
    }

    @Test func theStarterFilesAreTheOnesPromised() throws {
        let files = SiteTemplate.files(today: Self.today)
        #expect(files.map(\.path) == [
            "Content/site.yml", "Content/conditions/example-condition.md", "Content/articles/example-article.md",
            "Content/exercises/example-exercise.md", "Content/experts/example-expert.md", "Content/pages/about.md",
            "seeds/references.json", ".gitignore", ".github/workflows/salve.yml",
        ])
        let ignore = try #require(files.first { $0.path == ".gitignore" }).text.split(separator: "\n")
        for entry in ["/Output/", "/.salve-cache/", "/.build/"] { #expect(ignore.contains(Substring(entry))) }
        // The workflow is valid YAML with the steps it promises.
        let workflow = try #require(files.first { $0.path == ".github/workflows/salve.yml" }).text
        let node = try #require(try YAMLNode.parse(workflow))
        guard case .mapping(let top) = node.content else { Issue.record("not a mapping"); return }
        #expect(top.map { $0.key.scalarText } == ["name", "on", "permissions", "env", "jobs"])
        #expect(workflow.contains("uses: actions/cache@v4"))
        #expect(workflow.contains("if: steps.cache.outputs.cache-hit != 'true'"))
        #expect(workflow.contains("salve check --format github\n"))
        #expect(workflow.contains("salve check --format sarif > salve.sarif"))
        #expect(workflow.contains("uses: github/codeql-action/upload-sarif@v3"))
        // Every key site.yml knows is written, each under a comment.
        let settings = try #require(files.first { $0.path == "Content/site.yml" }).text
        let lines = settings.components(separatedBy: "\n")
        for key in ["title", "base-url", "language", "description", "review-interval-months", "allow-raw-html",
                    "target-grade", "citation-style", "contact-email", "disclaimer", "care-advice"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix("\(key):") || $0.hasPrefix("# \(key):") }, "\(key)")
            #expect(lines[index - 1].hasPrefix("#"), "\(key) has no comment above it")
        }
    }

    /// The README's key tables, by heading: `| `key` | …` rows.
    static func readmeKeys() throws -> [String: [String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var tables: [String: [String]] = [:]
        var heading = ""
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("#") {
                heading = line
            } else if line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`"),
                      line[end...].hasPrefix("` |") {
                tables[heading, default: []].append(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
            }
        }
        return tables
    }

    /// Whether `key` is written in `text`, set or commented out, at the start of a line.
    static func mentions(_ text: String, key: String) -> Bool {
        text.components(separatedBy: "\n").contains { $0.hasPrefix("\(key):") || $0.hasPrefix("# \(key):") }
    }

    /// A key added to the README's tables must be added to the templates too: site.yml shows every
    /// key, and a new page every key of its kind (optional ones at least as a comment).
    @Test func everyKeyTheReadmeListsIsInTheTemplates() throws {
        let tables = try Self.readmeKeys()
        let settings = try #require(tables["### `Content/site.yml`"])
        #expect(settings.count >= 11)
        let siteYML = try #require(SiteTemplate.files(today: Self.today).first { $0.path == "Content/site.yml" }).text
        for key in settings { #expect(Self.mentions(siteYML, key: key), "site.yml template lacks '\(key)'") }
        let links = PageLinks(condition: SiteTemplate.condition, today: Self.today)
        var kindsChecked = 0
        for kind in NewPageKind.allCases {
            let table = tables.first(where: { $0.key.hasPrefix("### ") && $0.key.contains("`Content/\(kind.folder)/") })
            guard let (heading, keys) = table else {
                Issue.record("the README has no key table for \(kind.folder)")
                continue
            }
            kindsChecked += 1
            let template = PageTemplates.text(for: kind, links: links)
            var expected = keys
            if kind != .expert { expected += tables["#### Keys every page may have"] ?? [] }
            for key in expected { #expect(Self.mentions(template, key: key), "\(kind) template lacks '\(key)' (\(heading))") }
        }
        #expect(kindsChecked >= 5)
    }

    @Test func initRefusesAFolderWithContentAndWritesNothing() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-init-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: url.appendingPathComponent("notes.txt"))
        #expect {
            _ = try SiteScaffold.write(into: url, today: Self.today)
        } throws: { error in
            let failure = error as? ScaffoldFailure
            return failure?.reason == .refused && failure?.description.contains("'notes.txt' is in the way") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() == [".git", "notes.txt"])
        // A repository just made (only .git) is empty enough.
        try FileManager.default.removeItem(at: url.appendingPathComponent("notes.txt"))
        #expect(try SiteScaffold.write(into: url, today: Self.today).count == 9)
    }

    @Test func aNewPageOfEachKindLoadsWithPlaceholderWarnings() throws {
        try Self.withSite { root in
            let content = root.appendingPathComponent("Content")
            var expected: [String] = []
            for kind in NewPageKind.allCases {
                let file = try NewPage.write(kind, id: "my-\(kind.rawValue)", contentDirectory: content, displayRoot: root,
                                             today: Self.today)
                #expect(file == "Content/\(kind.folder)/my-\(kind.rawValue).md")
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                #expect(!Self.markers(in: text, file: file).isEmpty)
                expected += Self.markers(in: text, file: file)
            }
            let before = try Self.load(root)
            let result = try Self.load(root)
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.sorted)")
            let (placeholders, others) = Self.split(result.diagnostics)
            #expect(Set(expected).isSubset(of: Set(placeholders)))
            #expect(placeholders.count == 33 + expected.count)
            #expect(Self.split(before.diagnostics).placeholders == placeholders)
            for kind in [NewPageKind.condition, .article, .exercise, .program] {
                #expect(others.contains("warning review-pending Content/\(kind.folder)/my-\(kind.rawValue).md"))
            }
            // Pages nothing uses yet, said as for any page.
            #expect(others.contains("warning empty-condition Content/conditions/my-condition.md"))
            #expect(others.contains("warning unused-exercise Content/exercises/my-exercise.md"))
            #expect(others.count == 3 + 4 + 2)
            // The new article names the site's first condition and expert.
            let article = try String(contentsOf: content.appendingPathComponent("articles/my-article.md"), encoding: .utf8)
            #expect(article.contains("conditions:\n  - example-condition\n"))
            #expect(article.contains("experts:\n  - expert: example-expert\n    role: author\n"))
            #expect(article.contains("published: 2026-12-05\n"))
        }
    }

    /// Loads the site after writing `text` at `path`, and gives the loader's finding of `code`.
    static func loaderFinding(_ code: DiagnosticCode, root: URL, writing path: String) throws -> Diagnostic? {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\nname: X\n---\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try load(root).diagnostics.all.first { $0.code == code }
    }

    static func refusal(_ kind: NewPageKind, _ id: String, root: URL) -> ScaffoldFailure? {
        do {
            _ = try NewPage.write(kind, id: id, contentDirectory: root.appendingPathComponent("Content"), displayRoot: root,
                                  today: today)
            return nil
        } catch {
            return error
        }
    }

    @Test func anInvalidIdIsRefusedInTheLoadersWords() throws {
        try Self.withSite { root in
            for id in ["../escape", "a/../../b", ".hidden", "a//b", ""] {
                let refusal = try #require(Self.refusal(.article, id, root: root), "\(id)")
                #expect(refusal.diagnostic?.code == .invalidSlug)
            }
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.md").path))
            for id in ["Bad_Name", "two--hyphens", "-lead", "trail-", "ünï"] {
                let refusal = try #require(Self.refusal(.article, id, root: root))
                #expect(refusal.reason == .refused)
                let diagnostic = try #require(refusal.diagnostic)
                let loader = try #require(try Self.loaderFinding(.invalidSlug, root: root, writing: "Content/articles/\(id).md"))
                #expect(diagnostic == loader)
                #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/articles/\(id).md").path))
            }
        }
    }

    @Test func aTakenIdIsRefusedInTheLoadersWords() throws {
        try Self.withSite { root in
            // Taken by a page in a sub-folder: the loader's own duplicate-slug finding.
            let content = root.appendingPathComponent("Content/articles")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("a"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: content.appendingPathComponent("example-article.md"),
                                             to: content.appendingPathComponent("a/example-article.md"))
            let refusal = try #require(Self.refusal(.article, "example-article", root: root))
            let diagnostic = try #require(refusal.diagnostic)
            let loader = try #require(try Self.loaderFinding(.duplicateSlug, root: root, writing: "Content/articles/example-article.md"))
            #expect(diagnostic == loader)
            #expect(diagnostic.message == "two articles have the id 'example-article': this file and Content/articles/a/example-article.md; rename one")
            // Taken by the very file it would write: never overwritten.
            let before = try Data(contentsOf: root.appendingPathComponent("Content/conditions/example-condition.md"))
            let same = try #require(Self.refusal(.condition, "example-condition", root: root))
            #expect(same.diagnostic?.code == .duplicateSlug)
            #expect(same.diagnostic?.location == SourceLocation(file: "Content/conditions/example-condition.md", line: 1, column: 1))
            #expect(try Data(contentsOf: root.appendingPathComponent("Content/conditions/example-condition.md")) == before)
            // Taken by a page whose path sorts after the new one's: the loader reports at that page.
            let conditions = root.appendingPathComponent("Content/conditions")
            try FileManager.default.createDirectory(at: conditions.appendingPathComponent("z"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: conditions.appendingPathComponent("example-condition.md"),
                                             to: conditions.appendingPathComponent("z/example-condition.md"))
            let later = try #require(Self.refusal(.condition, "example-condition", root: root)?.diagnostic)
            #expect(later == (try Self.loaderFinding(.duplicateSlug, root: root, writing: "Content/conditions/example-condition.md")))
            #expect(later.location.file == "Content/conditions/z/example-condition.md")
            #expect(later.message.hasSuffix("this file and Content/conditions/example-condition.md; rename one"))
            // Another kind may use the same id.
            #expect(Self.refusal(.exercise, "example-article", root: root) == nil)
        }
    }

    @Test func aPageAboutAConditionNeedsOneToExist() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-new-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Content"), withIntermediateDirectories: true)
        let refusal = try #require(Self.refusal(.program, "plan", root: url))
        #expect(refusal.reason == .refused)
        #expect(refusal.description.contains("salve new condition"))
        #expect(Self.refusal(.expert, "someone", root: url) == nil)
        let missing = try #require(Self.refusal(.expert, "other", root: url.appendingPathComponent("nowhere")))
        #expect(missing.reason == .io)
    }
}
