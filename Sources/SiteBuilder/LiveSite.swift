import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Media
import Templates

/// A site kept up to date in a folder across edits, for the preview server: each rebuild reloads
/// only changed files and re-renders only the pages the change reaches.
///
/// When the content has errors nothing is written, so the folder keeps the last good site.
public final class LiveSite: @unchecked Sendable {
    /// What one rebuild did.
    public struct Update: Sendable {
        public var diagnostics: DiagnosticList
        public var sourceTexts: [String: String]
        /// Output-relative paths written and removed; empty when errors kept the last good site.
        public var writtenFiles: [String]
        public var removedFiles: [String]
        public var renderedEverything: Bool
        /// False when only the edited files were read and checked (the edited-pages-only path).
        public var reloadedEverything = true
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public let options: LoadOptions
    public let output: URL
    private let cache = PageCache()
    private let lock = NSLock()
    private var lastGood: ContentGraph?
    /// The findings of the last successful rebuild, which an edit updates for the edited pages only.
    private var lastDiagnostics = DiagnosticList()
    private var lastTexts: [String: String] = [:]
    private var lastGlobals: String?
    private var files: Set<String> = []
    /// Files changed since the last successful render (a failed rebuild's changes are kept here).
    private var pending: Set<String> = []
    /// The last render's search index and ranking: an edit to one page's own content reads only that
    /// page's words, and leaves every title, hence the ranking, as it was.
    private var lastSearch: SearchIndexBuilder?
    private var lastOrder: SearchOrder?
    /// The search index files as last written: most stay the same after an edit, and are not written again.
    private var lastIndexFiles: [String: [UInt8]] = [:]

    /// - Parameter output: a folder this object owns and fills; it is created if needed.
    public init(options: LoadOptions, output: URL) {
        // Placeholders are checked as files are read, on the edited-pages-only path too.
        self.options = Placeholders.checking(options)
        self.output = output.standardizedFileURL
    }

    /// Reloads and re-renders what changed since the last call (everything on the first call).
    /// - Parameter changedPaths: absolute paths a file watcher saw change, if known; with them, an edit
    ///   to existing pages reads only those files instead of listing and checking every file.
    public func rebuild(changedPaths: Set<String>? = nil) throws -> Update {
        try lock.withLock { try rebuildLocked(changedPaths: changedPaths) }
    }

    private func rebuildLocked(changedPaths: Set<String>?) throws -> Update {
        if let changedPaths {
            if let update = try editedPagesOnly(changedPaths) { return update }
            // The watcher saw these paths change: the full load reads them again even when their
            // stamps match the cache (a same-size save within one clock tick, or one the
            // edited-pages-only attempt already cached), so they count as changed and are rendered.
            cache.invalidate(changedPaths)
        }
        let result = try CheckedContent.load(options, cache: cache, changedPaths: lastGood == nil ? nil : changedPaths)
        pending.formUnion(cache.changedFiles)
        guard !result.diagnostics.hasErrors else {
            return Update(diagnostics: result.diagnostics, sourceTexts: result.sourceTexts, writtenFiles: [],
                          removedFiles: [], renderedEverything: false)
        }
        let graph = result.graph
        let globals = globalsFingerprint(result)
        let everything = lastGood == nil || globals != lastGlobals
        // Pages whose files changed, in the last graph or this one; nil when everything is rendered.
        let changedRefs: Set<PageRef>? = everything ? nil : lastGood.map { previous in
            Set(([previous, graph] as [ContentGraph]).flatMap { g in g.allPages.filter { pending.contains($0.file) }.map(\.ref) })
        }
        var ownContentOnly = false
        if let changedRefs, let previous = lastGood {
            ownContentOnly = AffectedPages.onlyOwnContentChanged(changedRefs, old: previous, new: graph)
        }
        // Only the words of the pages that can show a change are read again; after an edit to a page's
        // own content, the ranking (by title) is the last one.
        let reread = changedRefs.map { changed in
            ownContentOnly ? changed : AffectedPages.searchWords(for: changed, graphs: [lastGood, graph].compactMap { $0 })
        }
        let search = reread.flatMap { lastSearch?.carryingOver(except: $0) } ?? SearchIndexBuilder()
        let order = (ownContentOnly ? lastOrder : nil) ?? SearchOrder(graph: graph)
        let entries = SitePlan.entries(for: graph, search: search, order: order)
        let mediaFiles = try writeMedia(result.media)
        let staticFiles = try writeStatic(besides: Set(entries.map(\.file)).union(mediaFiles))
        let allFiles = Set(entries.map(\.file)).union(mediaFiles).union(staticFiles)
        var selected = entries
        if let changedRefs, let previous = lastGood {
            if ownContentOnly {
                // Nothing another page lists changed (title, summary, dates, links between pages…):
                // the pages themselves, and the pages that embed a changed card, are all that differ.
                let own = AffectedPages.ownFiles(for: changedRefs, in: graph, order: order)
                selected = entries.filter { own.contains($0.file) || !files.contains($0.file) }
            } else {
                let affected = AffectedPages.files(for: changedRefs, graphs: [previous, graph])
                    .union(AffectedPages.fragments(for: changedRefs, order: order, previous: lastOrder))
                // Files that are not one page's own (indexes, search index, sitemap, feed…) can list any page.
                let pageFiles = Set(graph.allPages.map { Route.page($0.ref).outputFile })
                func ownedByOnePage(_ file: String) -> Bool { pageFiles.contains(file) || file.hasPrefix(Search.fragmentFolder) }
                selected = entries.filter { affected.contains($0.file) || !files.contains($0.file) || !ownedByOnePage($0.file) }
            }
        }
        try write(selected)
        lastOrder = order
        let removed = files.subtracting(allFiles).sorted()
        for file in removed {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(file))
            lastIndexFiles[file] = nil
        }
        replaceRetiring(graph: graph, search: search)
        lastGlobals = globals
        lastDiagnostics = result.diagnostics
        lastTexts = result.sourceTexts
        files = allFiles
        pending = []
        return Update(diagnostics: result.diagnostics, sourceTexts: result.sourceTexts,
                      writtenFiles: selected.map(\.file).sorted(), removedFiles: removed, renderedEverything: everything)
    }

