#if canImport(Glibc)
import Glibc
#endif
import ContentLoading
import Diagnostics
import Foundation
@testable import Preview
import ContentChecks
import SiteBuilder
import Testing

/// What is on disk: `salve build` never carries the preview's script, and the preview's incremental
/// output is the same, byte for byte, as a full build of the same content.
@Suite(.timeLimit(.minutes(1)))
struct SiteOutputTests {
    @Test func theReloadScriptIsNeverInABuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let output = site.url("Output")
        let report = try SiteBuild.build(site.loadOptions, output: output)
        #expect(report.succeeded)
        let files = try readTree(output)
        #expect(files.keys.contains("index.html"))
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for marker in ["salve-preview", "/_salve/events", ReloadScript.marker, ReloadScript.stateElementID] {
                #expect(!text.contains(marker), "\(path) contains the preview's '\(marker)'")
            }
        }
    }

    @Test func incrementalRebuildsMatchAFullBuild() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)

        // A series of edits, each rebuilt incrementally and compared with a fresh full build.
        let edits: [(String, () throws -> Void)] = [
            ("edit an article's body", {
                try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "CHANGED"))
            }),
            ("retitle an article", {
                try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking when your back hurts", text: "CHANGED"))
            }),
            ("add an article", {
                try site.write("Content/articles/stretching.md", FixtureSite.article(title: "Stretching", text: "NEW", published: "2025-09-01"))
            }),
            ("rename a condition", {
                let text = try String(contentsOf: site.url("Content/conditions/back-pain.md"), encoding: .utf8)
                try site.write("Content/conditions/back-pain.md", text.replacingOccurrences(of: "name: Back pain", with: "name: Low back pain"))
            }),
            ("publish a draft", {
                let text = try String(contentsOf: site.url("Content/articles/sleeping.md"), encoding: .utf8)
                try site.write("Content/articles/sleeping.md", text.replacingOccurrences(of: "draft: true\n", with: ""))
            }),
            ("delete an article", { try site.remove("Content/articles/stretching.md") }),
            ("change the bibliography", {
                let text = try String(contentsOf: site.url("seeds/references.json"), encoding: .utf8)
                try site.write("seeds/references.json", text.replacingOccurrences(of: "Living with Back Pain", with: "Living With Back Pain"))
            }),
        ]
        for (index, (name, edit)) in edits.enumerated() {
            try edit()
            let update = try live.rebuild()
            #expect(update.succeeded, "\(name): \(update.diagnostics.all)")
            let full = site.url("Full-\(index)")
            #expect(try SiteBuild.build(site.loadOptions, output: full).succeeded)
            var expected = try readTree(full)
            expected[OutputWriter.markerName] = nil
            let actual = try readTree(site.url("Live"))
            let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
            #expect(differing.isEmpty, "after '\(name)' the incremental site differs from a full build in: \(differing)")
        }
    }

    /// Edits reported with their paths (as the watcher does) take the edited-pages-only path when they
    /// can; its output and its findings must be exactly those of a full build.
    @Test func editedPagesOnlyMatchAFullBuildAndFullCheck() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)
        let walking = "Content/articles/walking.md"
        // (edit, builds, pages written, only the edited file read)
        let edits: [(name: String, text: String, succeeds: Bool, pages: Int?, editedOnly: Bool)] = [
            ("edit the body", FixtureSite.article(title: "Walking with back pain", text: "CHANGED ONCE"), true, 1, true),
            ("edit it again", FixtureSite.article(title: "Walking with back pain", text: "CHANGED TWICE"), true, 1, true),
            // A placeholder is found, and cleared, on the fast path too.
            ("leave a placeholder", FixtureSite.article(title: "Walking with back pain", text: "TODO: finish this."), true, 1, true),
            ("replace it", FixtureSite.article(title: "Walking with back pain", text: "CHANGED TWICE"), true, 1, true),
            // An error that changes nothing others show is found on the fast path; the fix reloads everything.
            ("name a bad card id", FixtureSite.article(title: "Walking with back pain", text: "\n```exercise\nNot A Card\n```\n"), false, nil, true),
            ("fix the card id", FixtureSite.article(title: "Walking with back pain", text: "FIXED"), true, nil, false),
            // A new citation changes what the references page lists: a full reload.
            ("cite a missing source", FixtureSite.article(title: "Walking with back pain", text: "See [@nobody2020]."), false, nil, false),
            ("fix it", FixtureSite.article(title: "Walking with back pain", text: "FIXED"), true, nil, false),
            ("a long, hard sentence", FixtureSite.article(
                title: "Walking with back pain",
                text: String(repeating: "Notwithstanding considerable physiological heterogeneity, multidisciplinary rehabilitation interventions demonstrate consistently favourable outcomes. ", count: 12)), true, 1, true),
            ("retitle", FixtureSite.article(title: "Walking when your back hurts", text: "FIXED"), true, nil, false),
        ]
        for edit in edits {
            try site.write(walking, edit.text)
            let update = try live.rebuild(changedPaths: [site.url(walking).standardizedFileURL.path])
            #expect(update.succeeded == edit.succeeds, "\(edit.name): \(update.diagnostics.all)")
            #expect(update.reloadedEverything == !edit.editedOnly, "\(edit.name)")
            // Besides its pages, an edit rewrites the page's search fragment and the search index.
            let pagesWritten = update.writtenFiles.filter { !$0.hasPrefix("search/") }
            if let pages = edit.pages { #expect(pagesWritten.count == pages, "\(edit.name): \(update.writtenFiles)") }
            let full = try CheckedContent.load(site.loadOptions)
            #expect(update.diagnostics.sorted == full.diagnostics.sorted, "\(edit.name): findings differ from a full check")
            #expect(update.diagnostics.all.contains { $0.code == .placeholder } == (edit.name == "leave a placeholder"), "\(edit.name)")
            guard edit.succeeds else { continue }
            let fullSite = site.url("Full-\(edit.name.replacingOccurrences(of: " ", with: "-"))")
            #expect(try SiteBuild.build(site.loadOptions, output: fullSite).succeeded)
            var expected = try readTree(fullSite)
            expected[OutputWriter.markerName] = nil
            let actual = try readTree(site.url("Live"))
            let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
            #expect(differing.isEmpty, "after '\(edit.name)' the incremental site differs from a full build in: \(differing)")
        }
    }

    /// An edit that leaves the search index's words as they were writes none of its files again (a file
    /// made on a large site's disk is the slow part of an edit); and a file the index stops needing,
    /// then needs again, is written again, though its bytes are what they were.
    @Test func unchangedSearchIndexFilesAreNotWrittenAgainAndReturningOnesAre() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)
        let walking = "Content/articles/walking.md"
        func indexFiles() throws -> [String: UInt64] {
            let folder = site.url("Live/search")
            var inodes: [String: UInt64] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".bin") || name.hasSuffix(".json") {
                let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
                inodes[name] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            }
            return inodes
        }
        try site.write(walking, FixtureSite.article(title: "Walking with back pain", text: "changed once"))
        #expect(try live.rebuild(changedPaths: [site.url(walking).standardizedFileURL.path]).succeeded)
        let before = try indexFiles()
        #expect(!before.isEmpty)
        // The same words in another order: the same index.
        try site.write(walking, FixtureSite.article(title: "Walking with back pain", text: "once changed"))
        #expect(try live.rebuild(changedPaths: [site.url(walking).standardizedFileURL.path]).succeeded)
        #expect(try indexFiles() == before, "index files were written again")
        // A new word is written.
        try site.write(walking, FixtureSite.article(title: "Walking with back pain", text: "once changed zygote"))
        #expect(try live.rebuild(changedPaths: [site.url(walking).standardizedFileURL.path]).succeeded)
        #expect(try indexFiles() != before)

        // 64 pages or more split the postings in two files; fewer, one. Grow past it, shrink, grow again.
        func setExtra(_ count: Int) throws {
            for number in 0..<80 {
                let path = "Content/articles/extra-\(number).md"
                if number < count {
                    try site.write(path, FixtureSite.article(title: "Extra \(number)", text: "Extra text \(number)."))
                } else if FileManager.default.fileExists(atPath: site.url(path).path) {
                    try site.remove(path)
                }
            }
            #expect(try live.rebuild().succeeded)
            let full = site.url("Full-\(count)")
            #expect(try SiteBuild.build(site.loadOptions, output: full).succeeded)
            var expected = try readTree(full)
            expected[OutputWriter.markerName] = nil
            let actual = try readTree(site.url("Live"))
            let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
            #expect(differing.isEmpty, "with \(count) extra pages the incremental site differs from a full build in: \(differing)")
        }
        try setExtra(80)
        let split = try indexFiles().keys.filter { $0.hasSuffix(".bin") }.count
        try setExtra(0)
        #expect(try indexFiles().keys.filter { $0.hasSuffix(".bin") }.count < split)
        try setExtra(80)
        #expect(try indexFiles().keys.filter { $0.hasSuffix(".bin") }.count == split)
    }

    /// A retitled page changes what other pages list, so lists and site-wide files are written again;
    /// but each search fragment holds one page's text, named by rank: only those whose rank now holds
    /// another page, and the retitled page's own, are written.
    @Test func aRetitledPageRewritesOnlyTheFragmentsWhoseRankChanged() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)
        let fragments = try FileManager.default.contentsOfDirectory(atPath: site.url("Live/search/f").path).count
        #expect(fragments >= 3)
        // "Walking with back pain" → "Walking with back pain today": the same place among the titles.
        try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain today", text: "CHANGED"))
        let update = try live.rebuild()
        #expect(update.succeeded, "\(update.diagnostics.all)")
        #expect(!update.renderedEverything)
        let written = update.writtenFiles.filter { $0.hasPrefix("search/f/") }
        #expect(written.count == 1, "\(written)")
        let full = site.url("Full")
        #expect(try SiteBuild.build(site.loadOptions, output: full).succeeded)
        var expected = try readTree(full)
        expected[OutputWriter.markerName] = nil
        let actual = try readTree(site.url("Live"))
        let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }
        #expect(differing.isEmpty, "\(differing.sorted())")
    }

    private func readTree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let rootPath = root.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.resolvingSymlinksInPath().path.dropFirst(rootPath.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}

