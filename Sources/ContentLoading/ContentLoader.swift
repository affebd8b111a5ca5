import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Media

/// load → parse → link: reads `Content/` and `seeds/` into a validated ``ContentGraph``.
public enum ContentLoader {
    /// Loads the whole site: ``ContentLoad``'s stages in one go.
    /// - Parameters:
    ///   - cache: reuse pages whose files have not changed since the last load with this cache.
    ///   - changedPaths: absolute paths a file watcher saw change since that load. When they are all
    ///     existing page files the last load already knew, nothing else is listed or looked at.
    public static func load(_ options: LoadOptions, cache: PageCache? = nil, changedPaths: Set<String>? = nil)
        throws(LoadFailure) -> LoadResult {
        let load = try ContentLoad(options, cache: cache, changedPaths: changedPaths)
        load.loadPages(of: Set(ContentKind.allCases))
        return load.finish()
    }

    /// The files under `Content/media/`: absolute path, path in the site, path for diagnostics.
    static func mediaFiles(_ content: URL, _ paths: ProjectPaths) -> [(source: String, sitePath: String, display: String)] {
        let root = content.standardizedFileURL.path
        return FileDiscovery.contentFiles(under: root + "/media").files.sorted().map { path in
            (path, String(path.dropFirst(root.count + 1)), paths.display(standardizedPath: path))
        }
    }

    /// Media the site itself uses rather than a page (none yet: the favicon and logo will be).
    /// The favicon and logo are used by every page.
    static func isSiteFile(_ path: String, site: SiteConfig) -> Bool {
        path == site.favicon?.contentPath || path == site.logo?.contentPath
    }

    static func makeGraph(_ pages: [any ContentPage], site: SiteConfig, bibliography: Bibliography,
                                  sourceRecords: [SourceRecord], synonyms: SearchSynonyms, media: MediaLibrary = .empty) -> ContentGraph {
        ContentGraph(site: site, pages: pages, bibliography: bibliography, sourceRecords: sourceRecords,
                     searchSynonyms: synonyms, media: media)
    }

    /// Whether `seeds/references.json` could be used.
    enum BibliographyState: Equatable {
        case loaded
        /// There is no such file.
        case missing(file: String)
        /// The file as a whole could not be read or parsed; the diagnostic says why.
        case failed(cause: Diagnostic)
    }

    /// `seeds/references.json`, when there is one, and what is wrong with it.
    static func loadBibliography(_ options: LoadOptions, _ paths: ProjectPaths,
                                         texts: inout [String: String])
        -> (Bibliography, [Diagnostic], BibliographyState, failedEntries: [CitationKey: Diagnostic]) {
        let referencesURL = options.seedsDirectory.appendingPathComponent("references.json")
        let referencesFile = paths.display(referencesURL)
        let bytes: [UInt8]
        switch FileBytes.read(referencesURL.path, limit: FileBytes.Limit.bibliography) {
        case .success(let read): bytes = read
        case .failure(.missing): return (Bibliography(), [], .missing(file: referencesFile), [:])
        case .failure(let failure):
            let cause = failure.diagnostic(file: referencesFile)
            return (Bibliography(), [cause], .failed(cause: cause), [:])
        }
        switch SourceText.decode(bytes: bytes, file: referencesFile) {
        case .success(let text):
            texts[referencesFile] = text
            let (bibliography, findings, failed) = BibliographyLoader.loadEntries(text, file: referencesFile)
            // No entries and an error: the file as a whole failed (not JSON, not a list).
            if bibliography.entries.isEmpty, failed.isEmpty, let cause = findings.first(where: { $0.severity == .error }) {
                return (bibliography, findings, .failed(cause: cause), [:])
            }
            return (bibliography, findings, .loaded, failed)
        case .failure(let diagnostic):
            return (Bibliography(), [diagnostic], .failed(cause: diagnostic), [:])
        }
    }

