import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import SiteBuilder
import Templates
import Testing

/// The search page in a real browser (headless Chromium through WebDriver), on the built
/// `Tests/Fixtures/search-site`: what patients type (misspellings, lay words), ranking, keyboard use,
/// announcements, the URL, layout shift, and the page with JavaScript off.
@Suite(.serialized, .enabled(if: BrowserTools.available, Comment(rawValue: BrowserTools.missing)))
struct SearchPageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/search-site")

    static func options(_ project: URL) -> LoadOptions {
        LoadOptions(contentDirectory: project.appendingPathComponent("Content"),
                    seedsDirectory: project.appendingPathComponent("seeds"),
                    displayRoot: project, includeDrafts: false, today: Day(iso: "2026-02-01")!)
    }

    /// Builds the fixture, serves it, opens a browser, runs `body`, and removes all three.
    static func withSite(mobile: Bool = false, javaScript: Bool = true, project: URL = fixture,
                         _ body: (Browser, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SiteBuild.build(options(project), output: folder.appendingPathComponent("Output"))
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.description))")
        let server = try await StaticServer(serving: folder.appendingPathComponent("Output"))
        defer { server.stop() }
        let browser = try await Browser(mobile: mobile, javaScript: javaScript)
        do {
            try await body(browser, server.base)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    struct Results: Sendable {
        var status: String
        var hrefs: [String]
        var titles: [String]
        var names: [String]
        var snippets: [String]
        var titleMarkup: [String]
    }

    /// The results once the list shows those for `query`.
    static func results(for query: String, in browser: Browser) async throws -> Results {
        try await eventually("results for '\(query)'") { () -> Results? in
            let value = try await browser.run("""
                var list = document.getElementById("search-results");
                if (!list || list.getAttribute("data-for") !== arguments[0]) { return null; }
                var items = Array.prototype.slice.call(list.children);
                return {
                  status: document.getElementById("search-status").textContent,
                  hrefs: items.map(function (li) { return li.querySelector("a").getAttribute("href"); }),
                  titles: items.map(function (li) { return li.querySelector("a").textContent; }),
                  titleMarkup: items.map(function (li) { return li.querySelector("a").innerHTML; }),
                  names: items.map(function (li) { var p = li.querySelector(".result-names"); return p ? p.textContent : ""; }),
                  snippets: items.map(function (li) { var p = li.querySelector("p:not(.result-names)"); return p ? p.innerHTML : ""; })
                };
                """, [query]) as? [String: Any]
            guard let value else { return nil }
            return Results(status: value["status"] as? String ?? "", hrefs: value["hrefs"] as? [String] ?? [],
                           titles: value["titles"] as? [String] ?? [], names: value["names"] as? [String] ?? [],
                           snippets: value["snippets"] as? [String] ?? [], titleMarkup: value["titleMarkup"] as? [String] ?? [])
        }
    }

    static func focused(_ browser: Browser) async throws -> String {
        try await browser.run("var e = document.activeElement; return e.id ? '#' + e.id : (e.getAttribute('href') || e.tagName);") as? String ?? ""
    }

    static func quoted(_ query: String) -> String { "\u{201C}\(query)\u{201D}" }

    @Test func misspellingsAndLayWordsFindThePage() async throws {
        try await Self.withSite { browser, base in
            let cases: [(query: String, first: String, names: String)] = [
                ("sciatika", "../conditions/sciatica/", ""),
                ("arthritus", "../conditions/knee-osteoarthritis/", "Also called: knee arthritis"),
                ("planter fasciitis", "../conditions/plantar-fasciitis/", ""),
                ("rotater cuff", "../conditions/rotator-cuff-tendinopathy/", ""),
                ("slipped disc", "../conditions/herniated-disc/", "Also called: slipped disc"),
                ("pinched nerve", "../conditions/sciatica/", "Also called: pinched nerve"),
            ]
            for item in cases {
                try await browser.open(base + "search/?q=" + item.query.replacingOccurrences(of: " ", with: "+"))
                let results = try await Self.results(for: item.query, in: browser)
                #expect(results.hrefs.first == item.first, "\(item.query): \(results.hrefs)")
                #expect(results.names.first == item.names, "\(item.query)")
                let count = results.hrefs.count
                #expect(results.status == "\(count) \(count == 1 ? "result" : "results") for \(Self.quoted(item.query))")
            }
        }
    }

    /// `seeds/synonyms.yml` gives "prolapsed disc" to the page named "Herniated disc", and "wear and
    /// tear arthritis" to the page whose title has "osteoarthritis".
    @Test func theSiteWideSynonymListFindsThePageAndShowsTheMatchedName() async throws {
        try await Self.withSite { browser, base in
            let cases: [(query: String, first: String, names: String)] = [
                ("prolapsed disc", "../conditions/herniated-disc/", "Also called: prolapsed disc"),
                ("wear and tear arthritis", "../conditions/knee-osteoarthritis/", "Also called: wear and tear arthritis"),
                ("trapped nerve", "../conditions/sciatica/", "Also called: trapped nerve"),
            ]
            for item in cases {
                try await browser.open(base + "search/?q=" + item.query.replacingOccurrences(of: " ", with: "+"))
                let results = try await Self.results(for: item.query, in: browser)
                #expect(results.hrefs.first == item.first, "\(item.query): \(results.hrefs)")
                #expect(results.names.first == item.names, "\(item.query): \(results.names)")
            }
            // Typed key by key, as a reader does.
            try await browser.open(base + "search/")
            try await browser.type("prolapsed disc", into: try await browser.element("#search-q"))
            let typed = try await Self.results(for: "prolapsed disc", in: browser)
            #expect(typed.hrefs.first == "../conditions/herniated-disc/")
            #expect(typed.names.first == "Also called: prolapsed disc")
        }
    }

    @Test func aWordOnlyInAnArticlesTextFindsItWithAMarkedSnippet() async throws {
        try await Self.withSite { browser, base in
            try await browser.open(base + "search/?q=ergonomics")
            let results = try await Self.results(for: "ergonomics", in: browser)
            #expect(results.hrefs == ["../articles/back-pain-at-work/"])
            #expect(results.snippets.first?.hasPrefix("Good <mark>ergonomics</mark> means a chair") == true, "\(results.snippets)")
            // Page text is text: the title's angle brackets are not markup.
            try await browser.open(base + "search/?q=heels+home")
            let heels = try await Self.results(for: "heels home", in: browser)
            #expect(heels.titles == ["Caring for sore heels <at home>"])
            #expect(heels.titleMarkup == ["Caring for sore <mark>heels</mark> &lt;at <mark>home</mark>&gt;"])
            // Nothing was fetched from anywhere but the site.
            let resources = try await browser.run("return performance.getEntriesByType('resource').map(function (e) { return e.name; });") as? [String] ?? []
            #expect(!resources.isEmpty)
            #expect(resources.allSatisfy { $0.hasPrefix(base) }, "\(resources)")
        }
    }

    @Test func exactTitlesRankFirstAndTheScriptAgreesWithSwift() async throws {
        let loaded = try CheckedContent.load(Self.options(Self.fixture))
        let index = SearchIndexBuilder().index(graph: loaded.graph)
        try await Self.withSite { browser, base in
            for query in ["sciatica", "walking", "sciatika", "pain", "back pain", "slipped disc", "heel", "shoulder", "stretch", "knee"] {
                try await browser.open(base + "search/?q=" + query.replacingOccurrences(of: " ", with: "+"))
                let results = try await Self.results(for: query, in: browser)
                let swift = index.search(query).prefix(10).map { "../" + Route.page($0).path }
                #expect(results.hrefs == Array(swift), "\(query)")
            }
            try await browser.open(base + "search/?q=sciatica")
            #expect(try await Self.results(for: "sciatica", in: browser).titles.first == "Sciatica")
            try await browser.open(base + "search/?q=walking")
            #expect(try await Self.results(for: "walking", in: browser).titles.first == "Walking")
        }
    }

    /// The first screen is picked without sorting every result; "More results" sorts them all: both
    /// must give Swift's order. The fixture, with 16 more articles about hamstrings, some in the title.
    @Test func moreResultsContinueInTheSameOrder() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("salve-more-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.copyItem(at: Self.fixture, to: project)
        for number in 1...16 {
            let title = number % 3 == 0 ? "Hamstring care \(number)" : "Leg day \(number)"
            try """
                ---
                title: \(title)
                summary: Looking after your legs, part \(number).
                conditions: [herniated-disc]
                review: pending
                published: 2025-10-\(String(format: "%02d", number))
                ---
                Gentle hamstring stretches \(number % 2 == 0 ? "after a walk" : "in the morning") help many people.

                """.write(to: project.appendingPathComponent("Content/articles/legs-\(number).md"), atomically: true, encoding: .utf8)
        }
        let loaded = try CheckedContent.load(Self.options(project))
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.all.map(\.description))")
        let swift = SearchIndexBuilder().index(graph: loaded.graph).search("hamstring").map { "../" + Route.page($0).path }
        try #require(swift.count == 16)
        try await Self.withSite(project: project) { browser, base in
            try await browser.open(base + "search/?q=hamstring")
            let first = try await Self.results(for: "hamstring", in: browser)
            #expect(first.hrefs == Array(swift.prefix(10)))
            #expect(first.status == "16 results for \(Self.quoted("hamstring"))")
            #expect(try await browser.isDisplayed(try await browser.element("#search-more")))
            _ = try await browser.run("document.getElementById('search-more').click();")
            let all = try await eventually("more results") { () -> [String]? in
                let hrefs = try await browser.run("""
                    return Array.prototype.map.call(document.querySelectorAll("#search-results > li > a"),
                                                    function (a) { return a.getAttribute("href"); });
                    """) as? [String]
                return hrefs?.count == swift.count ? hrefs : nil
            }
            #expect(all == swift)
            // Focus moves to the first of the new results, and every result is shown.
            #expect(try await Self.focused(browser) == swift[10])
            #expect(try await !browser.isDisplayed(try await browser.element("#search-more")))
        }
    }

    @Test func theScriptsWordsAndEditDistanceAgreeWithSwift() async throws {
        let pairs: [(String, String)] = [
            ("sciatika", "sciatica"), ("arthritus", "arthritis"), ("planter", "plantar"), ("rotater", "rotator"),
            ("sicatica", "sciatica"), ("kene", "knee"), ("walking", "talking"), ("shoulder", "sciatica"),
            ("tendonitis", "tendinopathy"), ("fasciitis", "fascitis"), ("hip", "hips"), ("", "abc"), ("ab", "ba"),
        ]
        let queries = ["Café crème", "L5–S1 disc", "the", "a", "Rotator-cuff TENDINOPATHY!", "don't stop", "Ærobic naïve"]
        try await Self.withSite { browser, base in
            try await browser.open(base + "search/")
            _ = try await eventually("the search script") { try await browser.run("return window.salveSearch ? true : null;") as? Bool }
            for (a, b) in pairs {
                for limit in 0...2 {
                    let js = try await browser.run("return salveSearch.distance(arguments[0], arguments[1], arguments[2]);", [a, b, limit]) as? Int
                    #expect(js == SearchText.distance(a, b, limit: limit), "\(a) \(b) \(limit)")
                }
            }
            for query in queries {
                let js = try await browser.run("return salveSearch.queryWords(arguments[0]);", [query]) as? [String]
                #expect(js == SearchText.queryWords(query), "\(query)")
            }
            for length in 0...12 {
                let js = try await browser.run("return salveSearch.allowed(arguments[0]);", [length]) as? Int
                #expect(js == SearchText.allowedEdits(length))
            }
        }
    }

    @Test func keyboardOnlyFocusStaysInTheFieldAndOneTabReachesTheFirstResult() async throws {
        try await Self.withSite { browser, base in
            try await browser.open(base + "search/")
            let input = try await browser.element("#search-q")
            try await browser.type("sciatica", into: input)
            let results = try await Self.results(for: "sciatica", in: browser)
            #expect(try await Self.focused(browser) == "#search-q", "focus left the field while typing")
            #expect(try await browser.url() == base + "search/?q=sciatica")
            // One Tab reaches the first result; Up goes back to the field; Down goes to the first result, then the next.
            try await browser.press(Browser.Key.tab)
            #expect(try await Self.focused(browser) == results.hrefs[0])
            try await browser.press(Browser.Key.up)
            #expect(try await Self.focused(browser) == "#search-q")
            try await browser.press(Browser.Key.down)
            #expect(try await Self.focused(browser) == results.hrefs[0])
            try await browser.press(Browser.Key.down)
            #expect(try await Self.focused(browser) == results.hrefs[1])
            // Enter in the field searches without leaving the page or the field.
            try await browser.type(" nerve" + Browser.Key.enter, into: input)
            _ = try await Self.results(for: "sciatica nerve", in: browser)
            #expect(try await Self.focused(browser) == "#search-q")
            #expect(try await browser.url() == base + "search/?q=sciatica+nerve")
            // Escape clears the field, the results and the URL's query.
            try await browser.press(Browser.Key.escape)
            _ = try await eventually("the results to clear") { () -> Bool? in
                let state = try await browser.run("""
                    return [document.getElementById("search-q").value, document.getElementById("search-results").children.length,
                            document.getElementById("search-status").textContent, location.search];
                    """) as? [Any]
                return state?[0] as? String == "" && state?[1] as? Int == 0 && state?[2] as? String == "" && state?[3] as? String == "" ? true : nil
            }
            #expect(try await Self.focused(browser) == "#search-q")
        }
    }

    @Test func resultsAreAnnouncedInALiveStatus() async throws {
        try await Self.withSite { browser, base in
            try await browser.open(base + "search/")
            let status = try await browser.run("""
                var s = document.getElementById("search-status");
                return [s.getAttribute("role"), s.getAttribute("aria-live"), document.getElementById("search-q").getAttribute("aria-controls")];
                """) as? [String]
            #expect(status == ["status", "polite", "search-results"])
            try await browser.type("sciatica", into: try await browser.element("#search-q"))
            let results = try await Self.results(for: "sciatica", in: browser)
            #expect(results.status == "\(results.hrefs.count) results for \(Self.quoted("sciatica"))")
            try await browser.type("zzzz", into: try await browser.element("#search-q"))
            #expect(try await Self.results(for: "sciaticazzzz", in: browser).status == "No results for \(Self.quoted("sciaticazzzz"))")
        }
    }

    @Test func theHeaderSearchBoxLandsInTheFieldAndBackShowsTheResultsAgain() async throws {
        try await Self.withSite { browser, base in
            try await browser.open(base)
            try await browser.type("slipped disc" + Browser.Key.enter, into: try await browser.element("#site-search-q"))
            let results = try await Self.results(for: "slipped disc", in: browser)
            #expect(try await Self.focused(browser) == "#search-q")
            try await browser.press(Browser.Key.tab)
            #expect(try await Self.focused(browser) == results.hrefs[0])
            try await browser.press(Browser.Key.enter)
            _ = try await eventually("the result's page") { () -> Bool? in
                try await browser.url().hasSuffix("/conditions/herniated-disc/") ? true : nil
            }
            try await browser.back()
            let again = try await Self.results(for: "slipped disc", in: browser)
            #expect(again.hrefs == results.hrefs)
            #expect(try await browser.run("return document.getElementById('search-q').value;") as? String == "slipped disc")
        }
    }

    /// Cumulative layout shift of every shift since the page started (input or not), from a
    /// PerformanceObserver installed before the page's own scripts.
    static let layoutShiftObserver = """
        window.__cls = 0;
        new PerformanceObserver(function (list) {
          list.getEntries().forEach(function (e) { window.__cls += e.value; });
        }).observe({ type: "layout-shift", buffered: true });
        """

    static func layoutShift(_ browser: Browser) async throws -> Double {
        // After two frames every shift so far has been reported.
        try await browser.runAsync("""
            var done = arguments[arguments.length - 1];
            requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(function () { done(window.__cls); }, 0); }); });
            """) as? Double ?? -1
    }

    @Test(arguments: [false, true])
    func resultsArriveWithoutLayoutShift(mobile: Bool) async throws {
        try await Self.withSite(mobile: mobile) { browser, base in
            try await browser.addInitScript(Self.layoutShiftObserver)
            // Results for a query in the URL, arriving after the page has painted.
            try await browser.open(base + "search/?q=pain")
            let results = try await Self.results(for: "pain", in: browser)
            #expect(results.hrefs.count >= 5)
            let onLoad = try await Self.layoutShift(browser)
            #expect(onLoad >= 0 && onLoad < 0.05, "CLS \(onLoad) with results from the URL (mobile: \(mobile))")
            // Typed, cleared and typed again.
            try await browser.open(base + "search/")
            let input = try await browser.element("#search-q")
            try await browser.type("back", into: input)
            _ = try await Self.results(for: "back", in: browser)
            try await browser.press(Browser.Key.escape)
            try await browser.type("sciatica", into: input)
            _ = try await Self.results(for: "sciatica", in: browser)
            let typed = try await Self.layoutShift(browser)
            #expect(typed >= 0 && typed < 0.05, "CLS \(typed) while typing (mobile: \(mobile))")
        }
    }

    @Test func withJavaScriptOffTheFormAndLinksStillWork() async throws {
        try await Self.withSite(javaScript: false) { browser, base in
            try await browser.open(base + "search/?q=sciatica")
            let button = try await browser.element("#search-form button[type=submit]")
            #expect(try await browser.isDisplayed(button))
            let main = try await browser.text(of: try await browser.element("main"))
            #expect(main.contains("Search needs JavaScript. You can browse conditions, articles and exercise cards instead."), "\(main)")
            #expect(try await browser.isDisplayed(try await browser.element("#site-search-q")))
        }
    }
}
