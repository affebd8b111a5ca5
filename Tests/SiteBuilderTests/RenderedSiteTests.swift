import Foundation
import SiteBuilder
import Testing

/// Focused checks on the built valid site, so a wrong golden file cannot pass silently.
@Suite(.timeLimit(.minutes(1)))
struct RenderedSiteTests {
    static let article = "articles/moving-with-knee-osteoarthritis/index.html"
    static let pendingArticle = "articles/easing-low-back-pain/index.html"

    // MARK: Plain pages

    @Test func plainPagesPublishAtTheRootAndAreInTheSitemapAndSearchButNotTheFeed() throws {
        let site = try BuiltSite.valid()
        let about = site.page("about/index.html")
        #expect(about.contains("\"@type\":\"AboutPage\""))
        #expect(!about.contains("MedicalWebPage"))
        #expect(about.contains("<a href=\"../about/team/\">the team</a>"))
        #expect(site.page("about/team/index.html").contains("<h1>Our team</h1>"))
        #expect(site.files["index/index.html"] == nil, "pages/index.md is the home page's text, not a page")
        #expect(site.page("index.html").contains("<div class=\"prose home-text\">"))
        let sitemap = site.page("sitemap.xml")
        #expect(sitemap.contains("/about/</loc><lastmod>2026-02-01</lastmod>"))
        #expect(sitemap.contains("/about/team/</loc>"))
        #expect(!sitemap.contains("/pages/"))
        #expect(!site.page("feed.xml").contains("/about/"))
        #expect(try site.searchFragments()["about/"] != nil)
    }

    // MARK: Citations

