import Foundation
@testable import Preview
import Testing

/// Editing content while the preview runs: reload events, the error overlay, and the ways editors save.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct LiveReloadTests {
    @Test func editingAnArticleReloadsThePageWithTheNewText() async throws {
        try await withPreview { site, session, port in
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("ORIGINAL-TEXT"))
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            let initial = try #require(await events.next(named: "diagnostics"))
            #expect(initial.data.contains("\"diagnostics\":[]"))

            try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "EDITED-TEXT"))
            let reload = try #require(await events.next(named: "reload"), "no reload event after an edit")
            #expect(reload.data.contains("\"version\""))
            let page = try await HTTP.get("/articles/walking/", port: port)
            #expect(page.text.contains("EDITED-TEXT"))
            #expect(!page.text.contains("ORIGINAL-TEXT"))

            // Only the pages the change reaches were rendered again, not the whole site.
            let last = try #require(session.rebuilds.last)
            #expect(last.succeeded)
            #expect(last.writtenFiles.contains("articles/walking/index.html"))
            #expect(!last.writtenFiles.contains("articles/sleeping/index.html"))

            #expect(last.notifyMilliseconds >= 0)
        }
    }

    @Test func addingDeletingRenamingAndNewFolders() async throws {
        try await withPreview { site, _, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)

            // A new file.
            try site.write("Content/articles/stretching.md", FixtureSite.article(title: "Stretching for back pain", text: "NEW-PAGE"))
            #expect(await events.next(named: "reload") != nil, "no reload after adding a file")
            #expect(try await HTTP.get("/articles/stretching/", port: port).text.contains("NEW-PAGE"))
            #expect(try await HTTP.get("/articles/", port: port).text.contains("Stretching for back pain"))

            // Write a temporary file, then rename it over the page (vim, VS Code, many others).
            try site.writeThenRename("Content/articles/stretching.md", FixtureSite.article(title: "Stretching for back pain", text: "RENAMED-IN"))
            #expect(await events.next(named: "reload") != nil, "no reload after write-then-rename")
            #expect(try await HTTP.get("/articles/stretching/", port: port).text.contains("RENAMED-IN"))

            // Renaming a page moves it.
            try FileManager.default.moveItem(at: site.url("Content/articles/stretching.md"), to: site.url("Content/articles/stretches.md"))
            #expect(await events.next(named: "reload") != nil, "no reload after a rename")
            #expect(try await HTTP.get("/articles/stretches/", port: port).status == 200)
            #expect(try await HTTP.get("/articles/stretching/", port: port).status == 404)

            // A deleted file's page goes.
            try site.remove("Content/articles/stretches.md")
            #expect(await events.next(named: "reload") != nil, "no reload after a delete")
            #expect(try await HTTP.get("/articles/stretches/", port: port).status == 404)
            #expect(!(try await HTTP.get("/articles/", port: port).text.contains("Stretching for back pain")))

            // A new folder is watched as soon as it appears: a file saved in it later is seen.
            try FileManager.default.createDirectory(at: site.url("Content/articles/2026"), withIntermediateDirectories: true)
            _ = await events.next(named: "reload", timeout: 1)
            try site.write("Content/articles/2026/posture.md", FixtureSite.article(title: "Posture at work", text: "IN-NEW-FOLDER"))
            #expect(await events.next(named: "reload") != nil, "no reload after a file in a new folder")
            #expect(try await HTTP.get("/articles/posture/", port: port).text.contains("IN-NEW-FOLDER"))
            try site.write("Content/articles/2026/posture.md", FixtureSite.article(title: "Posture at work", text: "EDITED-IN-NEW-FOLDER"))
            #expect(await events.next(named: "reload") != nil, "no reload after editing a file in a new folder")
            #expect(try await HTTP.get("/articles/posture/", port: port).text.contains("EDITED-IN-NEW-FOLDER"))

            // A folder moved in with a file already inside.
            let outside = site.url("elsewhere/pages")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data(FixtureSite.article(title: "Lifting safely", text: "MOVED-FOLDER").utf8)
                .write(to: outside.appendingPathComponent("lifting.md"))
            try FileManager.default.moveItem(at: outside, to: site.url("Content/articles/moved"))
            #expect(await events.next(named: "reload") != nil, "no reload after moving a folder in")
            #expect(try await HTTP.get("/articles/lifting/", port: port).text.contains("MOVED-FOLDER"))
        }
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            let before = session.rebuilds.count
            for save in 1...10 {
                try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "SAVE-\(save)-END"))
                await pause(0.005)
            }
            #expect(await events.next(named: "reload") != nil)
            // Let any straggling rebuild finish, then count.
            _ = await events.next(named: "reload", timeout: 0.6)
            let rebuilds = session.rebuilds.count - before
            #expect(rebuilds >= 1 && rebuilds <= 3, "10 saves in a burst gave \(rebuilds) rebuilds")
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("SAVE-10-END"))
        }
    }

    @Test func contentErrorsShowAnOverlayOverTheLastGoodSite() async throws {
        try await withPreview { site, session, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            #expect(await events.next(named: "diagnostics")?.data.contains("\"diagnostics\":[]") == true)

            // Invalid YAML: an unclosed flow sequence.
            try site.write("Content/articles/walking.md", """
                ---
                title: Walking with back pain
                summary: Short walks help.
                conditions: [back-pain
                review: pending
                published: 2025-06-01
                ---
                BROKEN-TEXT

                """)
            let report = try #require(await events.next(named: "diagnostics"), "no diagnostics event for a broken file")
            #expect(report.data.range(of: #"Content/articles/walking\.md:\d+:\d+"#, options: .regularExpression) != nil,
                    "the overlay lacks file:line:col: \(report.data)")
            #expect(report.data.contains("\"severity\":\"error\""))
            #expect(report.data.contains("yaml-syntax"))

            // The last good page is still served, with the overlay's data injected.
            let page = try await HTTP.get("/articles/walking/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("ORIGINAL-TEXT"))
            #expect(!page.text.contains("BROKEN-TEXT"))
            let state = try #require(injectedState(page.text))
            #expect(state.contains("Content/articles/walking.md:"))
            #expect(state.contains("\"errors\":1"))
            #expect(session.rebuilds.last?.succeeded == false)

            // A page opened now gets the errors as its first diagnostics event.
            let late = try await EventStreamClient.open(port: port)
            #expect(await late.next(named: "diagnostics")?.data.contains("Content/articles/walking.md:") == true)

            // Fixed: the overlay clears and the pages reload with the new text.
            try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "FIXED-TEXT"))
            let cleared = try #require(await events.next(named: "diagnostics"), "no clearing diagnostics event")
            #expect(cleared.data.contains("\"diagnostics\":[]"))
            #expect(await events.next(named: "reload") != nil, "no reload after the fix")
            let fixed = try await HTTP.get("/articles/walking/", port: port)
            #expect(fixed.text.contains("FIXED-TEXT"))
            #expect(injectedState(fixed.text)?.contains("\"diagnostics\":[]") == true)
        }
    }

    @Test func aBrokenSiteAtStartStillServesAndShowsWhy() async throws {
        try await withPreview(prepare: { site in
            try site.write("Content/articles/walking.md", "---\ntitle: [broken\n---\nText\n")
        }) { site, _, port in
            let page = try await HTTP.get("/", port: port)
            #expect(page.status == 404)
            #expect(injectedState(page.text)?.contains("Content/articles/walking.md:") == true)
            let events = try await EventStreamClient.open(port: port)
            try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "NOW-GOOD"))
            #expect(await events.next(named: "reload") != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("NOW-GOOD"))
        }
    }

    @Test func thePollingFallbackSeesChangesToo() async throws {
        try await withPreview(watchMode: .polling(interval: 0.1)) { site, session, port in
            #expect(session.watchMechanism == "polling")
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            try site.writeThenRename("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "POLLED-TEXT"))
            #expect(await events.next(named: "reload") != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("POLLED-TEXT"))
            try site.write("Content/articles/2026/new.md", FixtureSite.article(title: "New", text: "POLLED-NEW"))
            #expect(await events.next(named: "reload") != nil)
            #expect(try await HTTP.get("/articles/new/", port: port).text.contains("POLLED-NEW"))
        }
    }

    @Test func referencesChangesRebuildToo() async throws {
        try await withPreview { site, _, port in
            let events = try await EventStreamClient.open(port: port)
            #expect(await events.next(named: "hello") != nil)
            try site.write("seeds/references.json", """
                [{"id": "smith2020", "type": "book", "author": [{"family": "Smith", "given": "Ann"}],
                  "title": "Living Well with Back Pain", "publisher": "Example Press", "issued": {"date-parts": [[2020]]}}]
                """)
            #expect(await events.next(named: "reload") != nil)
            #expect(try await HTTP.get("/articles/walking/", port: port).text.contains("Living Well with Back Pain"))
        }
    }
}