    /// The common case while writing: existing pages edited in ways that change nothing another page
    /// shows. Only those files are read, only their own checks run (the rest of the last findings
    /// stand), and only their pages are rendered. Nil when the change needs a full reload.
    private func editedPagesOnly(_ changedPaths: Set<String>) throws -> Update? {
        let contentRoot = options.contentDirectory.path + "/"
        guard let previous = lastGood, pending.isEmpty, changedPaths.allSatisfy({ $0.hasPrefix(contentRoot) }),
              let context = ContentLoader.pageContext(options: options, cache: cache),
              let reloaded = ContentLoader.reloadPages(changedPaths, options: options, site: previous.site, cache: cache)
        else { return nil }
        var updated: [any ContentPage] = []
        var before: [any ContentPage] = []
        for page in reloaded {
            guard let new = page.page, let old = previous.page(new.ref), old.file == new.file,
                  AffectedPages.listing(old) == AffectedPages.listing(new) else {
                pending.formUnion(reloaded.map(\.file))
                return nil
            }
            updated.append(new)
            before.append(old)
        }
        guard let graph = previous.replacing(updated) else {
            pending.formUnion(reloaded.map(\.file))
            return nil
        }
        let (retractions, _) = CheckedContent.loadRetractions(options)
        func ownFindings(_ page: any ContentPage, in graph: ContentGraph) -> [Diagnostic] {
            GraphValidator.validate(page, in: graph, context: context)
                + ContentRules.check(page, in: graph, today: options.today, retractions: retractions)
        }
        var removed: [Diagnostic] = []
        var added: [Diagnostic] = []
        for (index, page) in reloaded.enumerated() {
            removed += page.previousDiagnostics + ownFindings(before[index], in: previous)
            added += page.diagnostics + ownFindings(updated[index], in: graph)
        }
        var diagnostics = lastDiagnostics.removing(removed)
        diagnostics.append(contentsOf: added)
        var texts = lastTexts
        for page in reloaded { texts[page.file] = page.text }
        guard !diagnostics.hasErrors else {
            // Let the full reload report and recover from this; the cache already holds the new files.
            pending.formUnion(reloaded.map(\.file))
            return Update(diagnostics: diagnostics, sourceTexts: texts, writtenFiles: [], removedFiles: [],
                          renderedEverything: false, reloadedEverything: false)
        }
        let changed = Set(updated.map(\.ref))
        let order = lastOrder ?? SearchOrder(graph: graph)
        let own = AffectedPages.ownFiles(for: changed, in: graph, order: order)
        let search = lastSearch?.carryingOver(except: changed) ?? SearchIndexBuilder()
        let selected = SitePlan.entries(for: graph, search: search, order: order).filter { own.contains($0.file) }
        try write(selected)
        lastOrder = order
        replaceRetiring(graph: graph, search: search)
        lastDiagnostics = diagnostics
        lastTexts = texts
        return Update(diagnostics: diagnostics, sourceTexts: texts, writtenFiles: selected.map(\.file).sorted(),
                      removedFiles: [], renderedEverything: false, reloadedEverything: false)
    }