/// The pieces on their own: path resolution, MIME types, injection, the watcher.
@Suite(.timeLimit(.minutes(1)))
struct PreviewUnitTests {
    @Test func pathSegmentsRefuseEveryFormOfDotDot() {
        #expect(StaticFiles.segments(of: "/articles/walking/") == ["articles", "walking"])
        #expect(StaticFiles.segments(of: "/a%20b/./c") == ["a b", "c"])
        #expect(StaticFiles.segments(of: "/") == [])
        for bad in ["/..", "/../x", "/a/../b", "/%2e%2e/x", "/%2E%2e/x", "/..%2fx", "/a/..%2F..%2Fb", "/x%00", "/a\\b",
                    "/%zz", "/%2", "relative"] {
            #expect(StaticFiles.segments(of: bad) == nil, "\(bad) was accepted")
        }
        // Decoded once: "%252e" is a literal "%2e", not a dot.
        #expect(StaticFiles.segments(of: "/%252e%252e") == ["%2e%2e"])
    }

    @Test func resolvesFilesFoldersAndLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-static-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("a/b/index.html"))
        try Data("y".utf8).write(to: root.appendingPathComponent("a/file.css"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: "/etc")
        let files = StaticFiles(root: root)
        let real = files.root
        #expect(files.resolve(rawPath: "/a/b/") == .file(real + "/a/b/index.html"))
        #expect(files.resolve(rawPath: "/a/b", query: "q=1") == .redirect("/a/b/?q=1"))
        #expect(files.resolve(rawPath: "//a/b") == .redirect("/a/b/"))
        #expect(files.resolve(rawPath: "/a/") == .notFound)
        #expect(files.resolve(rawPath: "/a/file.css") == .file(real + "/a/file.css"))
        #expect(files.resolve(rawPath: "/a/missing") == .notFound)
        #expect(files.resolve(rawPath: "/out/passwd") == .forbidden)
        #expect(files.resolve(rawPath: "/out/") == .forbidden)
        #expect(files.resolve(rawPath: "/../etc/passwd") == .forbidden)
    }

    @Test func mimeTypes() {
        #expect(MIMETypes.type(forPath: "/x/index.html") == "text/html; charset=utf-8")
        #expect(MIMETypes.type(forPath: "/assets/site.css") == "text/css; charset=utf-8")
        #expect(MIMETypes.type(forPath: "/assets/search.js") == "text/javascript; charset=utf-8")
        #expect(MIMETypes.type(forPath: "/search-index.json") == "application/json")
        #expect(MIMETypes.type(forPath: "/a/PHOTO.JPG") == "image/jpeg")
        #expect(MIMETypes.type(forPath: "/img.svg") == "image/svg+xml")
        #expect(MIMETypes.type(forPath: "/_redirects") == "application/octet-stream")
        #expect(MIMETypes.type(forPath: "/a.b/file") == "application/octet-stream")
    }

    @Test func injectionGoesBeforeTheLastBodyTagAndCannotBreakOut() {
        let html = "<html><body><p>x</p></BODY></html>"
        let injected = ReloadScript.inject(into: html, stateJSON: #"{"m":"</script><b>"}"#)
        #expect(injected.hasPrefix("<html><body><p>x</p><script type=\"application/json\""))
        #expect(injected.hasSuffix("</BODY></html>"))
        #expect(!injected.contains("</script><b>"))
        #expect(injected.contains(#"\u003c/script>\u003cb>"#))
        #expect(ReloadScript.inject(into: "no body", stateJSON: "{}").hasPrefix("no body<script"))
    }

    @Test func overlayReportListsErrorsWithLocations() {
        let diagnostics = DiagnosticList([
            .error(.invalidValue, "bad value", at: SourceLocation(file: "Content/articles/a.md", line: 3, column: 7)),
            .warning(.unknownField, "a warning", at: SourceLocation(file: "Content/articles/b.md", line: 1, column: 1)),
        ])
        let report = OverlayReport(failedBuild: diagnostics)
        #expect(report.errors == 1)
        #expect(report.warnings == 1)
        #expect(report.items.map(\.location) == ["Content/articles/a.md:3:7"])
        #expect(!report.json.contains("\n"))
        #expect(report.json.contains(#""location":"Content/articles/a.md:3:7""#))
        #expect(OverlayReport.clear.json == #"{"diagnostics":[],"errors":0,"warnings":0}"#)
    }

    @Test func overlayJSONIsValidWhateverTheMessageHolds() throws {
        let message = "quote \" backslash \\ newline \n tab \t bell \u{7} </script> café — \u{2028}"
        let report = OverlayReport(failedBuild: DiagnosticList([
            .error(.yamlSyntax, message, at: SourceLocation(file: "Content/a b.md", line: 2, column: 5)),
            .error(.missingFile, "no line", at: SourceLocation(file: "Content/site.yml")),
        ]))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let items = try #require(parsed["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["message"] as? String == message)
        #expect(items[0]["location"] as? String == "Content/a b.md:2:5")
        #expect(items[0]["line"] as? Int == 2)
        #expect(items[1]["line"] == nil)
        #expect(parsed["errors"] as? Int == 2)
        #expect(!report.json.contains("\n"))
    }

    /// What the watcher guarantees whatever the load: every save is reported once it has settled, never
    /// more batches than saves, ignored names never start a batch. (The debounce rule itself is
    /// tested with a clock of its own in `DebouncerTests`.)
    @Test(arguments: [FileWatcher.Mode.inotify, .polling(interval: 0.05)])
    func watcherReportsEverySaveAndNoMoreBatchesThanSaves(mode: FileWatcher.Mode) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let batches = BatchLog()
        let watcher = try FileWatcher(roots: [root], mode: mode, debounce: 0.075) { batches.append($0) }
        watcher.start()
        defer { watcher.stop() }

        // Ten saves, each one rename (a single event) from a hidden temporary file the watcher ignores.
        let file = root.appendingPathComponent("sub/page.md")
        for index in 0..<10 {
            let temporary = root.appendingPathComponent("sub/.page.md.tmp")
            try Data("save \(index)".utf8).write(to: temporary)
            #expect(rename(temporary.path, file.path) == 0)
        }
        try await settled(watcher)
        #expect(batches.paths == [file.path])
        #expect(batches.count >= 1 && batches.count <= 10, "\(batches.count) batches for 10 saves")

        // Hidden and backup files are not content: once they are seen, still no batch.
        let before = batches.count
        try Data("x".utf8).write(to: root.appendingPathComponent("sub/.page.md.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("sub/page.md~"))
        try await settled(watcher)
        #expect(batches.count == before)

        // A new folder and a file in it, written at once.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("new"), withIntermediateDirectories: true)
        let inside = root.appendingPathComponent("new/inside.md")
        try Data("x".utf8).write(to: inside)
        try await settled(watcher)
        #expect(batches.paths(after: before).contains(inside.path))
        // Edited later: seen only if the new folder is watched.
        let afterNewFolder = batches.count
        try Data("edited".utf8).write(to: inside)
        try await settled(watcher)
        #expect(batches.paths(after: afterNewFolder).contains(inside.path))

        // Deleted.
        let beforeDelete = batches.count
        try FileManager.default.removeItem(at: file)
        try await settled(watcher)
        #expect(batches.paths(after: beforeDelete).contains(file.path))
    }

    /// A restore or a branch switch can delete the content folder and make it again: the new one
    /// is watched, and so is one that did not exist when the watcher started.
    @Test(arguments: [FileWatcher.Mode.inotify, .polling(interval: 0.05)])
    func aRootDeletedAndMadeAgainIsWatched(mode: FileWatcher.Mode) async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("salve-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        let content = project.appendingPathComponent("Content")
        let seeds = project.appendingPathComponent("seeds")  // missing at start
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: content.appendingPathComponent("articles/a.md"))
        let batches = BatchLog()
        let watcher = try FileWatcher(roots: [content, seeds], mode: mode, debounce: 0.05) { batches.append($0) }
        watcher.start()
        defer { watcher.stop() }

        try FileManager.default.removeItem(at: content)
        try await settled(watcher)
        #expect(batches.paths.contains(content.path))
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let page = content.appendingPathComponent("articles/b.md")
        try Data("first".utf8).write(to: page)
        try await settled(watcher)
        #expect(batches.paths.contains(page.path))
        // Edited later, inside the new folder: seen only if the new folder is watched.
        let before = batches.count
        try Data("second".utf8).write(to: page)
        try await settled(watcher)
        #expect(batches.paths(after: before).contains(page.path))

        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try await settled(watcher)
        let references = seeds.appendingPathComponent("references.json")
        let beforeReferences = batches.count
        try Data("[]".utf8).write(to: references)
        try await settled(watcher)
        #expect(batches.paths(after: beforeReferences).contains(references.path))
    }

    @Test func aStoppedWatcherSettlesAtOnce() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for mode in [FileWatcher.Mode.inotify, .polling(interval: 0.05)] {
            let watcher = try FileWatcher(roots: [root], mode: mode) { _ in }
            try await settled(watcher)  // not started yet
            watcher.start()
            try await settled(watcher)
            watcher.stop()
            try await settled(watcher)
        }
    }
}

