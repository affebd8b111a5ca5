import Foundation
@testable import Preview
import Testing

/// Editing content while the preview runs: reload events, the error overlay, and the ways editors save.
///
/// Every step waits for the rebuild of its own change (``settled(_:within:)``: the watcher has handed
/// over everything written so far and the rebuild queue has run it), then for the reload event of
/// that generation — never for "the next event", which may belong to an earlier change, and never
/// for a pause to pass.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LiveReloadTests {
    static let walking = "Content/articles/walking.md"

    @Test func editingAnArticleReloadsThePageWithTheNewText() async throws {
        try await withPreview { site, session, port in
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("ORIGINAL-TEXT"))
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            let initial = try #require(await events.next(named: "diagnostics"))
            #expect(initial.data.contains("\"diagnostics\":[]"))

            let before = session.generation
            try site.write(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "EDITED-TEXT"))
            let reached = try await settled(session)
            #expect(reached > before)
            let reload = try #require(await events.reload(generation: reached), "no reload event for the edit")
            #expect(reload.data.contains("\"version\""))
            let page = try await HTTP.get("/articles/walking/", port: port)
            #expect(page.text.contains("EDITED-TEXT"))
            #expect(!page.text.contains("ORIGINAL-TEXT"))

            // Only the pages the change reaches were rendered again, not the whole site.
            let last = try #require(session.rebuilds.last)
            #expect(last.generation == reached)
            #expect(last.succeeded)
            let written = Set(session.rebuilds.filter { $0.generation > before }.flatMap(\.writtenFiles))
            #expect(written.contains("articles/walking/index.html"))
            #expect(!written.contains("articles/sleeping/index.html"))
            #expect(last.notifyMilliseconds >= 0)
        }
    }

    /// Every way of saving ends with the saved text served, several saves in a row, wherever the
    /// editor's temporary file sorts. (Before the fix, a temporary name sorting after the page lost
    /// the save: "rebuilt 0 pages" and the old page stayed.)
    @Test(arguments: SaveStyle.allCases)
    func everySaveStyleIsServed(style: SaveStyle) async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            for round in 1...3 {
                let marker = "SAVED-\(round)-\(style.rawValue)"
                let before = session.generation
                try style.save(FixtureSite.article(title: "Walking with back pain", text: marker), to: Self.walking, in: site)
                let reached = try await settled(session)
                #expect(reached > before, "\(style) round \(round): no rebuild")
                #expect(await events.reload(generation: reached) != nil, "\(style) round \(round): no reload for the save")
                let page = try await HTTP.get("/articles/walking/", port: port)
                #expect(page.text.contains(marker), "\(style) round \(round): a stale page is served")
                let written = session.rebuilds.filter { $0.generation > before }.flatMap(\.writtenFiles)
                #expect(written.contains("articles/walking/index.html"), "\(style) round \(round): the page was never rendered")
            }
        }
    }

    @Test func addingDeletingRenamingAndNewFolders() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)

            // A new file.
            try site.write("Content/articles/stretching.md", FixtureSite.article(title: "Stretching for back pain", text: "NEW-PAGE"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after adding a file")
            #expect(try await HTTP.get("/articles/stretching/", port: port).text.contains("NEW-PAGE"))
            #expect(try await HTTP.get("/articles/", port: port).text.contains("Stretching for back pain"))

            // Write a temporary file, then rename it over the page (vim, VS Code, many others).
            try site.writeThenRename("Content/articles/stretching.md", FixtureSite.article(title: "Stretching for back pain", text: "RENAMED-IN"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after write-then-rename")
            #expect(try await HTTP.get("/articles/stretching/", port: port).text.contains("RENAMED-IN"))

            // Renaming a page moves it.
            try FileManager.default.moveItem(at: site.url("Content/articles/stretching.md"), to: site.url("Content/articles/stretches.md"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after a rename")
            #expect(try await HTTP.get("/articles/stretches/", port: port).status == 200)
            #expect(try await HTTP.get("/articles/stretching/", port: port).status == 404)

            // A deleted file's page goes.
            try site.remove("Content/articles/stretches.md")
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after a delete")
            #expect(try await HTTP.get("/articles/stretches/", port: port).status == 404)
            #expect(!(try await HTTP.get("/articles/", port: port).text.contains("Stretching for back pain")))

            // A new folder is watched as soon as it appears: a file saved in it later is seen.
            try FileManager.default.createDirectory(at: site.url("Content/articles/2026"), withIntermediateDirectories: true)
            try await settled(session)
            try site.write("Content/articles/2026/posture.md", FixtureSite.article(title: "Posture at work", text: "IN-NEW-FOLDER"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after a file in a new folder")
            #expect(try await HTTP.get("/articles/posture/", port: port).text.contains("IN-NEW-FOLDER"))
            try site.write("Content/articles/2026/posture.md", FixtureSite.article(title: "Posture at work", text: "EDITED-IN-NEW-FOLDER"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after editing a file in a new folder")
            #expect(try await HTTP.get("/articles/posture/", port: port).text.contains("EDITED-IN-NEW-FOLDER"))

            // A folder moved in with a file already inside.
            let outside = site.url("elsewhere/pages")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data(FixtureSite.article(title: "Lifting safely", text: "MOVED-FOLDER").utf8)
                .write(to: outside.appendingPathComponent("lifting.md"))
            try FileManager.default.moveItem(at: outside, to: site.url("Content/articles/moved"))
            #expect(await events.reload(generation: try await settled(session)) != nil, "no reload after moving a folder in")
            #expect(try await HTTP.get("/articles/lifting/", port: port).text.contains("MOVED-FOLDER"))
        }
    }

    /// A burst of saves: whatever the machine's load does to their spacing, the last one is served and
    /// there is never more than one rebuild per save (how a burst coalesces into one batch is
    /// `DebouncerTests`' business, with a clock of its own).
    @Test func aBurstOfSavesEndsWithTheLastServed() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            let before = session.generation
            for save in 1...10 {
                // Each save is one rename, one event the watcher reports: so at most one batch per save.
                try site.writeThenRename(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "SAVE-\(save)-END"))
            }
            let reached = try await settled(session)
            let rebuilds = reached - before
            #expect(rebuilds >= 1 && rebuilds <= 10, "10 saves gave \(rebuilds) rebuilds")
            #expect(await events.reload(generation: reached) != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("SAVE-10-END"))
        }
    }

    @Test func contentErrorsShowAnOverlayOverTheLastGoodSite() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            #expect(await events.next(named: "diagnostics")?.data.contains("\"diagnostics\":[]") == true)

            // Invalid YAML: an unclosed flow sequence.
            let before = session.generation
            try site.write(Self.walking, """
                ---
                title: Walking with back pain
                summary: Short walks help.
                conditions: [back-pain
                review: pending
                published: 2025-06-01
                ---
                BROKEN-TEXT

                """)
            #expect(try await settled(session) > before)
            #expect(session.rebuilds.last?.succeeded == false)
            let report = try #require(await events.next(named: "diagnostics") { $0.data.contains("yaml-syntax") },
                                      "no diagnostics event for a broken file")
            #expect(report.data.range(of: #"Content/articles/walking\.md:\d+:\d+"#, options: .regularExpression) != nil,
                    "the overlay lacks file:line:col: \(report.data)")
            #expect(report.data.contains("\"severity\":\"error\""))

            // The last good page is still served, with the overlay's data injected.
            let page = try await HTTP.get("/articles/walking/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("ORIGINAL-TEXT"))
            #expect(!page.text.contains("BROKEN-TEXT"))
            let state = try #require(injectedState(page.text))
            #expect(state.contains("Content/articles/walking.md:"))
            #expect(state.contains("\"errors\":1"))

            // A page opened now gets the errors as its first diagnostics event.
            let late = try await EventStreamClient.open(port: port)
            #expect(await late.next(named: "diagnostics")?.data.contains("Content/articles/walking.md:") == true)

            // Fixed: the overlay clears and the pages reload with the new text.
            try site.write(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "FIXED-TEXT"))
            let fixedAt = try await settled(session)
            #expect(session.rebuilds.last?.succeeded == true)
            #expect(await events.next(named: "diagnostics") { $0.data.contains("\"diagnostics\":[]") } != nil,
                    "no clearing diagnostics event")
            #expect(await events.reload(generation: fixedAt) != nil, "no reload after the fix")
            let fixed = try await HTTP.get("/articles/walking/", port: port)
            #expect(fixed.text.contains("FIXED-TEXT"))
            #expect(injectedState(fixed.text)?.contains("\"diagnostics\":[]") == true)
        }
    }

    @Test func aBrokenSiteAtStartStillServesAndShowsWhy() async throws {
        try await withPreview(prepare: { site in
            try site.write(Self.walking, "---\ntitle: [broken\n---\nText\n")
        }) { site, session, port in
            let page = try await HTTP.get("/", port: port)
            #expect(page.status == 404)
            #expect(injectedState(page.text)?.contains("Content/articles/walking.md:") == true)
            let events = try await EventStreamClient.open(port: port)
            try site.write(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "NOW-GOOD"))
            #expect(await events.reload(generation: try await settled(session)) != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("NOW-GOOD"))
        }
    }

    @Test func thePollingFallbackSeesChangesToo() async throws {
        try await withPreview(watchMode: .polling(interval: 0.1)) { site, session, port in
            #expect(session.watchMechanism == "polling")
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            try site.writeThenRename(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "POLLED-TEXT"))
            #expect(await events.reload(generation: try await settled(session)) != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("POLLED-TEXT"))
            try site.write("Content/articles/2026/new.md", FixtureSite.article(title: "New", text: "POLLED-NEW"))
            #expect(await events.reload(generation: try await settled(session)) != nil)
            #expect(try await HTTP.get("/articles/new/", port: port).text.contains("POLLED-NEW"))
        }
    }

    @Test func referencesChangesRebuildToo() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            try site.write("seeds/references.json", """
                [{"id": "smith2020", "type": "book", "author": [{"family": "Smith", "given": "Ann"}],
                  "title": "Living Well with Back Pain", "publisher": "Example Press", "issued": {"date-parts": [[2020]]}}]
                """)
            #expect(await events.reload(generation: try await settled(session)) != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("Living Well with Back Pain"))
        }
    }

    /// Nothing changed: settling returns at once with the generation unchanged, and records say which
    /// generation they reached.
    @Test func settlingWithNoChangeKeepsTheGeneration() async throws {
        try await withPreview { site, session, _ in
            #expect(session.generation == 0)
            #expect(session.rebuilds.map(\.generation) == [0])
            #expect(try await settled(session) == 0)
            try site.writeThenRename(Self.walking, FixtureSite.article(title: "Walking with back pain", text: "ONE"))
            let first = try await settled(session)
            #expect(first >= 1)
            #expect(try await settled(session) == first)
            #expect(session.rebuilds.map(\.generation) == Array(0...first))
        }
    }
}
