import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Media

/// One load of the site, in stages: read the settings, find the files and read the seeds (`init`);
/// read the page files, of any kinds in any order (``loadPages(of:)``, ``loadArticles(handing:)``);
/// then link and check the whole (``finish()``).
///
/// ``ContentLoader/load(_:cache:changedPaths:)`` runs the stages in one go. A build runs them itself
/// (`SiteBuild`), so that it can write each article's page while the other articles still load: articles
/// are most of a large site, and holding every body's HTML until the end was most of its memory.
public final class ContentLoad: @unchecked Sendable {
    // Everything below is set by `init` and read by the stages; `results` is written by one stage at a time.
    private let options: LoadOptions
    private let paths: ProjectPaths
    private let cache: PageCache?
    private let trustedUnchanged: Set<String>
    public let site: SiteConfig
    private var diagnostics = DiagnosticList()
    private var texts: [String: String] = [:]
    private let discovery: (pages: [DiscoveredPage], diagnostics: [Diagnostic])
    private let media: MediaSet
    private let bibliography: Bibliography
    private let bibliographyFindings: [Diagnostic]
    private let bibliographyState: ContentLoader.BibliographyState
    private let failedEntries: [CitationKey: Diagnostic]
    private let synonyms: SearchSynonyms
    private let synonymDiagnostics: [Diagnostic]
    /// Each discovered file's result, by its place in `discovery.pages`, once a stage has read it.
    private var results: [PageLoader.Result?]

    public init(_ options: LoadOptions, cache: PageCache? = nil, changedPaths: Set<String>? = nil) throws(LoadFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw LoadFailure(description: "the content folder '\(options.contentDirectory.path)' does not exist")
        }
        self.options = options
        self.cache = cache
        let paths = ProjectPaths(displayRoot: options.displayRoot)
        self.paths = paths
        var diagnostics = DiagnosticList()
        var texts: [String: String] = [:]

        var (site, siteDiagnostics, siteText) = ContentLoader.loadSite(options.contentDirectory.appendingPathComponent("site.yml"), paths)
        diagnostics.append(contentsOf: siteDiagnostics)
        if let siteText {
            let siteFile = paths.display(options.contentDirectory.appendingPathComponent("site.yml"))
            texts[siteFile] = siteText
            if let found = options.textCheck?(siteText, siteFile) { diagnostics.append(contentsOf: found) }
        }

        var trustedUnchanged: Set<String> = []
        let discovery: (pages: [DiscoveredPage], diagnostics: [Diagnostic])
        if let cache, let changedPaths, let previous = cache.lastDiscovery,
           let modified = ContentLoader.onlyModifiedPages(changedPaths, in: previous.pages, options: options) {
            discovery = previous
            trustedUnchanged = Set(previous.pages.map(\.file)).subtracting(modified)
        } else {
            discovery = FileDiscovery.discover(in: options.contentDirectory, paths: paths)
            cache?.lastDiscovery = discovery
        }
        self.discovery = discovery
        self.trustedUnchanged = trustedUnchanged
        // The files site.yml names are read, not stray.
        let siteFiles = Set(site.files.map(\.file))
        diagnostics.append(contentsOf: discovery.diagnostics.filter { !($0.code == .strayFile && siteFiles.contains($0.location.file)) })
        let media = MediaScan.scan(ContentLoader.mediaFiles(options.contentDirectory, paths))
        diagnostics.append(contentsOf: media.diagnostics)
        // The header's logo gets its size from the library, like any picture.
        switch site.logo.flatMap({ media.library[$0.contentPath] }) {
        case .image(let image)?: site.logo?.width = image.width; site.logo?.height = image.height
        case .vector(let width, let height)?: site.logo?.width = width; site.logo?.height = height
        default: break
        }
        self.site = site
        texts.merge(media.sourceTexts) { first, _ in first }
        self.media = media

