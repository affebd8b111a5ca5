#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Preview
import SiteBuilder
import Testing

/// The ways editors save a page, and what a rebuild told about them must serve.
///
/// Each save style ends with the new text on disk; the rebuild given the paths the watcher reports
/// for it must serve that text, whatever the temporary file is called and wherever it sorts.
enum SaveStyle: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inPlace
    /// vim-like: a hidden temporary name, which the watcher ignores.
    case renameHiddenTemporary
    /// `sed -i`: `sedXXXXXX` in the same folder, sorting before `walking.md`.
    case renameSedTemporary
    /// A plain name sorting before the page.
    case renameTemporaryBefore
    /// JetBrains' safe write: `walking.md___jb_tmp___` (sorts after the page), the page moved to
    /// `walking.md___jb_old___`, the temporary renamed over it, the old copy deleted.
    case jetBrainsSafeWrite
    /// `mv zz-tmp walking.md`: a plain name sorting after the page.
    case renameTemporaryAfter
    /// `mv /elsewhere/tmp walking.md`: only the page's path is reported.
    case renameFromOutside
    case deleteThenRecreate

    var testDescription: String { rawValue }

    /// Saves `text` to `path` (relative to the fixture's root) this way; returns every absolute path
    /// touched, as a watcher would report them.
    @discardableResult
    func save(_ text: String, to path: String, in site: FixtureSite) throws -> Set<String> {
        let page = site.url(path).standardizedFileURL
        let folder = page.deletingLastPathComponent()
        func sibling(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func renameOver(_ temporary: URL) throws -> Set<String> {
            try Data(text.utf8).write(to: temporary)
            try move(temporary, page)
            return [temporary.path, page.path]
        }
        switch self {
        case .inPlace:
            try Data(text.utf8).write(to: page)
            return [page.path]
        case .renameHiddenTemporary:
            return try renameOver(sibling(".\(page.lastPathComponent).swp"))
        case .renameSedTemporary:
            return try renameOver(sibling("sedA1b2C3"))
        case .renameTemporaryBefore:
            return try renameOver(sibling("aa-tmp"))
        case .renameTemporaryAfter:
            return try renameOver(sibling("zz-tmp"))
        case .jetBrainsSafeWrite:
            let temporary = sibling(page.lastPathComponent + "___jb_tmp___")
            let old = sibling(page.lastPathComponent + "___jb_old___")
            try Data(text.utf8).write(to: temporary)
            try move(page, old)
            try move(temporary, page)
            try FileManager.default.removeItem(at: old)
            return [temporary.path, old.path, page.path]
        case .renameFromOutside:
            let outside = site.url("outside-\(UUID().uuidString.prefix(6)).tmp")
            try Data(text.utf8).write(to: outside)
            try move(outside, page)
            return [page.path]
        case .deleteThenRecreate:
            try FileManager.default.removeItem(at: page)
            try Data(text.utf8).write(to: page)
            return [page.path]
        }
    }

    private func move(_ from: URL, _ to: URL) throws {
        guard rename(from.path, to.path) == 0 else { throw TestFailure("rename \(from.path) failed: errno \(errno)") }
    }
}

/// `LiveSite` told exactly which paths changed, with no watcher or timing involved.
@Suite(.timeLimit(.minutes(1)))
struct LiveSiteSaveStyleTests {
    @Test(arguments: SaveStyle.allCases)
    func everySaveStyleServesTheSavedText(style: SaveStyle) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)
        let served = site.url("Live/articles/walking/index.html")
        // Several saves in a row: the second and later ones go through caches the first one filled.
        for round in 1...3 {
            let text = FixtureSite.article(title: "Walking with back pain", text: "SAVED-\(round)-\(style.rawValue)")
            let paths = try style.save(text, to: "Content/articles/walking.md", in: site)
            let update = try live.rebuild(changedPaths: paths)
            #expect(update.succeeded, "\(style) round \(round): \(update.diagnostics.all)")
            #expect(update.writtenFiles.contains("articles/walking/index.html"),
                    "\(style) round \(round): the page was not rendered again (\(update.writtenFiles))")
            let html = try String(contentsOf: served, encoding: .utf8)
            #expect(html.contains("SAVED-\(round)-\(style.rawValue)"), "\(style) round \(round): a stale page is served")
        }
    }

    /// A file can change without its modification time or size changing (two saves within one tick of
    /// the file system's clock, or a tool that keeps the time). The watcher still reports its path,
    /// and a rebuild that has to reload everything must read it again rather than trust the cache.
    @Test func aReportedPathIsReadAgainEvenWithTheSameTimeAndSize() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let live = LiveSite(options: site.loadOptions, output: site.url("Live"))
        #expect(try live.rebuild().succeeded)
        let page = site.url("Content/articles/walking.md").standardizedFileURL
        var before = stat()
        #expect(stat(page.path, &before) == 0)
        // Same length as "ORIGINAL-TEXT".
        try site.write("Content/articles/walking.md", FixtureSite.article(title: "Walking with back pain", text: "CHANGED-TEXTS"))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        // A seeds file in the same batch takes the rebuild off the edited-pages-only path.
        let unrelated = site.url("seeds/notes.txt").standardizedFileURL
        try Data("x".utf8).write(to: unrelated)
        let update = try live.rebuild(changedPaths: [page.path, unrelated.path])
        #expect(update.succeeded)
        let html = try String(contentsOf: site.url("Live/articles/walking/index.html"), encoding: .utf8)
        #expect(html.contains("CHANGED-TEXTS"), "the cache's stale copy was served")
    }
}