    @Test func citationsAreNumberedByFirstUseAndReuseTheirNumber() throws {
        let page = try BuiltSite.valid().page(Self.article)
        let prose = page.between("<div class=\"prose\">", "<section class=\"credits\"")
        // [@rivera2021] → 1
        #expect(prose.contains(
            "treatments for knee osteoarthritis<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a></sup>."))
        // [@rivera2021; @hall2019] → one superscript, 1 reused, hall2019 new → 2
        #expect(prose.contains(
            "keeps it supple<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a>, <a href=\"#ref-hall2019\" aria-label=\"Reference 2\">2</a></sup>."))
        // [see @hall2019, p. 3] → prefix and locator kept, number reused
        #expect(prose.contains(
            "pumps\naround<sup class=\"citation\">see <a href=\"#ref-hall2019\" aria-label=\"Reference 2\">2</a>, p. 3</sup>."))
        // A later [@rivera2021] reuses 1.
        #expect(prose.contains(
            "once a week<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a></sup>."))
        // No bracketed citation survives as text.
        #expect(!page.contains("[@"))
        #expect(!page.contains("@rivera2021"))
        #expect(!page.contains("@hall2019"))
        // Only numbers 1 to 3 are used on the page.
        #expect(!page.contains("aria-label=\"Reference 4\""))
    }

    @Test func referenceListFollowsCitationOrder() throws {
        let page = try BuiltSite.valid().page(Self.article)
        let list = page.between("<h2 id=\"references-title\">References</h2>\n<ol>\n", "</ol>")
        let ids = list.split(separator: "\n").map { String($0).between("<li id=\"", "\"") }
        // rivera2021 (1) and hall2019 (2) from the body, then kneecare-exercise-2022 (3) from the embedded card's caution.
        #expect(ids == ["ref-rivera2021", "ref-hall2019", "ref-kneecare-exercise-2022"])
        #expect(list.contains(
            "<li id=\"ref-rivera2021\">Rivera ML, Chen W, O&#39;Neill P. Home exercise for knee osteoarthritis: a randomised trial. <cite>Journal of Fictional Rehabilitation</cite>. 2021;12(3):101-110. doi:<a href=\"https://doi.org/10.5555/jfr.2021.0042\">10.5555/jfr.2021.0042</a></li>"))
        #expect(list.contains(
            "<li id=\"ref-hall2019\">Hall J. <cite>Moving Well With Joint Pain</cite>. Example Medical Press; 2019.</li>"))
        #expect(list.contains(
            "<li id=\"ref-kneecare-exercise-2022\">Exercise &amp; your knees. KneeCare Foundation. Published September 1, 2022. Accessed January 5, 2026. <a href=\"https://kneecare.example.org/exercise?topic=knees&amp;lang=en\">https://kneecare.example.org/exercise?topic=knees&amp;lang=en</a></li>"))
    }

    @Test func frontMatterCitationsComeFirst() throws {
        let site = try BuiltSite.valid()
        // A condition: summary (rivera2021 → 1), body (rivera2021 again → 1), symptoms (hall2019 → 2).
        let condition = site.page("conditions/knee-osteoarthritis/index.html")
        #expect(condition.contains("one of the best ways to manage it<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a></sup>."))
        #expect(condition.contains("<li>Stiffness that eases after &lt; 30 minutes of moving<sup class=\"citation\"><a href=\"#ref-hall2019\" aria-label=\"Reference 2\">2</a></sup></li>"))
        // An exercise card: its body has no citations, so its cautions number from 1.
        let card = site.page("exercises/quad-set/index.html")
        #expect(card.contains("within a day<sup class=\"citation\"><a href=\"#ref-kneecare-exercise-2022\" aria-label=\"Reference 1\">1</a></sup>.</li>"))
        #expect(card.contains("swells or locks<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 2\">2</a></sup>.</li>"))
        // A program: summary → body → phases → mistakes → pause signals.
        let program = site.page("programs/knee-walking-plan/index.html")
        let order = program.between("<h2 id=\"references-title\">References</h2>\n<ol>\n", "</ol>")
            .split(separator: "\n").map { String($0).between("<li id=\"", "\"") }
        #expect(order == ["ref-rivera2021", "ref-hall2019", "ref-kneecare-exercise-2022"])
        #expect(program.contains("<dt>Pace</dt><dd>Easy enough to chat<sup class=\"citation\"><a href=\"#ref-hall2019\" aria-label=\"Reference 2\">2</a></sup></dd>"))
    }

    @Test func pagesWithoutCitationsHaveNoReferenceList() throws {
        let site = try BuiltSite.valid()
        for path in ["exercises/knee-to-chest/index.html", "experts/ana-ruiz/index.html", "experts/sam-okafor/index.html"] {
            #expect(!site.page(path).contains("id=\"references\""), "\(path)")
        }
    }

    // MARK: Embedded cards and links

    @Test func exerciseBlockEmbedsBothCardsInOrder() throws {
        let page = try BuiltSite.valid().page(Self.article)
        #expect(page.occurrences(of: "<aside class=\"card-embed\"") == 2)
        let quad = try #require(page.range(of: "<aside class=\"card-embed\" aria-label=\"Exercise card: Quad set\">"))
        let sit = try #require(page.range(of: "<aside class=\"card-embed\" aria-label=\"Exercise card: Sit-to-stand\">"))
        #expect(quad.lowerBound < sit.lowerBound)
        // The block replaces the fence: no code block is left, and the cards sit between the paragraphs around it.
        #expect(!page.contains("<pre><code class=\"language-exercise\">"))
        #expect(!page.contains("quad-set\nsit-to-stand"))
        let before = try #require(page.range(of: "NHS advice</a>.</p>"))
        let after = try #require(page.range(of: "<h2 id=\"why-it-helps-2\">"))
        #expect(before.upperBound < quad.lowerBound && sit.upperBound < after.lowerBound)
        // The embedded card: title linked, its steps, dosage and cautions, and the printable-card link.
        let card = page.between("aria-label=\"Exercise card: Quad set\">", "</aside>")
        #expect(card.contains("<h3><a href=\"../../exercises/quad-set/\">Quad set</a></h3>"))
        #expect(card.contains("<li>Press the back of your knee down into the towel by tightening your thigh muscle.</li>"))
        #expect(card.contains("<dt>Hold</dt><dd>5 seconds</dd>"))
        #expect(card.contains("<dt>Sets</dt><dd>2–3</dd>"))
        #expect(card.contains("<p class=\"card-link\"><a href=\"../../exercises/quad-set/\">Open the printable card for Quad set</a></p>"))
        // The card's citations are numbered into the page: a new key takes 3, a known key keeps 1.
        #expect(card.contains("aria-label=\"Reference 3\">3</a>"))
        #expect(card.contains("locks<sup class=\"citation\"><a href=\"#ref-rivera2021\" aria-label=\"Reference 1\">1</a></sup>"))
        // The card page lists the article it is found in.
        let cardPage = try BuiltSite.valid().page("exercises/quad-set/index.html")
        #expect(cardPage.contains("<h2 id=\"used-in-title\">Found in</h2>"))
        #expect(cardPage.contains("<li><a href=\"../../articles/moving-with-knee-osteoarthritis/\">"))
    }

    @Test func contentLinksBecomeRelativePageLinks() throws {
        let site = try BuiltSite.valid()
        let article = site.page(Self.article)
        #expect(article.contains("<a href=\"../../exercises/quad-set/#steps\">quad set</a>"))
        #expect(article.contains("<a href=\"../../exercises/sit-to-stand/\">sit-to-stand</a>"))
        // A link to a file in the same folder, with a fragment naming a body heading.
        #expect(article.contains("<a href=\"../../articles/easing-low-back-pain/#keep-moving\">easing low back pain</a>"))
        // Web links are left alone.
        #expect(article.contains("<a href=\"https://www.nhs.uk/conditions/osteoarthritis/\">NHS advice</a>"))
        #expect(!article.contains(".md\""))
        #expect(!article.contains(".md#"))
        let pending = site.page(Self.pendingArticle)
        #expect(pending.contains("<a href=\"../../programs/knee-walking-plan/#phases\">this program</a>"))
        #expect(pending.contains("<a href=\"../../exercises/knee-to-chest/\">knee-to-chest stretch</a>"))
        // Index pages are one folder deep, the home page none.
        #expect(site.page("articles/index.html").contains("href=\"../articles/easing-low-back-pain/\""))
        #expect(site.page("index.html").contains("<a href=\"conditions/knee-osteoarthritis/\">"))
        #expect(site.page("index.html").contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
    }

    /// Every relative link in every page points at a file in the output, and every fragment at an id there.
    @Test func everyInternalLinkResolves() throws {
        let site = try BuiltSite.valid()
        var broken: [String] = []
        for page in site.htmlPages {
            let html = site.page(page)
            let folder = (page as NSString).deletingLastPathComponent
            let links = Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html)
                + Self.attributeValues("action", in: html)
            for href in links {
                if href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:") { continue }
                var path = href
                var fragment: String?
                if let hash = path.firstIndex(of: "#") {
                    fragment = String(path[path.index(after: hash)...])
                    path = String(path[..<hash])
                }
                var target: String
                if path.isEmpty {
                    target = page
                } else if path.hasPrefix("/health/") {
                    target = String(path.dropFirst("/health/".count))
                } else if path.hasPrefix("/") {
                    broken.append("\(page): \(href) leaves the site's base path")
                    continue
                } else {
                    target = Self.normalise(folder.isEmpty ? path : folder + "/" + path)
                }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                guard let targetHTML = site.files[target] else {
                    broken.append("\(page): \(href) → \(target) does not exist")
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    let text = String(decoding: targetHTML, as: UTF8.self)
                    if !Self.attributeValues("id", in: text).contains(fragment) {
                        broken.append("\(page): \(href) → \(target) has no id '\(fragment)'")
                    }
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }

    // MARK: Headings

    @Test func headingsGetStableUniqueIds() throws {
        let page = try BuiltSite.valid().page(Self.article)
        #expect(page.contains("<h2 id=\"why-it-helps\">Why it helps</h2>"))
        // The same title again gets the next number.
        #expect(page.contains("<h2 id=\"why-it-helps-2\">Why it helps</h2>"))
        // A heading whose id the page template uses already ("summary") gets the next free one.
        #expect(page.contains("<h2 id=\"summary-2\">Summary</h2>"))
        #expect(page.occurrences(of: "id=\"summary\"") == 1)
        #expect(page.contains("<h2 id=\"two-exercises-to-start-with\">Two exercises to start with</h2>"))
    }

    @Test func everyPageHasExactlyOneH1() throws {
        let site = try BuiltSite.valid(includeDrafts: true)
        #expect(site.htmlPages.contains("articles/heat-or-ice/index.html"))
        for page in site.htmlPages {
            #expect(site.page(page).occurrences(of: "<h1") == 1, "\(page)")
            #expect(site.page(page).occurrences(of: "</h1>") == 1, "\(page)")
        }
    }

    /// Ids are unique on every page, including one that embeds two exercise cards (each card's dosage
    /// section used to repeat `id="dosage"`).
    @Test func idsAreUniqueOnEveryPage() throws {
        let site = try BuiltSite.valid(includeDrafts: true)
        var duplicates: [String] = []
        for page in site.htmlPages {
            var seen: [String: Int] = [:]
            for id in Self.attributeValues("id", in: site.page(page)) { seen[id, default: 0] += 1 }
            for (id, count) in seen.sorted(by: { $0.key < $1.key }) where count > 1 {
                duplicates.append("\(page): id=\"\(id)\" × \(count)")
            }
        }
        #expect(duplicates.isEmpty, "\(duplicates.joined(separator: "\n"))")
    }

    // MARK: Review boxes

    @Test func completedReviewBox() throws {
        let site = try BuiltSite.valid()
        let page = site.page(Self.article)
        let box = page.between("<aside class=\"review\" id=\"review\" aria-label=\"Review status\">\n", "</aside>")
        // next-due is not written: it is the review date plus review-interval-months (6) from site.yml.
        #expect(box == """
            <p><strong>Clinical review</strong> by <a href="../../experts/ana-ruiz/">Ana Ruiz, PT, DPT</a>.</p>
            <p>Page last reviewed: <time datetime="2026-01-15">15 January 2026</time>.
            Next review due: <time datetime="2026-07-15">15 July 2026</time>.</p>

            """)
        #expect(!page.contains("review-pending"))
        // A written next-due is kept.
        let condition = site.page("conditions/low-back-pain/index.html")
        #expect(condition.contains("<p><strong>Medical review</strong> by <a href=\"../../experts/sam-okafor/\">Sam Okafor, MD</a>.</p>"))
        #expect(condition.contains("Next review due: <time datetime=\"2026-11-20\">20 November 2026</time>."))
    }

    @Test func pendingReviewBox() throws {
        let site = try BuiltSite.valid()
        let page = site.page(Self.pendingArticle)
        #expect(page.contains("""
            <aside class="review review-pending" id="review" aria-label="Review status">
            <p><strong>Review pending.</strong> A qualified clinician has not yet reviewed this page for Knee &amp; Back Library. Review booked for March &amp; April.</p>
            </aside>
            """))
        #expect(!page.contains("Page last reviewed"))
        // `review: pending`, and a program with no review at all, say the same without a note.
        for path in ["conditions/knee-osteoarthritis/index.html", "exercises/quad-set/index.html",
                     "programs/knee-walking-plan/index.html"] {
            #expect(site.page(path).contains(
                "<p><strong>Review pending.</strong> A qualified clinician has not yet reviewed this page for Knee &amp; Back Library.</p>"), "\(path)")
        }
    }

    @Test func expertCreditsAreListedWithTheirRoles() throws {
        let page = try BuiltSite.valid().page(Self.article)
        let credits = page.between("<section class=\"credits\" id=\"experts\" aria-labelledby=\"credits-title\">", "</section>")
        #expect(credits.contains("<li><a href=\"../../experts/ana-ruiz/\">Ana Ruiz, PT, DPT</a>, Physical therapist: Author</li>"))
        #expect(credits.contains("<li><a href=\"../../experts/sam-okafor/\">Sam Okafor, MD</a>, Orthopedic surgeon: Medical reviewer of the source article</li>"))
    }

    /// An expert who both reviewed and is credited on an article sees it once in each list
    /// (it used to be listed twice in both, when ContentGraph kept duplicate page refs).
    @Test func expertPageListsEachPageOnce() throws {
        let page = try BuiltSite.valid().page("experts/ana-ruiz/index.html")
        let reviewed = page.between("<h2 id=\"reviewed-title\">Pages reviewed</h2>", "</section>")
        let named = page.between("<h2 id=\"credited-title\">Named on these pages</h2>", "</section>")
        let link = "<a href=\"../../articles/moving-with-knee-osteoarthritis/\">"
        #expect(reviewed.contains("<a href=\"../../exercises/sit-to-stand/\">Sit-to-stand</a> <span class=\"note\">Clinical review, 10 January 2026</span>"))
        #expect(reviewed.contains("Moving with knee osteoarthritis: &quot;motion is lotion&quot;</a> <span class=\"note\">Clinical review, 15 January 2026</span>"))
        #expect(reviewed.occurrences(of: link) == 1)
        #expect(named.occurrences(of: link) == 1)
        #expect(named.contains("<span class=\"note\">Author</span>"))
        let sam = try BuiltSite.valid().page("experts/sam-okafor/index.html")
        #expect(sam.contains("<a href=\"../../conditions/low-back-pain/\">Low back pain</a> <span class=\"note\">Medical review, 20 November 2025</span>"))
        #expect(sam.contains("Medical reviewer of the source article</span>"))
    }

    // MARK: Escaping

    @Test func textIsEscapedOnce() throws {
        let site = try BuiltSite.valid()
        let article = site.page(Self.article)
        #expect(article.contains("<title>Moving with knee osteoarthritis: &quot;motion is lotion&quot; | Knee &amp; Back Library</title>"))
        #expect(article.contains("<h1>Moving with knee osteoarthritis: &quot;motion is lotion&quot;</h1>"))
        #expect(article.contains("people say &quot;motion is lotion&quot; &amp; why resting"))
        #expect(article.contains("as long as 1 &lt; 2 sessions"))
        #expect(article.contains("Use your hands on the chair&#39;s arms"))
        #expect(article.contains("href=\"https://kneecare.example.org/exercise?topic=knees&amp;lang=en\""))
        // The home page's text comes from pages/index.md; its description from site.yml.
        #expect(site.page("index.html").contains("<p class=\"lede\">Plain-language pages about joint pain &amp; back care, written for Salve&#39;s tests.</p>"))
        #expect(site.page("index.html").contains("<meta name=\"description\" content=\"A small made-up site that Salve&#39;s end-to-end tests build &amp; compare with golden files.\">"))
        for page in site.htmlPages {
            let html = site.page(page)
            for doubled in ["&amp;amp;", "&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#39;"] {
                #expect(!html.contains(doubled), "\(page) contains \(doubled)")
            }
            // No raw ampersand or quote escapes into text: every & starts an entity.
            #expect(!html.contains("& "), "\(page) has a bare &")
        }
    }

    /// Markup that a template escaped a second time would show up as `&lt;sup`, `&lt;div`… in the page.
    @Test func noDoubleEscapedMarkup() throws {
        let site = try BuiltSite.valid(includeDrafts: true)
        for page in site.htmlPages {
            let html = site.page(page)
            for tag in ["sup", "div", "section", "aside", "a ", "p>", "p ", "li", "ul", "ol", "cite", "h2", "h3", "strong", "time", "dl", "dt", "dd", "/"] {
                #expect(!html.contains("&lt;" + tag), "\(page) contains &lt;\(tag)")
            }
            #expect(!html.contains("&lt;!--"), "\(page)")
        }
    }

    // MARK: Site shell

    @Test func shellUsesSiteSettings() throws {
        let site = try BuiltSite.valid()
        for page in site.htmlPages {
            let html = site.page(page)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n"), "\(page)")
            #expect(html.hasSuffix("</html>\n"), "\(page)")
        }
        #expect(site.page(Self.article).contains(
            "<link rel=\"canonical\" href=\"https://fixture.example/health/articles/moving-with-knee-osteoarthritis/\">"))
        #expect(site.page("index.html").contains("<link rel=\"canonical\" href=\"https://fixture.example/health/\">"))
        #expect(site.page("index.html").contains("<title>Knee &amp; Back Library</title>"))
        // The 404 page is served at any depth, so it links from the base URL's path and has no canonical link.
        let notFound = site.page("404.html")
        #expect(notFound.contains("<link rel=\"stylesheet\" href=\"/health/assets/site.css\">"))
        #expect(notFound.contains("<a href=\"/health/\">Go to the home page</a>"))
        #expect(!notFound.contains("rel=\"canonical\""))
        #expect(!notFound.contains("href=\"../"))
        #expect(site.files["assets/site.css"].map { !$0.isEmpty } == true)
    }

    @Test func referencesPageListsEveryEntryWithItsCitingPages() throws {
        let page = try BuiltSite.valid().page("references/index.html")
        let ids = Self.attributeValues("id", in: page).filter { $0.hasPrefix("ref-") }
        // File order of references.json.
        #expect(ids == ["ref-rivera2021", "ref-kneecare-exercise-2022", "ref-hall2019"])
        let hall = page.between("<li id=\"ref-hall2019\">", "</li>")
        #expect(hall.contains("Cited on: <a href=\"../conditions/knee-osteoarthritis/\">Knee osteoarthritis</a>, <a href=\"../conditions/low-back-pain/\">Low back pain</a>, <a href=\"../articles/easing-low-back-pain/\">Easing low back pain at home</a>"))
        #expect(!hall.contains("heat-or-ice"))
    }

    // MARK: Helpers

    /// The values of every `name="…"` attribute in `html`, in order.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let start = rest.range(of: marker) {
            let afterQuote = rest[start.upperBound...]
            guard let end = afterQuote.firstIndex(of: "\"") else { break }
            values.append(String(afterQuote[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = afterQuote[end...]
        }
        return values
    }

    /// Resolves `.` and `..` in a relative path.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return "<outside the site>" }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { return "" }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }
}
