import ContentModel
import Diagnostics
import Foundation

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
        let byPath = Dictionary(discovery.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // Every path is checked before any file is read: giving up halfway (an editor's temporary file
        // that sorts after the page) must leave the cache as it was, or the full load that follows
        // finds the page's new stamp already cached and calls it unchanged.
        var known: [DiscoveredPage] = []
        for path in paths.sorted() {
            guard let discovered = byPath[path], FileManager.default.fileExists(atPath: path) else { return nil }
            known.append(discovered)
        }
        var reloaded: [ReloadedPage] = []
        for discovered in known {
            let previous = cache.previous(discovered)?.diagnostics ?? []
            let stamp = PageCache.stamp(of: discovered.path)
            let result = PageLoader.load(discovered, site: site, render: options.renderBodies, textCheck: options.textCheck)
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
