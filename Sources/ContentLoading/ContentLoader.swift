import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Media

/// load → parse → link: reads `Content/` and `seeds/` into a validated ``ContentGraph``.
public enum ContentLoader {
    /// - Parameters:
    ///   - cache: reuse pages whose files have not changed since the last load with this cache.
    ///   - changedPaths: absolute paths a file watcher saw change since that load. When they are all
    ///     existing page files the last load already knew, nothing else is listed or looked at.
    ///   - articleSink: given each published article as it loads; the graph then holds the articles
    ///     without their bodies' HTML.
    public static func load(_ options: LoadOptions, cache: PageCache? = nil, changedPaths: Set<String>? = nil,
                            articleSink: ArticleSink? = nil) throws(LoadFailure) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw LoadFailure(description: "the content folder '\(options.contentDirectory.path)' does not exist")
        }
        let paths = ProjectPaths(displayRoot: options.displayRoot)
        var diagnostics = DiagnosticList()
        var texts: [String: String] = [:]

        var (site, siteDiagnostics, siteText) = loadSite(options.contentDirectory.appendingPathComponent("site.yml"), paths)
        diagnostics.append(contentsOf: siteDiagnostics)
        if let siteText {
            let siteFile = paths.display(options.contentDirectory.appendingPathComponent("site.yml"))
            texts[siteFile] = siteText
            if let found = options.textCheck?(siteText, siteFile) { diagnostics.append(contentsOf: found) }
        }

        var trustedUnchanged: Set<String>?
        let discovery: (pages: [DiscoveredPage], diagnostics: [Diagnostic])
        if let cache, let changedPaths, let previous = cache.lastDiscovery,
           let modified = onlyModifiedPages(changedPaths, in: previous.pages, options: options) {
            discovery = previous
            trustedUnchanged = Set(previous.pages.map(\.file)).subtracting(modified)
        } else {
            discovery = FileDiscovery.discover(in: options.contentDirectory, paths: paths)
            cache?.lastDiscovery = discovery
        }
        // The files site.yml names are read, not stray.
        let siteFiles = Set(site.files.map(\.file))
        diagnostics.append(contentsOf: discovery.diagnostics.filter { !($0.code == .strayFile && siteFiles.contains($0.location.file)) })
        let media = MediaScan.scan(mediaFiles(options.contentDirectory, paths))
        diagnostics.append(contentsOf: media.diagnostics)
        // The header's logo gets its size from the library, like any picture.
        switch site.logo.flatMap({ media.library[$0.contentPath] }) {
        case .image(let image)?: site.logo?.width = image.width; site.logo?.height = image.height
        case .vector(let width, let height)?: site.logo?.width = width; site.logo?.height = height
        default: break
        }
        texts.merge(media.sourceTexts) { first, _ in first }

        let (bibliography, bibliographyFindings, bibliographyState, failedEntries) = loadBibliography(options, paths, texts: &texts)
        if let textCheck = options.textCheck {
            let referencesFile = paths.display(options.seedsDirectory.appendingPathComponent("references.json"))
            if let text = texts[referencesFile] { diagnostics.append(contentsOf: textCheck(text, referencesFile)) }
        }
        // Before the pages: streamed articles are indexed for search with the list's words.
        let synonymsURL = options.seedsDirectory.appendingPathComponent("synonyms.yml")
        let (synonyms, synonymDiagnostics, synonymText) = SynonymListLoader.load(synonymsURL, paths: paths)
        if let synonymText { texts[paths.display(synonymsURL)] = synonymText }
        cache?.begin(settings: "\(site.allowRawHTML) \(site.reviewIntervalMonths) \(options.renderBodies)", files: discovery.pages)
        let loaded: [PageLoader.Result]
        if let articleSink {
            loaded = loadStreamingArticles(discovery.pages, site: site, bibliography: bibliography, synonyms: synonyms,
                                           options: options, media: media.library, to: articleSink)
        } else {
            loaded = loadPages(discovery.pages, site: site, render: options.renderBodies, textCheck: options.textCheck,
                               cache: cache, trusted: trustedUnchanged ?? [])
        }
        var pages: [any ContentPage] = []
        // Page files that exist but failed to load, each with the first error that says why.
        var failedPages: [PageRef: Diagnostic] = [:]
        var usedMedia: Set<String> = []
        for (discovered, result) in zip(discovery.pages, loaded) {
            diagnostics.append(contentsOf: result.diagnostics)
            if let text = result.text { texts[result.file] = text }
            if let page = result.page {
                pages.append(page)
                let references = page.body.media + page.frontMatterMedia
                let mediaFindings = MediaReferenceCheck.check(references, in: media.library)
                diagnostics.append(contentsOf: mediaFindings)
                if !mediaFindings.isEmpty, result.text == nil, let text = try? String(contentsOfFile: discovered.path, encoding: .utf8) {
                    texts[result.file] = text
                }
                usedMedia.formUnion(references.map(\.path))
                if let published = result.published, published.value > options.today, !options.includeDrafts {
                    diagnostics.append(.warning(
                        .scheduledArticle,
                        "this article's published date, \(published.value.readable), is still to come: it is left out of the site, its feed and its sitemap until then (--drafts includes it)",
                        at: published.location))
                }
            } else if let cause = DiagnosticList(result.diagnostics.filter { $0.severity == .error }).sorted.first {
                failedPages[PageRef(discovered.kind, discovered.slug)] = failedPages[PageRef(discovered.kind, discovered.slug)] ?? cause
            }
        }
        diagnostics.append(contentsOf: bibliographyFindings)

        let (records, recordDiagnostics) = SourceRecordLoader.load(
            options.seedsDirectory.appendingPathComponent("sources"), paths: paths)
        diagnostics.append(contentsOf: recordDiagnostics)
        diagnostics.append(contentsOf: synonymDiagnostics)

        for (path, _) in media.library.entries where !usedMedia.contains(path) && !isSiteFile(path, site: site) {
            diagnostics.append(.warning(
                .unusedMedia, "no page shows or links to this file; it is still published (delete it if it is not needed)",
                at: SourceLocation(file: paths.display(options.contentDirectory.appendingPathComponent(path)), line: 1, column: 1)))
        }

        pages.removeAll { !options.publishes($0) }
        let graph = makeGraph(pages, site: site, bibliography: bibliography, sourceRecords: records, synonyms: synonyms,
                              media: media.library)
        // A page that loaded under the same id (a duplicate file) answers for it: then it did not fail.
        failedPages = failedPages.filter { !graph.contains($0.key) }
        // A target naming a page that failed to load is not reported: that page's own error is.
        if failedPages.isEmpty { diagnostics.append(contentsOf: SynonymListLoader.check(synonyms, graph: graph)) }
        let (found, unchecked) = GraphValidator.validate(
            graph, discovered: discovery.pages, draftsExcluded: !options.includeDrafts,
            contentRoot: paths.display(options.contentDirectory), failedPages: Set(failedPages.keys),
            bibliographyUnavailable: bibliographyState != .loaded, failedEntries: Set(failedEntries.keys))
        diagnostics.append(contentsOf: found)
        diagnostics.append(contentsOf: checkMenus(site, graph: graph, contentRoot: paths.display(options.contentDirectory)))
        diagnostics = markCauses(diagnostics, failedPages: failedPages, bibliography: bibliographyState,
                                 failedEntries: failedEntries, unchecked: unchecked)
        let mentioned = Set(diagnostics.all.map(\.location.file))
        let kept = texts.filter { file, _ in !file.hasSuffix(".md") || mentioned.contains(file) }
        return LoadResult(graph: graph, diagnostics: diagnostics, sourceTexts: kept, media: media)
    }

    /// The files under `Content/media/`: absolute path, path in the site, path for diagnostics.
    private static func mediaFiles(_ content: URL, _ paths: ProjectPaths) -> [(source: String, sitePath: String, display: String)] {
        let root = content.standardizedFileURL.path
        return FileDiscovery.contentFiles(under: root + "/media").files.sorted().map { path in
            (path, String(path.dropFirst(root.count + 1)), paths.display(standardizedPath: path))
        }
    }

    /// Media the site itself uses rather than a page (none yet: the favicon and logo will be).
    /// The favicon and logo are used by every page.
    private static func isSiteFile(_ path: String, site: SiteConfig) -> Bool {
        path == site.favicon?.contentPath || path == site.logo?.contentPath
    }

    private static func makeGraph(_ pages: [any ContentPage], site: SiteConfig, bibliography: Bibliography,
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
    private static func loadBibliography(_ options: LoadOptions, _ paths: ProjectPaths,
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
    private static func markCauses(_ diagnostics: DiagnosticList, failedPages: [PageRef: Diagnostic],
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

    /// Loads every page but the articles, hands the sink a graph of them, then loads the articles,
    /// giving the sink each one that will be published and keeping it without its body's HTML.
    /// Results come back in the order of `files`, as `loadPages` gives them.
    private static func loadStreamingArticles(_ files: [DiscoveredPage], site: SiteConfig, bibliography: Bibliography,
                                              synonyms: SearchSynonyms, options: LoadOptions, media: MediaLibrary,
                                              to sink: ArticleSink) -> [PageLoader.Result] {
        let isArticle = files.map { $0.kind == .article }
        let others = files.indices.filter { !isArticle[$0] }.map { files[$0] }
        let articles = files.indices.filter { isArticle[$0] }.map { files[$0] }
        let otherResults = others.concurrentMap {
            PageLoader.load($0, site: site, render: options.renderBodies, textCheck: options.textCheck)
        }
        let contextPages = otherResults.compactMap(\.page).filter { options.publishes($0) }
        sink.begin(context: makeGraph(contextPages, site: site, bibliography: bibliography, sourceRecords: [],
                                       synonyms: synonyms, media: media))
        let articleResults = articles.concurrentMap { discovered in
            var result = PageLoader.load(discovered, site: site, render: options.renderBodies, textCheck: options.textCheck)
            if var article = result.page as? Article {
                if options.publishes(article) { sink.take(article) }
                article.body.html = .empty
                result.page = article
            }
            return result
        }
        var nextOther = otherResults.makeIterator()
        var nextArticle = articleResults.makeIterator()
        return isArticle.compactMap { $0 ? nextArticle.next() : nextOther.next() }
    }

    /// Loads one page file on its own, as `salve render` does, with the site's settings.
    public static func loadPage(text: String, kind: ContentKind, slug: Slug, file: String, folder: [String],
                                site: SiteConfig) -> (page: (any ContentPage)?, diagnostics: [Diagnostic]) {
        let result = PageLoader.load(text: text, kind: kind, slug: slug, file: file, folder: folder, site: site)
        return (result.page, result.diagnostics)
    }

    private static func onlyModifiedPages(_ changed: Set<String>, in pages: [DiscoveredPage], options: LoadOptions) -> Set<String>? {
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

    private static func loadPages(_ files: [DiscoveredPage], site: SiteConfig, render: Bool, textCheck: TextCheck?,
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
