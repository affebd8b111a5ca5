import ContentModel
import Testing
@testable import Templates

/// The search's words, edit distance and ranking, as the index is written and as the page's script
/// reads it (the script follows the same rules; the browser tests check that the two agree).
@Suite struct SearchRankingTests {
    @Test func wordsAreLowerCasedWithoutAccentsOrStopWords() {
        #expect(SearchText.allWords("Rotator-cuff TENDINOPATHY, café!") == ["rotator", "cuff", "tendinopathy", "cafe"])
        #expect(SearchText.words("The pain in the back of a knee") == ["pain", "back", "knee"])
        #expect(SearchText.queryWords("the sciatica Sciatica") == ["sciatica"])
        // A query of stop words alone keeps them.
        #expect(SearchText.queryWords("the") == ["the"])
        #expect(SearchText.queryWords("a") == [])
        #expect(SearchText.queryWords("L5 5") == ["l5", "5"])
    }

    @Test func editDistanceCountsATranspositionAsOneEdit() {
        #expect(SearchText.distance("sciatika", "sciatica", limit: 2) == 1)
        #expect(SearchText.distance("arthritus", "arthritis", limit: 2) == 1)
        #expect(SearchText.distance("planter", "plantar", limit: 1) == 1)
        #expect(SearchText.distance("rotater", "rotator", limit: 1) == 1)
        #expect(SearchText.distance("sicatica", "sciatica", limit: 2) == 1)
        #expect(SearchText.distance("kene", "knee", limit: 1) == 1)
        #expect(SearchText.distance("abc", "abc", limit: 0) == 0)
        #expect(SearchText.distance("kitten", "sitting", limit: 3) == 3)
        // Beyond the limit, the answer is limit + 1.
        #expect(SearchText.distance("walking", "talks", limit: 1) == 2)
        #expect(SearchText.distance("shoulder", "sciatica", limit: 2) == 3)
    }

    @Test func allowedEditsGrowWithTheWord() {
        #expect([1, 3, 4, 7, 8, 12].map(SearchText.allowedEdits) == [0, 0, 1, 1, 2, 2])
    }

    @Test func expansionsAreExactThenPrefixThenNear() {
        let vocabulary = ["sciatic", "sciatica", "sciatically", "scientist", "sciatoca", "zebra"].sorted()
        let found = Search.expand("sciatica", vocabulary: vocabulary)
        #expect(found.map(\.word) == ["sciatica", "sciatically", "sciatic", "sciatoca"])
        #expect(found.map(\.quality) == [2, 1, 0, 0])
        // Near words must share the first letter.
        #expect(Search.expand("ciatica", vocabulary: ["sciatica"]).isEmpty)
        // Words under four letters match exactly or as a prefix only.
        #expect(Search.expand("hip", vocabulary: ["hip", "hips", "hop"]).map(\.word) == ["hip", "hips"])
    }

    static func index(_ documents: [SearchDocument]) -> SearchIndexBuilder.Index {
        let builder = SearchIndexBuilder()
        documents.forEach { builder.add($0) }
        return builder.sortedIndex()
    }

    static func ref(_ kind: ContentKind, _ slug: String) -> PageRef { PageRef(kind, Slug(slug)!) }

    static let site: SearchIndexBuilder.Index = index([
        SearchDocument(ref: ref(.condition, "sciatica"), title: "Sciatica", path: "conditions/sciatica/",
                       names: ["sciatic nerve pain", "pinched nerve"], summary: "Pain along the sciatic nerve.",
                       body: "Sciatica often eases in weeks."),
        SearchDocument(ref: ref(.article, "exercising-with-sciatica"), title: "Exercising with sciatica",
                       path: "articles/exercising-with-sciatica/", summary: "Moving helps.",
                       body: "Walking and gentle stretches for sciatica."),
        SearchDocument(ref: ref(.article, "a-guide"), title: "A guide to back pain", path: "articles/a-guide/",
                       headings: ["When sciatica starts"], summary: "Back pain basics.", body: "Rest less."),
        SearchDocument(ref: ref(.article, "about-nerves"), title: "About nerves", path: "articles/about-nerves/",
                       summary: "Sciatica and other nerve pain.", body: "The body has many nerves."),
        SearchDocument(ref: ref(.article, "back-care"), title: "Back care", path: "articles/back-care/",
                       summary: "Care for your back.", body: "Some people with sciatica walk daily."),
        SearchDocument(ref: ref(.exercise, "walking"), title: "Walking", path: "exercises/walking/",
                       summary: "Walk at an easy pace.", body: "Walking is good."),
        SearchDocument(ref: ref(.program, "walking-plan"), title: "A walking plan", path: "programs/walking-plan/",
                       summary: "Build up walking.", body: "Walking every day."),
        SearchDocument(ref: ref(.article, "walking-for-back-pain"), title: "Walking for back pain",
                       path: "articles/walking-for-back-pain/", summary: "Walk.", body: "Walking helps."),
        SearchDocument(ref: ref(.condition, "herniated-disc"), title: "Herniated disc", path: "conditions/herniated-disc/",
                       names: ["slipped disc"], summary: "A disc bulges.", body: "Most get better."),
        SearchDocument(ref: ref(.expert, "walker"), title: "Sam Walker, PT", path: "experts/walker/",
                       summary: "Physical therapist", body: "Sam treats talking patients."),
    ])

