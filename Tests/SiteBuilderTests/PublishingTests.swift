import Dispatch
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteBuilder
import Testing

/// What a build publishes besides the pages' prose: structured data, meta tags, the sitemap, robots.txt,
/// the Atom feed, redirects for aliases, the search index, the review footer, and which pages drafts
/// and scheduled articles leave out. One small generated site, built as of `Fixtures.today` (2026-02-01).
@Suite struct PublishingTests {
    static let site = """
        title: Publishing Test
        base-url: https://pub.example/
        description: Knee help for everyone.

        """

    static let files: [String: String] = [
        "Content/site.yml": site,
        "Content/experts/jo-bloggs.md": """
            ---
            name: Jo Bloggs
            credentials: [PT, DPT]
            title: Physical therapist
            affiliation: Example Clinic
            ---
            Jo is a made-up physical therapist.

            """,
        "Content/conditions/knee-pain.md": """
            ---
            name: Knee pain
            synonyms: [sore knee]
            summary: Pain in or around the knee [@smith2019].
            symptoms:
              - Pain when you climb stairs [@smith2019]
              - Stiffness in the morning
            seek-care:
              - See a doctor if the knee is hot and swollen.
            aliases: [/conditions/sore-knee/, /old-knee.html]
            review:
              reviewer: jo-bloggs
              role: medical
              date: 2026-01-10
              next-due: 2026-07-10
            ---
            ## What helps

            Gentle exercise and staying active.

            """,
        "Content/exercises/quad-set.md": """
            ---
            title: Quad set
            kind: strength
            conditions: [knee-pain]
            dosage:
              hold-seconds: 5
              reps: 10
              sets: 2
              per-day: 2
            review:
              reviewer: jo-bloggs
              role: clinical
              date: 2026-01-12
            ---
            1. Sit with your legs straight.
            2. Tighten the muscle at the front of your thigh.

            """,
        "Content/exercises/calf-stretch.md": """
            ---
            title: Calf stretch
            kind: stretch
            conditions: [knee-pain]
            dosage:
              minutes: 2-3
              reps: 8-12
              per-week: 3
            review: pending
            ---
            1. Stand facing a wall.
            2. Step one foot back and lean in.

            """,
        "Content/articles/guide.md": """
            ---
            title: A knee guide
            summary: What helps a sore knee, and how to start [@smith2019].
            conditions: [knee-pain]
            review:
              reviewer: jo-bloggs
              role: clinical
              date: 2026-01-10
            published: 2025-12-01
            updated: 2026-01-20
            ---
            Gentle exercise helps [@smith2019; @nhs-knee].

            ```exercise
            quad-set
            calf-stretch
            ```

            """,
        "Content/articles/basics.md": """
            ---
            title: "Knee basics </script><script>alert(1)</script> & more"
            summary: The basics of knee pain.
            conditions: [knee-pain]
            review: pending
            published: 2025-11-01
            ---
            Most knee pain settles with time.

            """,
        "Content/articles/draft-notes.md": """
            ---
            title: Draft notes
            summary: Not ready yet.
            conditions: [knee-pain]
            review: pending
            published: 2025-10-01
            draft: true
            ---
            Unfinished.

            """,
        "Content/articles/coming-soon.md": """
            ---
            title: Coming soon
            summary: Published next month.
            conditions: [knee-pain]
            review: pending
            published: 2026-03-01
            ---
            Scheduled.

            """,
        "seeds/references.json": """
            [
              {
                "id": "smith2019",
                "type": "article-journal",
                "author": [{"family": "Smith", "given": "Ann"}],
                "title": "Exercise for knee pain",
                "container-title": "Journal of Examples",
                "issued": {"date-parts": [[2019, 5, 1]]},
                "DOI": "10.5555/joe.2019.001"
              },
              {
                "id": "nhs-knee",
                "type": "webpage",
                "title": "Knee pain",
                "container-title": "Example NHS",
                "URL": "https://www.nhs.example/knee-pain/",
                "accessed": {"date-parts": [[2026, 1, 5]]}
              }
            ]

            """,
    ]