/// The debounce rule with times given by the test: no clock, no load, no flakiness.
@Suite struct DebouncerTests {
    static let millisecond: UInt64 = 1_000_000

    @Test func aBurstBecomesOneBatchAfterTheQuietTime() {
        var debouncer = Debouncer(debounce: 0.05)
        #expect(debouncer.due == nil)
        var now: UInt64 = 1_000 * Self.millisecond
        for index in 0..<10 {
            debouncer.add(["/c/page.md", "/c/\(index).tmp"], at: now)
            #expect(debouncer.take(at: now) == nil)
            now += 3 * Self.millisecond
        }
        let last = now - 3 * Self.millisecond
        #expect(debouncer.due == last + 50 * Self.millisecond)
        #expect(debouncer.take(at: last + 49 * Self.millisecond) == nil)
        let batch = debouncer.take(at: last + 50 * Self.millisecond)
        #expect(batch?.paths.count == 11)
        #expect(batch?.firstChangeAt == 1_000 * Self.millisecond)
        #expect(debouncer.due == nil)
        #expect(debouncer.take(at: last + 500 * Self.millisecond) == nil)
    }

    @Test func savesFurtherApartThanTheQuietTimeAreSeparateBatches() {
        var debouncer = Debouncer(debounce: 0.05)
        debouncer.add(["/c/a.md"], at: 0)
        #expect(debouncer.take(at: 60 * Self.millisecond)?.paths == ["/c/a.md"])
        debouncer.add(["/c/b.md"], at: 100 * Self.millisecond)
        #expect(debouncer.take(at: 160 * Self.millisecond)?.paths == ["/c/b.md"])
    }

