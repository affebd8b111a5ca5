import ContentModel

/// What the shell of a page needs to know.
public struct PageHead: Sendable {
    public var title: String
    public var description: String
    public var route: Route
    public var pageClass: String
    /// schema.org JSON-LD describing what the page shows.
    public var structuredData: JSONValue?
    /// OpenGraph type: `article` for content pages, `website` for lists.
    public var openGraphType: String
    /// Shown at the foot of the page, NHS style, when the page has a completed review.
    public var review: Review?
    /// The absolute URL of the page's picture, for `og:image`.
    public var image: String?

    public init(title: String, description: String, route: Route, pageClass: String, structuredData: JSONValue? = nil,
                openGraphType: String = "website", review: Review? = nil, image: String? = nil) {
        self.image = image
        self.title = title
        self.description = description
        self.route = route
        self.pageClass = pageClass
        self.structuredData = structuredData
        self.openGraphType = openGraphType
        self.review = review
    }
}

/// The document around every page: head, skip link, header and navigation, main landmark, footer.
public enum Layout {
    public static func render(_ head: PageHead, site: SiteConfig, main: HTML) -> HTML {
        let linker = Linker(from: head.route, site: site)
        let strings = site.strings
        let fullTitle = head.route == .home ? site.title : "\(head.title) | \(site.title)"
        let navItems = menuLinks(site.menus.items(.header, strings: strings), current: head.route, linker: linker)
        let footerItems = menuLinks(site.menus.items(.footer, strings: strings), current: head.route, linker: linker)
        let footerNav: HTML = footerItems.isEmpty ? "" : """
            <nav aria-label="\(strings[.footerNavigation])">
            <ul>\(footerItems)</ul>
            </nav>

            """
        let url = Linker.absolute(head.route, site: site)
        let canonical: HTML = head.route == .notFound ? "" : """
            <link rel="canonical" href="\(url)">
            <meta property="og:url" content="\(url)">

            """
        let favicon: HTML = site.favicon.map { "<link rel=\"icon\" href=\"\(linker.file($0.sitePath))\" type=\"\($0.contentType)\">\n" } ?? ""
        // Empty alt: the site's title is text inside the same link, so a screen reader says the name
        // once (WCAG technique H2, images beside text in one link).
        var logo = HTML.empty
        if let image = site.logo {
            logo = "<img class=\"site-logo\" src=\"\(linker.file(image.sitePath))\" alt=\"\""
            if let width = image.width, let height = image.height { logo += " width=\"\(width)\" height=\"\(height)\"" }
            logo += ">"
        }
        let ogImage: HTML = head.image.map { "<meta property=\"og:image\" content=\"\($0)\">\n" } ?? ""
        let structured: HTML = head.structuredData.map(StructuredData.script) ?? ""
        let customCSS: HTML = site.customCSS == nil ? "" : "<link rel=\"stylesheet\" href=\"\(linker.asset(Stylesheet.customFileName))\">\n"
        // The README's one named door for raw HTML outside page bodies: the site's own files, verbatim.
        let headHTML: HTML = site.headHTML.map { .unescaped($0.text.hasSuffix("\n") ? $0.text : $0.text + "\n") } ?? ""
        let bodyEndHTML: HTML = site.bodyEndHTML.map { .unescaped($0.text.hasSuffix("\n") ? $0.text : $0.text + "\n") } ?? ""
        var reviewFooter = HTML.empty
        if let review = head.review?.completed {
            reviewFooter = """
                <div class="page-review-dates">
                <p>\(strings.html(.pageLastReviewed, ["date": strings.time(review.date)]))<br>
                \(strings.html(.nextReviewDue, ["date": strings.time(review.nextDue)]))</p>
                </div>

                """
        }
        let opening: HTML = """
            <!DOCTYPE html>
            <html lang="\(site.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(fullTitle)</title>
            <meta name="description" content="\(head.description)">
            \(canonical)<meta property="og:type" content="\(head.openGraphType)">
            <meta property="og:title" content="\(head.title)">
            <meta property="og:description" content="\(head.description)">
            <meta property="og:site_name" content="\(site.title)">
            \(ogImage)\(favicon)<link rel="stylesheet" href="\(linker.asset(Stylesheet.fileName))">
            \(customCSS)<link rel="alternate" type="application/atom+xml" title="\(strings(.feedTitle, ["site": site.title]))" href="\(linker.href(.feed))">
            \(structured)\(headHTML)</head>
            <body class="\(head.pageClass)">
            <a class="skip-link" href="#main">\(strings[.skipLink])</a>
            <header class="site-header">
            <div class="wrap">
            <a class="site-name" href="\(linker.href(.home))">\(logo)\(site.title)</a>
            <nav aria-label="\(strings[.mainNavigation])">
            <ul>\(navItems)</ul>
            </nav>
            <form class="site-search" role="search" action="\(linker.href(.search))" method="get">
            <label for="site-search-q">\(strings[.search])</label>
            <input id="site-search-q" type="search" name="q" autocomplete="off">
            <button type="submit">\(strings[.searchButton])</button>
            </form>
            </div>
            </header>
            <main id="main" class="wrap">

            """
        let closing: HTML = """
            \(reviewFooter)</main>
            <footer class="site-footer">
            <div class="wrap">
            \(footerNav)<p>\(strings(.footerNote, ["site": site.title]))</p>
            <p><a href="\(linker.href(.references))">\(strings[.footerSources])</a></p>
            </div>
            </footer>
            \(bodyEndHTML)</body>
            </html>

            """
        // Joined into one buffer of the final size: the references page of a large site runs to tens
        // of megabytes, and growing a string around it held several copies at once.
        var document = HTML.empty
        document.reserveCapacity(opening.bytes.count + main.bytes.count + closing.bytes.count)
        document += opening
        document += main
        document += closing
        return document
    }

    /// A menu's links; the one to the page shown is marked `aria-current="page"`.
    static func menuLinks(_ items: [MenuItem], current: Route, linker: Linker) -> [HTML] {
        items.map { item in
            let route: Route, fragment: String?
            switch item.target {
            case .external(let address): return "<li><a href=\"\(address)\">\(item.title)</a></li>"
            case .home: (route, fragment) = (.home, nil)
            case .list(let kind): (route, fragment) = (.index(kind), nil)
            case .references: (route, fragment) = (.references, nil)
            case .search: (route, fragment) = (.search, nil)
            case .page(let ref, let section): (route, fragment) = (.page(ref), section)
            }
            let mark: HTML = route == current && fragment == nil ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(linker.href(route, fragment: fragment))\"\(mark)>\(item.title)</a></li>"
        }
    }
}