    /// Marks the diagnostics that caused references elsewhere to go unchecked, and says on each how
    /// many were not checked; names a missing bibliography that pages cite.
    static func markCauses(_ diagnostics: DiagnosticList, failedPages: [PageRef: Diagnostic],
                                   bibliography: BibliographyState, failedEntries: [CitationKey: Diagnostic],
                                   unchecked: GraphValidator.Unchecked) -> DiagnosticList {
        var notes: [Diagnostic: String] = [:]
        for (ref, count) in unchecked.pages {
            guard let cause = failedPages[ref] else { continue }
            let references = count == 1 ? "1 reference" : "\(count) references"
            notes[cause] = "\(references) to this page in other files \(count == 1 ? "was" : "were") not checked"
        }
        for (key, count) in unchecked.entries {
            guard let cause = failedEntries[key] else { continue }
            notes[cause] = "\(count == 1 ? "1 citation" : "\(count) citations") of it \(count == 1 ? "was" : "were") not checked"
        }
        let citations = unchecked.citations == 1 ? "1 citation was" : "\(unchecked.citations) citations were"
        var all = diagnostics.all
        switch bibliography {
        case .loaded:
            break
        case .missing(let file):
            if unchecked.citations > 0 {
                var cause = Diagnostic.error(.missingFile, "'\(file)' does not exist, so pages' citations cannot be looked up; \(citations) not checked",
                                             at: SourceLocation(file: file, line: 1, column: 1))
                cause.isCause = true
                all.append(cause)
            }
        case .failed(let cause):
            if unchecked.citations > 0 {
                notes[cause] = "the bibliography could not be loaded, so \(citations) not checked"
            }
        }
        guard !notes.isEmpty else { return DiagnosticList(all) }
        for index in all.indices {
            guard let note = notes.removeValue(forKey: all[index]) else { continue }
            all[index].message += "; \(note)"
            all[index].isCause = true
        }
        return DiagnosticList(all)
    }

    /// Loads one page file on its own, as `salve render` does, with the site's settings.
    public static func loadPage(text: String, kind: ContentKind, slug: Slug, file: String, folder: [String],
                                site: SiteConfig) -> (page: (any ContentPage)?, diagnostics: [Diagnostic]) {
        let result = PageLoader.load(text: text, kind: kind, slug: slug, file: file, folder: folder, site: site)
        return (result.page, result.diagnostics)
    }

    static func onlyModifiedPages(_ changed: Set<String>, in pages: [DiscoveredPage], options: LoadOptions) -> Set<String>? {
        let contentRoot = options.contentDirectory.path + "/"
        let byPath = Dictionary(pages.map { ($0.path, $0.file) }, uniquingKeysWith: { first, _ in first })
        var modified = Set<String>()
        for path in changed {
            guard path.hasPrefix(contentRoot) else { continue }
            guard let file = byPath[path], FileManager.default.fileExists(atPath: path) else { return nil }
            modified.insert(file)
        }
        return modified
    }

    static func loadPages(_ files: [DiscoveredPage], site: SiteConfig, render: Bool, textCheck: TextCheck?,
                                  cache: PageCache?, trusted: Set<String> = []) -> [PageLoader.Result] {
        // Files are independent until linking: read and parse them on every core.
        files.concurrentMap { discovered in
            guard let cache else { return PageLoader.load(discovered, site: site, render: render, textCheck: textCheck) }
            if trusted.contains(discovered.file), let hit = cache.trusted(discovered) { return hit }
            let stamp = PageCache.stamp(of: discovered.path)
            if let hit = cache.cached(discovered, stamp: stamp) { return hit }
            let result = PageLoader.load(discovered, site: site, render: render, textCheck: textCheck)
            cache.store(result, for: discovered, stamp: stamp)
            return result
        }
    }
}



extension ContentLoader {
    /// Reads a single file's body as `salve render` needs it: front matter (if any) is skipped, and
    /// body positions still point into the file.
    public static func analyzeBody(of data: Data, file: String, folder: [String], site: SiteConfig)
        -> (body: Body?, diagnostics: [Diagnostic]) {
        let text: String
        switch SourceText.decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var markdown = text
        var firstLine = 1
        if text.hasPrefix("---") {
            switch FrontMatterSplit.split(text, file: file) {
            case .success(let split):
                markdown = split.body
                firstLine = split.bodyFirstLine
            case .failure(let diagnostic):
                return (nil, [diagnostic])
            }
        }
        var analyzer = BodyAnalyzer(file: file, folder: folder, allowRawHTML: site.allowRawHTML)
        let body = analyzer.analyze(markdown: markdown, firstLine: firstLine)
        return (body, analyzer.diagnostics)
    }
}