    /// Builds the site (with `changes` applied) into a temporary folder and returns every file written.
    static func build(includeDrafts: Bool = false, changes: [String: String] = [:]) throws -> BuiltSite {
        try withTemporaryFolder("salve-publishing") { temp in
            let project = temp.appending("project")
            try FileTree.write(files.merging(changes) { $1 }.mapValues { Data($0.utf8) }, to: project)
            let output = temp.appending("Output")
            let report = try Fixtures.build(project, includeDrafts: includeDrafts, output: output)
            #expect(report.succeeded, "\(report.diagnostics.lines)")
            return BuiltSite(report: report, files: FileTree.exists(output) ? try FileTree.read(output) : [:])
        }
    }

    static let contentPages = [
        "conditions/knee-pain/index.html", "articles/guide/index.html", "articles/basics/index.html",
        "exercises/quad-set/index.html", "exercises/calf-stretch/index.html", "experts/jo-bloggs/index.html",
    ]

    /// The page's JSON-LD, parsed.
    static func structuredData(_ page: String) throws -> [String: Any] {
        let start = "<script type=\"application/ld+json\">"
        #expect(page.occurrences(of: start) == 1)
        let json = page.between(start, "</script>")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(object as? [String: Any])
    }

    // MARK: Structured data

    @Test func everyContentPageIsAMedicalWebPageForPatients() throws {
        let built = try Self.build()
        for path in Self.contentPages {
            let data = try Self.structuredData(built.page(path))
            #expect(data["@context"] as? String == "https://schema.org", "\(path)")
            #expect(data["@type"] as? String == "MedicalWebPage", "\(path)")
            let audience = data["medicalAudience"] as? [String: Any]
            #expect(audience?["@type"] as? String == "MedicalAudience", "\(path)")
            #expect(audience?["audienceType"] as? String == "Patient", "\(path)")
            #expect(data["url"] as? String == "https://pub.example/" + path.replacingOccurrences(of: "index.html", with: ""))
            #expect(data["inLanguage"] as? String == "en")
        }
    }

