/// URL paths the site itself uses, which an alias may not take over.
public enum SitePaths {
    /// Files and folders every build writes at the site root (besides one folder per page kind).
    public static let reservedRoots: Set<String> = [
        "index.html", "404.html", "references", "search", "assets", "sitemap.xml", "robots.txt", "feed.xml",
        "search-index.json", "_redirects",
    ]

    /// Whether a first URL segment belongs to the site itself (its files, or a kind's folder), so no
    /// page published at the root may take it.
    public static func isSiteRoot(_ segment: String) -> Bool {
        reservedRoots.contains(segment) || reservedRoots.contains(segment + ".html") || ContentKind(folder: segment) != nil
    }

    /// Normalises an alias (`/old/path/` or `/old/page.html`) or explains why it cannot be one.
    public static func normaliseAlias(_ alias: String) -> Result<String, AliasProblem> {
        guard alias.hasPrefix("/"), !alias.hasPrefix("//") else { return .failure(.notRootRelative) }
        var path = alias
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        let segments = path.split(separator: "/")
        guard !segments.isEmpty else { return .failure(.isHome) }
        guard segments.allSatisfy({ $0 != ".." && $0 != "." && !$0.contains("\\") && !$0.contains("%") }) else {
            return .failure(.escapes)
        }
        guard segments.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 } }) else {
            return .failure(.characters)
        }
        let last = segments[segments.count - 1]
        // "/old/index.html" is the same address as "/old/": compare and write them as one.
        if last == "index.html" {
            guard segments.count > 1 else { return .failure(.isHome) }
            return .success("/" + segments.dropLast().joined(separator: "/") + "/")
        }
        if last.hasSuffix(".html") { return .success("/" + segments.joined(separator: "/")) }
        return .success("/" + segments.joined(separator: "/") + "/")
    }

    public enum AliasProblem: Error {
        case notRootRelative, isHome, escapes, characters

        public var explanation: String {
            switch self {
            case .notRootRelative: "an alias is a path on this site starting with '/', such as /conditions/sciatic-pain/"
            case .isHome: "the home page cannot be an alias"
            case .escapes: "an alias may not contain '.', '..', '\\' or percent-escapes"
            case .characters: "an alias may use only plain ASCII characters and no spaces"
            }
        }
    }
}
