import Testing
@testable import ContentModel
@testable import Templates

@Suite struct RouteTests {
    static let article = Route.page(PageRef(.article, slug("walking")))

    @Test(arguments: [
        (Route.home, "index.html", 0),
        (Route.references, "references/index.html", 1),
        (Route.index(.exercise), "exercises/index.html", 1),
        (Route.page(PageRef(.article, slug("walking"))), "articles/walking/index.html", 2),
        (Route.page(PageRef(.expert, slug("jane-doe"))), "experts/jane-doe/index.html", 2),
        (Route.notFound, "404.html", 0),
        (Route.contentDepth, "articles/_/index.html", 2),
        (Route.feed, "feed.xml", 0),
        (Route.alias("/old/page.html"), "old/page.html", 1),
        (Route.alias("/old/path/"), "old/path/index.html", 2),
        (Route.alias("/a/b/c/d.htm"), "a/b/c/d.htm", 3),
    ])
    func outputFileAndDepth(route: Route, file: String, depth: Int) {
        #expect(route.outputFile == file)
        #expect(route.depth == depth)
    }

    @Test func paths() {
        #expect(Route.home.path == "")
        #expect(Self.article.path == "articles/walking/")
        #expect(Route.index(.condition).path == "conditions/")
    }
}

@Suite struct LinkerTests {
    static let walking = PageRef(.article, slug("walking"))
    static let bridge = PageRef(.exercise, slug("glute-bridge"))

    @Test func fromHome() {
        let linker = Linker(from: .home, site: site)
        #expect(linker.href(.home) == "./")
        #expect(linker.href(Self.walking) == "articles/walking/")
        #expect(linker.href(.index(.exercise)) == "exercises/")
        #expect(linker.href(.references) == "references/")
        #expect(linker.href(Self.bridge, fragment: "steps") == "exercises/glute-bridge/#steps")
        #expect(linker.href(.home, fragment: "main") == "./#main")
        #expect(linker.asset("site.css") == "assets/site.css")
    }

    @Test func fromDepthOne() {
        for route in [Route.index(.article), .references] {
            let linker = Linker(from: route, site: site)
            #expect(linker.href(.home) == "../")
            #expect(linker.href(Self.walking) == "../articles/walking/")
            #expect(linker.href(.index(.article)) == "../articles/")
            #expect(linker.asset("site.css") == "../assets/site.css")
        }
    }

    @Test func fromDepthTwo() {
        let linker = Linker(from: .page(Self.walking), site: site)
        #expect(linker.href(.home) == "../../")
        #expect(linker.href(Self.walking) == "../../articles/walking/")
        #expect(linker.href(Self.bridge, fragment: "steps") == "../../exercises/glute-bridge/#steps")
        #expect(linker.href(.references) == "../../references/")
        #expect(linker.asset("site.css") == "../../assets/site.css")
        #expect(linker.from == .page(Self.walking))
    }

    @Test(arguments: [
        ("https://learn.example.org/health/", "/health/"),
        ("https://learn.example.org/", "/"),
        ("https://learn.example.org", "/"),
        ("http://localhost:8080/a/b/", "/a/b/"),
        ("/docs/", "/docs/"),
        ("/", "/"),
    ])
    func notFoundPageUsesTheBaseURLsPath(baseURL: String, root: String) {
        let linker = Linker(from: .notFound, site: SiteConfig(title: "T", baseURL: baseURL))
        #expect(linker.href(.home) == root)
        #expect(linker.href(Self.walking) == root + "articles/walking/")
        #expect(linker.asset("site.css") == root + "assets/site.css")
    }

    @Test func basePath() {
        #expect(Linker.basePath(of: "https://example.org/health/") == "/health/")
        #expect(Linker.basePath(of: "relative/") == "/")
    }

    @Test func absoluteURLs() {
        #expect(Linker.absolute(.page(Self.walking), site: site) == "https://learn.example.org/health/articles/walking/")
        #expect(Linker.absolute(.home, site: site) == "https://learn.example.org/health/")
        #expect(SiteConfig(title: "T", baseURL: "https://x.org").baseURL == "https://x.org/")
    }

    @Test func notFoundPageLinksWorkFromAnyDepth() {
        let html = SitePages.notFound(graph: makeGraph()).markup
        #expect(html.contains("<a href=\"/health/\">Go to the home page</a>"))
        #expect(html.contains("href=\"/health/conditions/\""))
        #expect(html.contains("href=\"/health/assets/site.css\""))
        #expect(!html.contains("href=\"../"))
        #expect(!html.contains("rel=\"canonical\""))
    }
}
