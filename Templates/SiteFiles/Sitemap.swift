import ContentModel

/// `sitemap.xml`, `robots.txt` and the Atom feed.
public enum SiteFeeds {
    /// Every published page; `lastmod` is the later of the last review and the last update, when known.
    public static func sitemap(graph: ContentGraph) -> String {
        var entries: [(Route, Day?)] = [(.home, nil), (.references, nil)]
        entries += ContentKind.allCases.filter(\.descriptor.hasIndex).map { (Route.index($0), nil) }
        for page in graph.allPages where page.ref.kind != .article && page.hasOwnPage {
            let dates = [page.review?.completed?.date, page.updatedDay].compactMap { $0 }
            entries.append((.page(page.ref), dates.max()))
        }
        for article in graph.articles {
            let reviewed = article.pageReview.completed?.date
            entries.append((.page(article.ref), reviewed.map { max($0, article.lastChanged) } ?? article.lastChanged))
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for (route, lastmod) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml += "<url><loc>\(XML.escape(Linker.absolute(route, site: graph.site)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod.iso)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    public static func robots(site: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)sitemap.xml\n"
    }

    /// An Atom feed of the published articles, newest first.
    public static func atom(graph: ContentGraph) -> String {
        let site = graph.site
        let articles = graph.articlesNewestFirst()
        let updated = articles.first?.lastChanged
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.language))">
            <title>\(XML.escape(site.title))</title>
            <id>\(XML.escape(site.baseURL))</id>
            <link rel="self" href="\(XML.escape(Linker.absolute(.feed, site: site)))"/>
            <link rel="alternate" type="text/html" href="\(XML.escape(site.baseURL))"/>
            <updated>\(timestamp(updated ?? Day(clampingYear: 2000, month: 1, day: 1)))</updated>

            """
        if let description = site.description { xml += "<subtitle>\(XML.escape(description))</subtitle>\n" }
        for article in articles {
            xml += entry(article, site: site)
        }
        return xml + "</feed>\n"
    }

    private static func entry(_ article: Article, site: SiteConfig) -> String {
        let url = Linker.absolute(.page(article.ref), site: site)
        return """
            <entry>
            <title>\(XML.escape(article.title))</title>
            <id>\(XML.escape(url))</id>
            <link rel="alternate" type="text/html" href="\(XML.escape(url))"/>
            <published>\(timestamp(article.published))</published>
            <updated>\(timestamp(article.lastChanged))</updated>
            <author><name>\(XML.escape(site.title))</name></author>
            <summary>\(XML.escape(article.summary.plain))</summary>
            </entry>

            """
    }

    /// RFC 3339 at midnight UTC: a date with no time is published at the start of its day.
    static func timestamp(_ day: Day) -> String { "\(day.iso)T00:00:00Z" }
}

enum XML {
    static func escape(_ text: String) -> String {
        // Most text needs nothing escaped or dropped.
        guard text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