        let (bibliography, bibliographyFindings, bibliographyState, failedEntries) = ContentLoader.loadBibliography(options, paths, texts: &texts)
        if let textCheck = options.textCheck {
            let referencesFile = paths.display(options.seedsDirectory.appendingPathComponent("references.json"))
            if let text = texts[referencesFile] { diagnostics.append(contentsOf: textCheck(text, referencesFile)) }
        }
        self.bibliography = bibliography
        self.bibliographyFindings = bibliographyFindings
        self.bibliographyState = bibliographyState
        self.failedEntries = failedEntries
        // Before the pages: streamed articles are indexed for search with the list's words.
        let synonymsURL = options.seedsDirectory.appendingPathComponent("synonyms.yml")
        let (synonyms, synonymDiagnostics, synonymText) = SynonymListLoader.load(synonymsURL, paths: paths)
        if let synonymText { texts[paths.display(synonymsURL)] = synonymText }
        self.synonyms = synonyms
        self.synonymDiagnostics = synonymDiagnostics
        cache?.begin(settings: "\(site.allowRawHTML) \(site.reviewIntervalMonths) \(options.renderBodies)", files: discovery.pages)
        self.diagnostics = diagnostics
        self.texts = texts
        results = Array(repeating: nil, count: discovery.pages.count)
    }

    /// Reads the page files of these kinds, on every core.
    public func loadPages(of kinds: Set<ContentKind>) {
        let indices = discovery.pages.indices.filter { results[$0] == nil && kinds.contains(discovery.pages[$0].kind) }
        let loaded = ContentLoader.loadPages(indices.map { discovery.pages[$0] }, site: site, render: options.renderBodies,
                                             textCheck: options.textCheck, cache: cache, trusted: trustedUnchanged)
        for (index, result) in zip(indices, loaded) { results[index] = result }
    }

    /// Every page read so far that the site will publish, in a graph with the seeds: the pages an
    /// article's page can show, once every kind but articles is read.
    public func publishedSoFar() -> ContentGraph {
        let pages = results.lazy.compactMap { $0?.page }.filter { self.options.publishes($0) }
        return ContentLoader.makeGraph(Array(pages), site: site, bibliography: bibliography, sourceRecords: [],
                                       synonyms: synonyms, media: media.library)
    }

    /// Reads the articles on every core, handing each one the site will publish to `stage` as soon as
    /// it is read (from loading threads); the load keeps what `stage` returns (an article without its
    /// body's HTML, once its page is written). A stage must not keep what it made if ``finish()``
    /// reports errors.
    public func loadArticles(handing stage: @escaping @Sendable (Article) -> Article) {
        let indices = discovery.pages.indices.filter { results[$0] == nil && discovery.pages[$0].kind == .article }
        let (site, options) = (site, options)
        let loaded = indices.map { discovery.pages[$0] }.concurrentMap { discovered in
            var result = PageLoader.load(discovered, site: site, render: options.renderBodies, textCheck: options.textCheck)
            if let article = result.page as? Article, options.publishes(article) { result.page = stage(article) }
            return result
        }
        for (index, result) in zip(indices, loaded) { results[index] = result }
    }

    /// Links and checks what was read (reading any page file no stage read) into the loaded site.
    public func finish() -> LoadResult {
        loadPages(of: Set(ContentKind.allCases))
        var diagnostics = self.diagnostics
        var texts = self.texts
        var pages: [any ContentPage] = []
        // Page files that exist but failed to load, each with the first error that says why.
        var failedPages: [PageRef: Diagnostic] = [:]
        var usedMedia: Set<String> = []
        for (discovered, result) in zip(discovery.pages, results.map { $0! }) {
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

        for (path, _) in media.library.entries where !usedMedia.contains(path) && !ContentLoader.isSiteFile(path, site: site) {
            diagnostics.append(.warning(
                .unusedMedia, "no page shows or links to this file; it is still published (delete it if it is not needed)",
                at: SourceLocation(file: paths.display(options.contentDirectory.appendingPathComponent(path)), line: 1, column: 1)))
        }

        pages.removeAll { !options.publishes($0) }
        let graph = ContentLoader.makeGraph(pages, site: site, bibliography: bibliography, sourceRecords: records, synonyms: synonyms,
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
        diagnostics.append(contentsOf: ContentLoader.checkMenus(site, graph: graph, contentRoot: paths.display(options.contentDirectory)))
        diagnostics = ContentLoader.markCauses(diagnostics, failedPages: failedPages, bibliography: bibliographyState,
                                 failedEntries: failedEntries, unchecked: unchecked)
        let mentioned = Set(diagnostics.all.map(\.location.file))
        let kept = texts.filter { file, _ in !file.hasSuffix(".md") || mentioned.contains(file) }
        return LoadResult(graph: graph, diagnostics: diagnostics, sourceTexts: kept, media: media)
    }
}
