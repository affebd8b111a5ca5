import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Yams

/// Where to load from, and what to include.
public struct LoadOptions: Sendable {
    public var contentDirectory: URL
    public var seedsDirectory: URL
    /// Paths in diagnostics are relative to this folder (the project root).
    public var displayRoot: URL
    /// Include drafts and articles whose `published` date is after `today`.
    public var includeDrafts: Bool
    public var today: Day

    public init(contentDirectory: URL, seedsDirectory: URL, displayRoot: URL, includeDrafts: Bool = false,
                today: Day = .today()) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.seedsDirectory = seedsDirectory.standardizedFileURL
        self.displayRoot = displayRoot.standardizedFileURL
        self.includeDrafts = includeDrafts
        self.today = today
    }
}

extension Day {
    /// Today's date in UTC, so a check gives the same answer wherever CI runs.
    public static func today(now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(clampingYear: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

/// The loaded graph and everything found wrong on the way.
public struct LoadResult: Sendable {
    /// Built even when there are errors, so later checks still run; never written out then.
    public var graph: ContentGraph
    public var diagnostics: DiagnosticList
    /// The text of site.yml, references.json and every file with a diagnostic, by display path, for
    /// source excerpts. Other files' text is dropped: a large site's Markdown would double the memory.
    public var sourceTexts: [String: String]
}

/// A problem that stops loading before any content is read (exit code 2, not a content error).
public struct LoadFailure: Error, CustomStringConvertible {
    public var description: String
}

/// load → parse → link: reads `Content/` and `seeds/` into a validated ``ContentGraph``.
public enum ContentLoader {
    /// - Parameters:
    ///   - cache: reuse pages whose files have not changed since the last load with this cache.
    ///   - changedPaths: absolute paths a file watcher saw change since that load. When they are all
    ///     existing page files the last load already knew, nothing else is listed or looked at.
    public static func load(_ options: LoadOptions, cache: PageCache? = nil,
                            changedPaths: Set<String>? = nil) throws(LoadFailure) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.contentDirectory.path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw LoadFailure(description: "the content folder '\(options.contentDirectory.path)' does not exist")
        }
        let paths = ProjectPaths(displayRoot: options.displayRoot)
        var diagnostics = DiagnosticList()
        var texts: [String: String] = [:]

        let (site, siteDiagnostics, siteText) = loadSite(options.contentDirectory.appendingPathComponent("site.yml"), paths)
        diagnostics.append(contentsOf: siteDiagnostics)
        if let siteText { texts[paths.display(options.contentDirectory.appendingPathComponent("site.yml"))] = siteText }

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
        diagnostics.append(contentsOf: discovery.diagnostics)

        cache?.begin(settings: "\(site.allowRawHTML) \(site.reviewIntervalMonths)", files: discovery.pages)
        let loaded = loadPages(discovery.pages, site: site, cache: cache, trusted: trustedUnchanged ?? [])
        var pages: [any ContentPage] = []
        for result in loaded {
            diagnostics.append(contentsOf: result.diagnostics)
            if let text = result.text { texts[result.file] = text }
            if let page = result.page { pages.append(page) }
        }

        let referencesURL = options.seedsDirectory.appendingPathComponent("references.json")
        let referencesFile = paths.display(referencesURL)
        var bibliography = Bibliography()
        if let data = FileManager.default.contents(atPath: referencesURL.path) {
            switch SourceText.decode(data, file: referencesFile) {
            case .success(let text):
                texts[referencesFile] = text
                let (loadedBibliography, found) = BibliographyLoader.load(text, file: referencesFile)
                bibliography = loadedBibliography
                diagnostics.append(contentsOf: found)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        let (records, recordDiagnostics) = SourceRecordLoader.load(
            options.seedsDirectory.appendingPathComponent("sources"), paths: paths)
        diagnostics.append(contentsOf: recordDiagnostics)

        if !options.includeDrafts {
            // Drafts and scheduled articles stay out of the site, its feed and its sitemap.
            pages.removeAll { page in
                guard let article = page as? Article else { return false }
                return article.draft || article.published > options.today
            }
        }
        let graph = ContentGraph(
            site: site,
            conditions: pages.compactMap { $0 as? Condition },
            articles: pages.compactMap { $0 as? Article },
            exercises: pages.compactMap { $0 as? ExerciseCard },
            programs: pages.compactMap { $0 as? Program },
            experts: pages.compactMap { $0 as? Expert },
            bibliography: bibliography,
            sourceRecords: records)
        diagnostics.append(contentsOf: GraphValidator.validate(
            graph, discovered: discovery.pages, draftsExcluded: !options.includeDrafts,
            contentRoot: paths.display(options.contentDirectory)))
        let mentioned = Set(diagnostics.all.map(\.location.file))
        let kept = texts.filter { file, _ in !file.hasSuffix(".md") || mentioned.contains(file) }
        return LoadResult(graph: graph, diagnostics: diagnostics, sourceTexts: kept)
    }

    /// Loads one page file on its own, as `salve render` does, with the site's settings.
    public static func loadPage(text: String, kind: ContentKind, slug: Slug, file: String, folder: [String],
                                site: SiteConfig) -> (page: (any ContentPage)?, diagnostics: [Diagnostic]) {
        let result = PageLoader.load(text: text, kind: kind, slug: slug, file: file, folder: folder, site: site)
        return (result.page, result.diagnostics)
    }

    /// Reads `site.yml`; without one, loading goes on with defaults so every other problem is still reported.
    public static func loadSite(_ url: URL, _ paths: ProjectPaths) -> (SiteConfig, [Diagnostic], String?) {
        let file = paths.display(url)
        let fallback = SiteConfig(title: "Untitled site", baseURL: "/")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (fallback, [.error(.missingFile, "there is no site.yml; create it with at least 'title' and 'base-url'",
                                      at: SourceLocation(file: file))], nil)
        }
        let text: String
        switch SourceText.decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (fallback, [diagnostic], nil)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        let node: Yams.Node?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (fallback, [diagnostic], text)
        }
        guard case .mapping(let mapping)? = node else {
            return (fallback, [.error(.wrongType, "site.yml should be a set of 'key: value' lines", at: start)], text)
        }
        var fields = FieldReader(mapping: mapping, file: file, lineShift: 0, location: start)
        let title = fields.string("title", required: true)
        let baseURL = fields.string("base-url", required: true)
        if let baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://") || baseURL.value.hasPrefix("/")) {
            fields.report(.invalidValue, "'base-url' should be an absolute address such as https://learn.example.org/", at: baseURL.location)
        }
        var site = SiteConfig(
            title: title?.value ?? fallback.title,
            baseURL: baseURL?.value ?? fallback.baseURL,
            language: fields.string("language")?.value ?? "en",
            description: fields.string("description")?.value,
            reviewIntervalMonths: fields.int("review-interval-months", in: 1...120) ?? 12,
            allowRawHTML: fields.bool("allow-raw-html", default: false))
        if let disclaimer = fields.string("disclaimer") { site.disclaimer = disclaimer.value }
        if let advice = fields.string("care-advice") { site.careAdvice = advice.value }
        if let grade = fields.int("target-grade", in: 1...18) { site.targetGrade = grade }
        return (site, fields.finish(), text)
    }

