import ContentModel

/// Where a page lives in `Output/`. Every content page is a folder with an `index.html`, so URLs
/// stay clean (`/exercises/glute-bridge/`).
public struct Route: Hashable, Sendable, Comparable {
    /// The URL path relative to the site root: `""`, `references/`, `articles/walking/`, `404.html`.
    public let path: String

    private init(path: String) {
        self.path = path
    }

    public static let home = Route(path: "")
    public static let references = Route(path: "references/")
    public static let notFound = Route(path: "404.html")
    public static let search = Route(path: "search/")
    public static let feed = Route(path: "feed.xml")
    public static let sitemap = Route(path: "sitemap.xml")

    /// An old address that redirects (an alias, already normalised: `/old/path/` or `/old/page.html`).
    public static func alias(_ normalisedPath: String) -> Route {
        Route(path: String(normalisedPath.dropFirst()))
    }
    /// A route as deep as every content page (`kind/slug/`), for rendering a body on its own.
    public static let contentDepth = Route(path: "articles/_/")

    public static func page(_ ref: PageRef) -> Route {
        Route(path: ref.urlPath)
    }

    /// The folder listing a kind of page (`exercises/`).
    public static func index(_ kind: ContentKind) -> Route {
        Route(path: "\(kind.folder)/")
    }

    /// The file written for this route, relative to `Output/`.
    public var outputFile: String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// How many folders deep the page is; relative links climb this many levels.
    var depth: Int {
        // Counted over the bytes: every page makes a linker, and splitting the path made an array.
        var path = path
        return path.withUTF8 { bytes in
            var depth = 0
            var inPart = false
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    if inPart { depth += 1 }
                    inPart = false
                } else {
                    inPart = true
                }
            }
            // A trailing part is a file ("404.html"), not a folder.
            return depth
        }
    }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}

/// Makes links from one page to others. Links are relative, so the site works from any folder, from
/// a file:// URL and under any base path; the 404 page, served at any depth, uses the base URL's path.
public struct Linker: Sendable {
    public let from: Route
    let root: String

    public init(from route: Route, site: SiteConfig) {
        from = route
        if route == .notFound {
            root = Linker.basePath(of: site.baseURL)
        } else {
            root = String(repeating: "../", count: route.depth)
        }
    }

    public func href(_ route: Route, fragment: String? = nil) -> String {
        var link = root + route.path
        if link.isEmpty { link = "./" }
        if let fragment { link += "#" + fragment }
        return link
    }

    public func href(_ ref: PageRef, fragment: String? = nil) -> String {
        href(.page(ref), fragment: fragment)
    }

    public func asset(_ name: String) -> String { root + "assets/" + name }

    /// A file at `sitePath` from the site root (`media/x.png`), relative to this page.
    public func file(_ sitePath: String) -> String { root + sitePath }

    /// "/health/" from "https://example.org/health/".
    public static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            .dropFirst(3).first, baseURL.contains("://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        // "https://host/health/" splits into "https:", "", "host", "health/".
        return "/" + schemeEnd
    }

    /// The absolute URL of a route, for canonical links.
    public static func absolute(_ route: Route, site: SiteConfig) -> String {
        site.baseURL + route.path
    }
}