    /// Settings (with the files site.yml names: custom CSS, head and body-end HTML), the bibliography,
    /// the synonym list and the media files reach every page: when they change, everything is rendered
    /// (a replaced image changes its size and variant names wherever it is shown).
    private func globalsFingerprint(_ result: LoadResult) -> String {
        let site = options.contentDirectory.appendingPathComponent("site.yml")
        let references = options.seedsDirectory.appendingPathComponent("references.json")
        let synonyms = options.seedsDirectory.appendingPathComponent("synonyms.yml")
        let paths = ProjectPaths(displayRoot: options.displayRoot)
        // Every page's header and footer show the menus, so a change to a menu entry changes every page;
        // so do the files site.yml names (custom CSS, head and body-end HTML).
        let menus = result.graph.plainPages.filter { !$0.menus.isEmpty }.map { page in
            ([page.slug.rawValue, page.title, String(page.weight), "\(page.draft)"] + page.menus.map(\.rawValue)).joined(separator: " ")
        }
        let siteFiles = result.graph.site.files.map { $0.file + "\u{0}" + $0.text }
        let texts = [site, references, synonyms].map { result.sourceTexts[paths.display($0)] ?? "" }
        let media = result.media.plans.map { "\($0.original.publishedPath) \($0.hash)" }
            + result.media.copies.map { "\($0.sitePath) \(MediaFiles.size(at: $0.source) ?? -1)" }
        return (texts + menus + siteFiles + [media.sorted().joined(separator: "\n")]).joined(separator: "\u{0}")
    }

    /// Copies `Content/static/` (a file colliding with a generated one is left out: `salve build`
    /// reports it) and returns the paths written.
    private func writeStatic(besides generated: Set<String>) throws -> [String] {
        var written: [String] = []
        for file in StaticFolder.files(in: options.contentDirectory, displayRoot: options.displayRoot)
        where !generated.contains(file.sitePath) {
            let path = output.appendingPathComponent(file.sitePath).path
            guard let data = FileManager.default.contents(atPath: file.source) else { continue }
            do throws(FileOutput.Failure) {
                try FileOutput.makeDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
                try FileOutput.writeReplacing([UInt8](data), at: path)
            } catch {
                throw OutputFailure(description: "could not write '\(file.sitePath)': \(error.reason)")
            }
            written.append(file.sitePath)
        }
        return written
    }

    /// Writes the media files (variants from the cache, made when missing) and returns their paths.
    /// A variant's name changes with its content, so one already written is left alone; the stable
    /// URLs and the copied files are written again.
    private func writeMedia(_ media: MediaSet) throws -> [String] {
        let work = ImageProcessor.produce(media.plans, cache: MediaCache(projectRoot: options.displayRoot.path))
        if let failure = work.failures.first {
            throw OutputFailure(description: "the image '\(failure.source)' could not be published: \(failure.failure.description)")
        }
        let hashed = Set(media.plans.flatMap { $0.webp + $0.fallback }.map(\.publishedPath))
        var written: [String] = []
        for file in work.files + media.copies.map({ (publishedPath: $0.sitePath, cachePath: $0.source) }) {
            written.append(file.publishedPath)
            let path = output.appendingPathComponent(file.publishedPath).path
            if hashed.contains(file.publishedPath) && files.contains(file.publishedPath) { continue }
            guard let data = FileManager.default.contents(atPath: file.cachePath) else {
                throw OutputFailure(description: "could not read '\(file.cachePath)' to publish it as '\(file.publishedPath)'")
            }
            do throws(FileOutput.Failure) {
                try FileOutput.makeDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
                try FileOutput.writeReplacing([UInt8](data), at: path)
            } catch {
                throw OutputFailure(description: "could not write '\(file.publishedPath)': \(error.reason)")
            }
        }
        return written
    }

    private func write(_ entries: [SitePlan.Entry]) throws {
        let failures = FirstFailure<any Error>()
        let previousIndex = lastIndexFiles
        let index = Locked<[String: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: entries.count) { position in
            let entry = entries[position]
            let path = output.appendingPathComponent(entry.file).path
            let bytes = entry.render()
            if Self.isSearchIndexFile(entry.file) {
                index.withLock { $0[entry.file] = bytes }
                // Creating a file is the slow part of an edit on a large site: an unchanged one is left.
                if previousIndex[entry.file] == bytes { return }
            }
            do throws(FileOutput.Failure) {
                try FileOutput.makeDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
                // Replaced by rename, so the server never serves half a page; no fsync: the folder is temporary.
                try FileOutput.writeReplacing(bytes, at: path)
            } catch {
                failures.record(error)
            }
        }
        if let error = failures.first {
            lastIndexFiles = [:]
            throw error
        }
        lastIndexFiles.merge(index.withLock { $0 }) { $1 }
    }

    /// Keeps this render's graph and index, and frees the last render's on another thread: tens of
    /// thousands of objects on a large site, freed one at a time, would delay the reload the writer
    /// is waiting for.
    private func replaceRetiring(graph: ContentGraph, search: SearchIndexBuilder) {
        let retired = Retired(graph: lastGood, search: lastSearch)
        lastGood = graph
        lastSearch = search
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(retired) {} }
    }

    private struct Retired: @unchecked Sendable {
        var graph: ContentGraph?
        var search: SearchIndexBuilder?
    }

    /// The search index's vocabulary and postings files (not the fragments, one per page).
    private static func isSearchIndexFile(_ file: String) -> Bool {
        file.hasPrefix("search/") && !file.hasPrefix(Search.fragmentFolder) && !file.hasSuffix(".html")
    }
}
