import ContentModel

/// Old addresses kept working: a small page at each alias, and a `_redirects` file for hosts that read one.
public enum Redirects {
    /// (alias route, target page) for every valid alias, sorted.
    public static func aliases(graph: ContentGraph) -> [(alias: Route, target: PageRef)] {
        graph.allPages.flatMap { page in
            page.aliases.compactMap { alias -> (Route, PageRef)? in
                guard case .success(let path) = SitePaths.normaliseAlias(alias.value) else { return nil }
                return (.alias(path), page.ref)
            }
        }.sorted { $0.0 < $1.0 }
    }

    /// A page that sends browsers and search engines on: meta refresh, canonical link and a plain link.
    public static func page(from alias: Route, to target: PageRef, graph: ContentGraph) -> HTML {
        let linker = Linker(from: alias, site: graph.site)
        let href = linker.href(target)
        let canonical = Linker.absolute(.page(target), site: graph.site)
        let title = graph.page(target)?.heading ?? target.slug.rawValue
        let strings = graph.site.strings
        return """
            <!DOCTYPE html>
            <html lang="\(graph.site.language)">
            <head>
            <meta charset="utf-8">
            <title>\(strings(.movedTitle, ["title": title]))</title>
            <link rel="canonical" href="\(canonical)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(href)">
            </head>
            <body>
            <main>
            <h1>\(strings[.pageMoved])</h1>
            <p><a href="\(href)">\(strings(.goTo, ["title": title]))</a>.</p>
            </main>
            </body>
            </html>

            """
    }

    /// Netlify/Cloudflare Pages format: `/old/ /new/ 301`, paths under the base URL's path.
    public static func redirectsFile(graph: ContentGraph) -> String {
        let base = Linker.basePath(of: graph.site.baseURL)
        let prefix = base.hasSuffix("/") ? String(base.dropLast()) : base
        return aliases(graph: graph).map { alias, target in
            "\(prefix)/\(alias.path) \(prefix)/\(Route.page(target).path) 301"
        }.joined(separator: "\n") + "\n"
    }
}