    @Test func exactTitleRanksFirstThenTitleThenNamesHeadingsSummaryBody() {
        let order = Self.site.search("sciatica").map(\.slug.rawValue)
        #expect(order == ["sciatica", "exercising-with-sciatica", "a-guide", "about-nerves", "back-care"])
    }

    @Test func theWalkingCardIsFirstForWalking() {
        let order = Self.site.search("walking").map(\.slug.rawValue)
        #expect(order.first == "walking")
        // The other title matches tie, and ties go by kind (article, then program) and then title.
        #expect(Array(order.prefix(3)) == ["walking", "walking-for-back-pain", "walking-plan"])
    }

    @Test func misspellingsFindThePageBelowExactMatches() {
        #expect(Self.site.search("sciatika").first?.slug.rawValue == "sciatica")
        #expect(Set(Self.site.search("sciatika")) == Set(Self.site.search("sciatica")))
        // "walkin" is a prefix of walking (exact-or-prefix), "walker" too: a typo never outranks them.
        let talking = Self.site.search("talking").map(\.slug.rawValue)
        #expect(talking.first == "walker")
    }

    @Test func synonymsAndLayTermsFindThePage() {
        #expect(Self.site.search("slipped disc").map(\.slug.rawValue) == ["herniated-disc"])
        #expect(Self.site.search("pinched nerve").first?.slug.rawValue == "sciatica")
    }

    @Test func everyWordMustMatch() {
        #expect(Self.site.search("sciatica zebra").isEmpty)
        #expect(Self.site.search("walking sciatica").map(\.slug.rawValue) == ["exercising-with-sciatica"])
        #expect(Self.site.search("walk sciatica").map(\.slug.rawValue) == ["exercising-with-sciatica", "back-care"])
    }

    @Test func postingsFilesRoundTrip() throws {
        let files = Self.site.files()
        #expect(files.keys.sorted() == ["search/i0.bin", "search/w0.json"])
        #expect(SearchIndexBuilder.Index.readPostings(files["search/i0.bin"]!) == Self.site.postings)
        #expect(Search.indexFiles(pageCount: 10_000).count == 32 + 512)
        #expect(Search.indexFiles(pageCount: 10) == ["search/w0.json", "search/i0.bin"])
        // A truncated file is refused, not misread.
        #expect(SearchIndexBuilder.Index.readPostings(Array(files["search/i0.bin"]!.dropLast())) == nil)
    }

    @Test func postingsOfManyPagesRoundTripThroughSevenBitGroups() {
        // Gaps of 1 and of thousands, titles and bodies: numbers of one, two and three bytes.
        var postings: [UInt32] = []
        var rank: UInt32 = 0
        for step in 0..<3000 {
            rank += step % 97 == 0 ? 5000 : 1
            let fields: UInt32 = step % 5 == 0 ? 1 | 16 : 16
            postings.append(rank << 8 | (fields & 1 != 0 ? UInt32(step % 8) << 5 : 0) | fields)
        }
        let file = SearchIndexBuilder.Index.postingsFile([("walk", SearchIndexBuilder.Index.encode(postings)),
                                                          ("zz", SearchIndexBuilder.Index.encode([postings[0]]))])
        #expect(SearchIndexBuilder.Index.readPostings(file) == ["walk": postings, "zz": [postings[0]]])
    }

    @Test func pagesAreRankedByKindThenTitleThenId() {
        let order = SearchOrder([
            (ref: Self.ref(.expert, "a"), title: "Alex"), (ref: Self.ref(.article, "b"), title: "walking"),
            (ref: Self.ref(.article, "a"), title: "Walking"), (ref: Self.ref(.condition, "z"), title: "Zebra knee"),
        ])
        #expect(order.pages.map(\.slug.rawValue) == ["z", "a", "b", "a"])
        #expect(order.fragmentFile(of: Self.ref(.article, "b")) == "search/f/2.json")
        #expect(order.rank(of: Self.ref(.program, "a")) == nil)
    }
}