    /// The display paths of the changed page files, if every changed path is a page file the last
    /// discovery found that still exists (an edit, not an addition, removal, rename or folder change)
    /// or a file outside `Content/` (seeds, which are always read). Otherwise nil: discover again.
    private static func onlyModifiedPages(_ changed: Set<String>, in pages: [DiscoveredPage], options: LoadOptions) -> Set<String>? {
        let contentRoot = options.contentDirectory.path + "/"
        let byPath = Dictionary(pages.map { ($0.url.path, $0.file) }, uniquingKeysWith: { first, _ in first })
        var modified = Set<String>()
        for path in changed {
            guard path.hasPrefix(contentRoot) else { continue }
            guard let file = byPath[path], FileManager.default.fileExists(atPath: path) else { return nil }
            modified.insert(file)
        }
        return modified
    }

    private static func loadPages(_ files: [DiscoveredPage], site: SiteConfig, cache: PageCache?,
                                  trusted: Set<String> = []) -> [PageLoader.Result] {
        // Files are independent until linking: read and parse them on every core.
        let results = UnsafeResults<PageLoader.Result>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let discovered = files[index]
            guard let cache else {
                results[index] = PageLoader.load(discovered, site: site)
                return
            }
            if trusted.contains(discovered.file), let hit = cache.trusted(discovered) {
                results[index] = hit
                return
            }
            let stamp = PageCache.stamp(of: discovered.url)
            if let hit = cache.cached(discovered, stamp: stamp) {
                results[index] = hit
            } else {
                let result = PageLoader.load(discovered, site: site)
                cache.store(result, for: discovered, stamp: stamp)
                results[index] = result
            }
        }
        return results.values
    }
}


/// Project-relative display paths for diagnostics.
public struct ProjectPaths: Sendable {
    let displayRoot: String

    public init(displayRoot: URL) {
        self.displayRoot = displayRoot.standardizedFileURL.path
    }

    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

/// Fixed-size storage that concurrent iterations each write one distinct slot of.
final class UnsafeResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { storage.compactMap { $0 } }
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

/// A page file read again on its own, for a rebuild after an edit.
public struct ReloadedPage: Sendable {
    public var file: String
    public var page: (any ContentPage)?
    public var diagnostics: [Diagnostic]
    /// What loading reported for the file's previous version.
    public var previousDiagnostics: [Diagnostic]
    public var text: String?
}

extension ContentLoader {
    /// Reads the given files (absolute paths) again, if every one is a page file the cache's last
    /// discovery knew and still exists; nil otherwise (a file added, removed or renamed, settings,
    /// seeds), when only a full load will do.
    public static func reloadPages(_ paths: Set<String>, options: LoadOptions, site: SiteConfig,
                                   cache: PageCache) -> [ReloadedPage]? {
        guard let discovery = cache.lastDiscovery, !paths.isEmpty else { return nil }
        let byPath = Dictionary(discovery.pages.map { ($0.url.path, $0) }, uniquingKeysWith: { first, _ in first })
        var reloaded: [ReloadedPage] = []
        for path in paths.sorted() {
            guard let discovered = byPath[path], FileManager.default.fileExists(atPath: path) else { return nil }
            let previous = cache.trusted(discovered)?.diagnostics ?? []
            let stamp = PageCache.stamp(of: discovered.url)
            let result = PageLoader.load(discovered, site: site)
            cache.store(result, for: discovered, stamp: stamp)
            reloaded.append(ReloadedPage(file: discovered.file, page: result.page, diagnostics: result.diagnostics,
                                         previousDiagnostics: previous, text: result.text))
        }
        return reloaded
    }

    /// The context a page's own checks need, from the cache's last full discovery.
    public static func pageContext(options: LoadOptions, cache: PageCache) -> GraphValidator.PageContext? {
        guard let discovery = cache.lastDiscovery else { return nil }
        return GraphValidator.PageContext(
            existing: Set(discovery.pages.map { PageRef($0.kind, $0.slug) }), draftsExcluded: !options.includeDrafts,
            contentRoot: ProjectPaths(displayRoot: options.displayRoot).display(options.contentDirectory))
    }
}