    @Test func aStreamOfChangesIsStillDeliveredAfterTheMaximumDelay() {
        var debouncer = Debouncer(debounce: 0.05, maximumDelay: 1)
        var now: UInt64 = 0
        var delivered: [FileChangeBatch] = []
        while now <= 2_500 * Self.millisecond {
            debouncer.add(["/c/log.md"], at: now)
            if let batch = debouncer.take(at: now) { delivered.append(batch) }
            now += 10 * Self.millisecond
        }
        #expect(delivered.map(\.deliveredAt) == [1_000 * Self.millisecond, 2_010 * Self.millisecond])
    }

    @Test func nothingAddedIsNothingDue() {
        var debouncer = Debouncer(debounce: 0.05)
        debouncer.add([], at: 5)
        #expect(debouncer.due == nil)
        #expect(debouncer.take(at: UInt64.max) == nil)
    }
}

final class BatchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [FileChangeBatch] = []

    func append(_ batch: FileChangeBatch) { lock.withLock { batches.append(batch) } }
    var count: Int { lock.withLock { batches.count } }
    var last: FileChangeBatch? { lock.withLock { batches.last } }
    var paths: Set<String> { paths(after: 0) }
    /// The paths of the batches after the first `count`.
    func paths(after count: Int) -> Set<String> {
        lock.withLock { batches.dropFirst(count).reduce(into: Set<String>()) { $0.formUnion($1.paths) } }
    }
}
