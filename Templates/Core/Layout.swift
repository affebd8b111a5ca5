import ContentModel

/// What the shell of a page needs to know.
public struct PageHead: Sendable {
    public var title: String
    public var description: String
    public var route: Route
    public var pageClass: String

    public init(title: String, description: String, route: Route, pageClass: String) {
        self.title = title
        self.description = description
        self.route = route
        self.pageClass = pageClass
    }
}

/// The document around every page: head, skip link, header and navigation, main landmark, footer.
public enum Layout {
    public static func render(_ head: PageHead, site: SiteConfig, main: HTML) -> HTML {
        let linker = Linker(from: head.route, site: site)
        let fullTitle = head.route == .home ? site.title : "\(head.title) | \(site.title)"
        let nav: [(String, Route)] = [
            ("Conditions", .index(.condition)), ("Articles", .index(.article)), ("Exercises", .index(.exercise)),
            ("Programs", .index(.program)), ("Experts", .index(.expert)), ("References", .references),
        ]
        let navItems: [HTML] = nav.map { label, route in
            let current: HTML = route == head.route ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(linker.href(route))\"\(current)>\(label)</a></li>"
        }
        let canonical: HTML = head.route == .notFound ? "" :
            "<link rel=\"canonical\" href=\"\(Linker.absolute(head.route, site: site))\">\n"
        return """
            <!DOCTYPE html>
            <html lang="\(site.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(fullTitle)</title>
            <meta name="description" content="\(head.description)">
            \(canonical)<link rel="stylesheet" href="\(linker.asset("site.css"))">
            </head>
            <body class="\(head.pageClass)">
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header">
            <div class="wrap">
            <a class="site-name" href="\(linker.href(.home))">\(site.title)</a>
            <nav aria-label="Main">
            <ul>\(navItems)</ul>
            </nav>
            </div>
            </header>
            <main id="main" class="wrap">
            \(main)</main>
            <footer class="site-footer">
            <div class="wrap">
            <p>\(site.title) publishes health information for learning. It does not replace care from a health professional who knows you.</p>
            <p><a href="\(linker.href(.references))">Sources we use</a></p>
            </div>
            </footer>
            </body>
            </html>

            """
    }
}