    @Test func aReviewedArticleHasItsCitationsAndReview() throws {
        let data = try Self.structuredData(try Self.build().page("articles/guide/index.html"))
        #expect(data["name"] as? String == "A knee guide")
        #expect(data["description"] as? String == "What helps a sore knee, and how to start.")
        let citations = try #require(data["citation"] as? [[String: Any]])
        #expect(citations.map { $0["@type"] as? String } == ["ScholarlyArticle", "CreativeWork"])
        #expect(citations.map { $0["name"] as? String } == ["Exercise for knee pain", "Knee pain"])
        #expect(citations.map { $0["url"] as? String } ==
            ["https://doi.org/10.5555/joe.2019.001", "https://www.nhs.example/knee-pain/"])
        #expect(citations[0]["datePublished"] as? String == "2019-05-01")
        #expect(data["lastReviewed"] as? String == "2026-01-10")
        let reviewer = try #require(data["reviewedBy"] as? [String: Any])
        #expect(reviewer["@type"] as? String == "Person")
        #expect(reviewer["name"] as? String == "Jo Bloggs")
        #expect(reviewer["url"] as? String == "https://pub.example/experts/jo-bloggs/")
    }

    @Test func aPendingPageClaimsNoReview() throws {
        let built = try Self.build()
        for path in ["articles/basics/index.html", "exercises/calf-stretch/index.html"] {
            let data = try Self.structuredData(built.page(path))
            #expect(data["lastReviewed"] == nil, "\(path)")
            #expect(data["reviewedBy"] == nil, "\(path)")
        }
        // Nothing cited, no citation list.
        #expect(try Self.structuredData(built.page("articles/basics/index.html"))["citation"] == nil)
    }

    @Test func theConditionPageDescribesAMedicalCondition() throws {
        let data = try Self.structuredData(try Self.build().page("conditions/knee-pain/index.html"))
        #expect(data["lastReviewed"] as? String == "2026-01-10")
        let condition = try #require(data["mainEntity"] as? [String: Any])
        #expect(condition["@type"] as? String == "MedicalCondition")
        #expect(condition["name"] as? String == "Knee pain")
        #expect(condition["alternateName"] as? [String] == ["sore knee"])
        #expect(condition["description"] as? String == "Pain in or around the knee.")
        let symptoms = try #require(condition["signOrSymptom"] as? [[String: Any]])
        #expect(symptoms.map { $0["@type"] as? String } == ["MedicalSignOrSymptom", "MedicalSignOrSymptom"])
        #expect(symptoms.map { $0["name"] as? String } == ["Pain when you climb stairs", "Stiffness in the morning"])
        let treatments = try #require(condition["possibleTreatment"] as? [[String: Any]])
        #expect(treatments.allSatisfy { $0["@type"] as? String == "ExercisePlan" })
        #expect(Set(treatments.compactMap { $0["url"] as? String }) ==
            ["https://pub.example/exercises/quad-set/", "https://pub.example/exercises/calf-stretch/"])
        #expect(Set(treatments.compactMap { $0["name"] as? String }) == ["Quad set", "Calf stretch"])
    }

    @Test func anExerciseCardDescribesAnExercisePlan() throws {
        let built = try Self.build()
        let quad = try #require(try Self.structuredData(built.page("exercises/quad-set/index.html"))["mainEntity"] as? [String: Any])
        #expect(quad["@type"] as? String == "ExercisePlan")
        #expect(quad["name"] as? String == "Quad set")
        #expect(quad["url"] as? String == "https://pub.example/exercises/quad-set/")
        #expect(quad["exerciseType"] as? String == "Strengthening")
        #expect(quad["activityFrequency"] as? String == "2 times a day")
        let reps = try #require(quad["repetitions"] as? [String: Any])
        #expect(reps["@type"] as? String == "QuantitativeValue")
        #expect(reps["value"] as? Int == 10)
        #expect(reps["unitCode"] == nil)
        let hold = try #require(quad["activityDuration"] as? [String: Any])
        #expect(hold["@type"] as? String == "QuantitativeValue")
        #expect(hold["value"] as? Int == 5)
        #expect(hold["unitCode"] as? String == "SEC")

        let calf = try #require(try Self.structuredData(built.page("exercises/calf-stretch/index.html"))["mainEntity"] as? [String: Any])
        #expect(calf["exerciseType"] as? String == "Stretch")
        #expect(calf["activityFrequency"] as? String == "3 days a week")
        let range = try #require(calf["repetitions"] as? [String: Any])
        #expect(range["minValue"] as? Int == 8)
        #expect(range["maxValue"] as? Int == 12)
        #expect(range["value"] == nil)
        let minutes = try #require(calf["activityDuration"] as? [String: Any])
        #expect(minutes["minValue"] as? Int == 2)
        #expect(minutes["maxValue"] as? Int == 3)
        #expect(minutes["unitCode"] as? String == "MIN")
    }

    @Test func theExpertPageDescribesAPerson() throws {
        let data = try Self.structuredData(try Self.build().page("experts/jo-bloggs/index.html"))
        #expect(data["name"] as? String == "Jo Bloggs, PT, DPT")
        let person = try #require(data["mainEntity"] as? [String: Any])
        #expect(person["@type"] as? String == "Person")
        #expect(person["name"] as? String == "Jo Bloggs")
        #expect(person["honorificSuffix"] as? String == "PT, DPT")
        #expect(person["jobTitle"] as? String == "Physical therapist")
        #expect((person["affiliation"] as? [String: Any])?["name"] as? String == "Example Clinic")
        #expect((person["affiliation"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect(person["url"] as? String == "https://pub.example/experts/jo-bloggs/")
    }

    @Test func aScriptEndTagInATitleIsEscapedInTheJSONLD() throws {
        let page = try Self.build().page("articles/basics/index.html")
        let script = page.between("<script type=\"application/ld+json\">", "</script>\n</head>")
        #expect(!script.contains("</script>"))
        #expect(!script.contains("<"))
        #expect(script.contains("Knee basics \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more"))
        // The JSON still reads back as the title.
        let data = try Self.structuredData(page)
        #expect(data["name"] as? String == "Knee basics </script><script>alert(1)</script> & more")
    }

    // MARK: Meta tags

    static func meta(_ page: String, property: String) -> String {
        page.between("<meta property=\"\(property)\" content=\"", "\">")
    }

    @Test func canonicalAndOpenGraphTags() throws {
        let built = try Self.build()
        let page = built.page("articles/guide/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://pub.example/articles/guide/\">"))
        #expect(Self.meta(page, property: "og:url") == "https://pub.example/articles/guide/")
        #expect(Self.meta(page, property: "og:title") == "A knee guide")
        #expect(Self.meta(page, property: "og:description") == "What helps a sore knee, and how to start.")
        #expect(Self.meta(page, property: "og:type") == "article")
        #expect(page.contains("<meta name=\"description\" content=\"What helps a sore knee, and how to start.\">"))

        let condition = built.page("conditions/knee-pain/index.html")
        #expect(condition.contains("<link rel=\"canonical\" href=\"https://pub.example/conditions/knee-pain/\">"))
        #expect(Self.meta(condition, property: "og:title") == "Knee pain")
        #expect(Self.meta(condition, property: "og:description") == "Pain in or around the knee.")
        // Escaped like any other text.
        let basics = built.page("articles/basics/index.html")
        #expect(Self.meta(basics, property: "og:title") ==
            "Knee basics &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
        // The home page's canonical URL is the base URL.
        #expect(built.page("index.html").contains("<link rel=\"canonical\" href=\"https://pub.example/\">"))
    }

    // MARK: Sitemap and robots.txt

    @Test func theSitemapListsEveryPageWithItsLastChange() throws {
        let built = try Self.build()
        let xml = try XMLTree.parse(built.files.text("sitemap.xml"))
        #expect(xml.name == "urlset")
        #expect(xml.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = xml.children(named: "url")
        #expect(urls.allSatisfy { $0.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9" })
        var lastmod: [String: String?] = [:]
        for url in urls {
            let loc = try #require(url.child("loc")?.text)
            #expect(lastmod[loc] == nil, "\(loc) is listed twice")
            lastmod[loc] = .some(url.child("lastmod")?.text)
        }
        let base = "https://pub.example/"
        #expect(Set(lastmod.keys) == Set([
            "", "references/", "conditions/", "articles/", "exercises/", "programs/", "experts/",
            "conditions/knee-pain/", "articles/guide/", "articles/basics/", "exercises/quad-set/",
            "exercises/calf-stretch/", "experts/jo-bloggs/",
        ].map { base + $0 }))
        #expect(urls.count == 13)
        // The later of the last review and the last update; a page with neither has none.
        #expect(lastmod[base + "conditions/knee-pain/"] == .some("2026-01-10"))
        #expect(lastmod[base + "articles/guide/"] == .some("2026-01-20"))
        #expect(lastmod[base + "articles/basics/"] == .some("2025-11-01"))
        #expect(lastmod[base + "exercises/quad-set/"] == .some("2026-01-12"))
        #expect(lastmod[base + "exercises/calf-stretch/"] == .some(nil))
        #expect(lastmod[base + "experts/jo-bloggs/"] == .some(nil))
        #expect(lastmod[base] == .some(nil))
    }

    @Test func robotsNamesTheSitemap() throws {
        let robots = try Self.build().files.text("robots.txt")
        #expect(robots.split(separator: "\n").contains("Sitemap: https://pub.example/sitemap.xml"))
        #expect(robots.contains("User-agent: *"))
    }

    // MARK: Atom feed

    @Test func theFeedIsAtomWithOneEntryPerPublishedArticle() throws {
        let feed = try XMLTree.parse(try Self.build().files.text("feed.xml"))
        let atom = "http://www.w3.org/2005/Atom"
        #expect(feed.name == "feed")
        #expect(feed.namespace == atom)
        #expect(feed.child("title")?.text == "Publishing Test")
        #expect(feed.child("id")?.text == "https://pub.example/")
        #expect(feed.child("updated")?.text == "2026-01-20T00:00:00Z")
        #expect(feed.child("subtitle")?.text == "Knee help for everyone.")
        let entries = feed.children(named: "entry")
        #expect(entries.map { $0.child("title")?.text } == ["A knee guide", "Knee basics </script><script>alert(1)</script> & more"])
        #expect(entries.map { $0.child("id")?.text } == ["https://pub.example/articles/guide/", "https://pub.example/articles/basics/"])
        #expect(entries.map { $0.child("updated")?.text } == ["2026-01-20T00:00:00Z", "2025-11-01T00:00:00Z"])
        #expect(entries.map { $0.child("published")?.text } == ["2025-12-01T00:00:00Z", "2025-11-01T00:00:00Z"])
        #expect(entries.map { $0.child("link")?.attributes["href"] } ==
            ["https://pub.example/articles/guide/", "https://pub.example/articles/basics/"])
        #expect(entries.allSatisfy { $0.namespace == atom && $0.child("author")?.child("name") != nil })
        #expect(entries.first?.child("summary")?.text == "What helps a sore knee, and how to start.")
    }

    // MARK: Drafts and scheduled articles

    @Test func draftsAndFutureArticlesAreLeftOutByDefault() throws {
        let built = try Self.build()
        for slug in ["draft-notes", "coming-soon"] {
            #expect(built.files["articles/\(slug)/index.html"] == nil, "\(slug)")
            for file in ["sitemap.xml", "feed.xml", "articles/index.html", "index.html",
                         "conditions/knee-pain/index.html"] {
                #expect(!built.files.text(file).contains("articles/\(slug)/"), "\(slug) in \(file)")
            }
            #expect(!built.files.searchIndexText.contains("articles/\(slug)"), "\(slug) in the search index")
        }
        #expect(try Self.searchIndex(built).count == 6)
    }

    @Test func draftsAndFutureArticlesAreIncludedWhenAskedFor() throws {
        let built = try Self.build(includeDrafts: true)
        for slug in ["draft-notes", "coming-soon"] {
            #expect(built.files["articles/\(slug)/index.html"] != nil, "\(slug)")
            for file in ["sitemap.xml", "feed.xml", "articles/index.html"] {
                #expect(built.files.text(file).contains("articles/\(slug)/"), "\(slug) in \(file)")
            }
            #expect(built.files.searchIndexText.contains("articles/\(slug)"), "\(slug) in the search index")
        }
        let feed = try XMLTree.parse(built.files.text("feed.xml"))
        #expect(feed.children(named: "entry").map { $0.child("title")?.text } ==
            ["Coming soon", "A knee guide", "Knee basics </script><script>alert(1)</script> & more", "Draft notes"])
        #expect(feed.child("updated")?.text == "2026-03-01T00:00:00Z")
        #expect(try Self.searchIndex(built).count == 8)
    }

    @Test func aPublishedDateOfTodayIsPublished() throws {
        let built = try Self.build(changes: [
            "Content/articles/coming-soon.md": Self.files["Content/articles/coming-soon.md"]!
                .replacingOccurrences(of: "published: 2026-03-01", with: "published: 2026-02-01"),
        ])
        #expect(built.files["articles/coming-soon/index.html"] != nil)
        #expect(built.files.text("feed.xml").contains("https://pub.example/articles/coming-soon/"))
    }

    // MARK: Aliases

    @Test func aliasesGetRedirectPagesAndRedirectsLines() throws {
        let built = try Self.build()
        let page = built.page("conditions/sore-knee/index.html")
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../conditions/knee-pain/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://pub.example/conditions/knee-pain/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"../../conditions/knee-pain/\">Go to Knee pain</a>"))
        // An alias ending in .html is a file at that path, one link level up from nothing.
        let file = built.page("old-knee.html")
        #expect(file.contains("<meta http-equiv=\"refresh\" content=\"0; url=conditions/knee-pain/\">"))
        #expect(file.contains("<link rel=\"canonical\" href=\"https://pub.example/conditions/knee-pain/\">"))
        #expect(built.files.text("_redirects") == """
            /conditions/sore-knee/ /conditions/knee-pain/ 301
            /old-knee.html /conditions/knee-pain/ 301

            """)
        // Redirect pages are not pages of the site.
        #expect(!built.files.text("sitemap.xml").contains("sore-knee"))
        #expect(!built.files.searchIndexText.contains("sore-knee"))
    }

    @Test func redirectsCarryTheBaseURLsPath() throws {
        let built = try Self.build(changes: [
            "Content/site.yml": Self.site.replacingOccurrences(of: "https://pub.example/", with: "https://pub.example/health"),
        ])
        #expect(built.files.text("_redirects") == """
            /health/conditions/sore-knee/ /health/conditions/knee-pain/ 301
            /health/old-knee.html /health/conditions/knee-pain/ 301

            """)
        let page = built.page("conditions/sore-knee/index.html")
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../conditions/knee-pain/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://pub.example/health/conditions/knee-pain/\">"))
        #expect(built.files.text("robots.txt").contains("Sitemap: https://pub.example/health/sitemap.xml"))
    }

    @Test func noAliasesNoRedirectsFile() throws {
        let condition = Self.files["Content/conditions/knee-pain.md"]!
            .replacingOccurrences(of: "aliases: [/conditions/sore-knee/, /old-knee.html]\n", with: "")
        let built = try Self.build(changes: ["Content/conditions/knee-pain.md": condition])
        #expect(built.files["_redirects"] == nil)
        #expect(built.files["old-knee.html"] == nil)
    }

    // MARK: Search index

    /// Every page's search fragment, by path (`conditions/knee-pain/`).
    static func searchIndex(_ built: BuiltSite) throws -> [String: [String: Any]] {
        try built.searchFragments()
    }

    @Test func searchFragmentsHaveTitleKindPathSummaryAndText() throws {
        let built = try Self.build()
        let byPath = try Self.searchIndex(built)
        #expect(Set(byPath.keys) == [
            "conditions/knee-pain/", "articles/guide/", "articles/basics/", "exercises/quad-set/",
            "exercises/calf-stretch/", "experts/jo-bloggs/",
        ])
        #expect(byPath["conditions/knee-pain/"]?["k"] as? String == "Condition")
        #expect(byPath["articles/guide/"]?["k"] as? String == "Article")
        #expect(byPath["exercises/quad-set/"]?["k"] as? String == "Exercise card")
        #expect(byPath["experts/jo-bloggs/"]?["k"] as? String == "Expert")

        let condition = try #require(byPath["conditions/knee-pain/"])
        #expect(condition["t"] as? String == "Knee pain")
        #expect(condition["s"] as? String == "Pain in or around the knee.")
        #expect(condition["n"] as? [String] == ["sore knee"])
        let text = try #require(condition["b"] as? String)
        for phrase in ["What helps", "Pain when you climb stairs", "Stiffness in the morning"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!built.files.searchIndexText.contains("[@"))
        #expect(byPath["articles/guide/"]?["s"] as? String == "What helps a sore knee, and how to start.")
        #expect(byPath["exercises/quad-set/"]?["s"] as? String == "Sit with your legs straight.")
        #expect(byPath["experts/jo-bloggs/"]?["t"] as? String == "Jo Bloggs, PT, DPT")
        #expect(byPath["experts/jo-bloggs/"]?["s"] as? String == "Physical therapist")
        // The words of the index: names, the article's condition, the card's body area.
        let file = try #require(try JSONSerialization.jsonObject(with: built.files["search/w0.json"] ?? Data()) as? [String: Any])
        let vocabulary = try #require(file["w"] as? [String])
        for word in ["sore", "strengthening", "stairs", "morning"] {
            #expect(vocabulary.contains(word), "\(word)")
        }
    }

    // MARK: Writing the output

    /// Bug: `OutputWriter.write` records a folder as created *before* it calls mkdir, so another thread
    /// writing a file into the same new folder can skip mkdir and open its file before the folder
    /// exists (ENOENT). Every build writes `assets/site.css` and `assets/search.js` concurrently, so
    /// builds fail now and then with "could not write 'assets/search.js': No such file or directory".
    @Test func concurrentWritesIntoOneNewFolderAllSucceed() throws {
        try withTemporaryFolder("salve-writer") { temp in
            for _ in 0..<10 {
                let writer = try OutputWriter(output: temp.appending("Output"))
                try writer.begin()
                let failures = Failures()
                DispatchQueue.concurrentPerform(iterations: 400) { index in
                    do {
                        try writer.write("folder-\(index / 8)/file-\(index).txt", contents: "\(index)\n")
                    } catch {
                        failures.record("\(error)")
                    }
                }
                #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
                guard failures.all.isEmpty else {
                    writer.abort()
                    return
                }
                try writer.commit()
                #expect(try FileTree.read(temp.appending("Output")).count == 401)  // and the marker
            }
        
        }
    }

    // MARK: Review dates at the foot of the page

    @Test func reviewedPagesShowTheirReviewDatesAtTheFoot() throws {
        let built = try Self.build()
        let guide = built.page("articles/guide/index.html")
        let foot = """
            <div class="page-review-dates">
            <p>Page last reviewed: <time datetime="2026-01-10">10 January 2026</time><br>
            Next review due: <time datetime="2027-01-10">10 January 2027</time></p>
            </div>
            </main>
            """
        #expect(guide.contains(foot))
        // After the article itself, at the end of the main landmark.
        let article = try #require(guide.range(of: "</article>"))
        let dates = try #require(guide.range(of: "<div class=\"page-review-dates\">"))
        #expect(article.upperBound <= dates.lowerBound)
        // The condition's own next-due date.
        #expect(built.page("conditions/knee-pain/index.html").contains(
            "Next review due: <time datetime=\"2026-07-10\">10 July 2026</time></p>\n</div>\n</main>"))
    }

    @Test func pendingPagesShowNoReviewDates() throws {
        let built = try Self.build()
        for path in ["articles/basics/index.html", "exercises/calf-stretch/index.html"] {
            let page = built.page(path)
            #expect(!page.contains("page-review-dates"), "\(path)")
            #expect(!page.contains("Page last reviewed"), "\(path)")
            #expect(!page.contains("Next review due"), "\(path)")
            #expect(page.contains("<strong>Review pending.</strong>"), "\(path)")
        }
    }
}

/// Failures recorded from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func record(_ text: String) { lock.withLock { items.append(text) } }
    var all: [String] { lock.withLock { items } }
}

/// A parsed XML document: elements with their namespace, attributes, text and children.
final class XMLTree {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }
    func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses with namespaces processed; throws unless the document is well-formed.
    static func parse(_ text: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = XMLTree(name: elementName, namespace: namespaceURI, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

extension Dictionary where Key == String, Value == Data {
    /// Every file of the split search index (vocabulary, postings, page tables and fragments), joined.
    var searchIndexText: String {
        keys.filter { $0.hasPrefix("search/") && $0.hasSuffix(".json") }.sorted()
            .map { String(decoding: self[$0]!, as: UTF8.self) }.joined(separator: "\n")
    }
}
