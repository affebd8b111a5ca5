import Testing
@testable import ContentModel

@Suite struct ContentGraphTests {
    static func refs(_ list: [PageRef]) -> [String] { list.map(\.description) }

    @Test func pagesAreSortedBySlugAndFoundById() {
        let g = graph(conditions: [condition("sciatica"), condition("back-pain")],
                      articles: [article("walking"), article("a-first")], experts: [expert("jane-doe")])
        #expect(g.conditions.map(\.slug.rawValue) == ["back-pain", "sciatica"])
        #expect(g.articles.map(\.slug.rawValue) == ["a-first", "walking"])
        #expect(g.condition(slug("sciatica"))?.name == "Sciatica")
        #expect(g.article(slug("sciatica")) == nil)
        #expect(g.expert(slug("jane-doe"))?.heading == "Jane-Doe, PT")
        #expect(g.contains(PageRef(.article, slug("walking"))))
        #expect(!g.contains(PageRef(.exercise, slug("walking"))))
        #expect(g.page(PageRef(.condition, slug("back-pain")))?.heading == "Back-Pain")
        #expect(g.allPages.map(\.ref.description) == [
            "conditions/back-pain", "conditions/sciatica", "articles/a-first", "articles/walking", "experts/jane-doe",
        ])
    }

    @Test func conditionToArticlesExercisesAndPrograms() {
        let g = graph(
            conditions: [condition("sciatica"), condition("back-pain")],
            articles: [
                article("old", conditions: ["sciatica"], published: "2025-01-01"),
                article("new", conditions: ["sciatica", "back-pain"], published: "2026-03-01"),
                article("updated", conditions: ["sciatica"], published: "2024-01-01", updated: "2026-06-01"),
                article("same-day-b", conditions: ["back-pain"], published: "2026-03-01"),
                article("unrelated"),
            ],
            exercises: [card("glute-bridge", conditions: ["sciatica", "back-pain"]), card("clamshell", conditions: ["sciatica"]),
                        card("plank", conditions: ["back-pain"])],
            programs: [program("walking-plan", conditions: ["back-pain"])])
        // Newest first (by the later of published and updated), then by slug.
        #expect(g.articles(about: slug("sciatica")).map(\.slug.rawValue) == ["updated", "new", "old"])
        #expect(g.articles(about: slug("back-pain")).map(\.slug.rawValue) == ["new", "same-day-b"])
        #expect(g.exercises(for: slug("sciatica")).map(\.slug.rawValue) == ["clamshell", "glute-bridge"])
        #expect(g.exercises(for: slug("back-pain")).map(\.slug.rawValue) == ["glute-bridge", "plank"])
        #expect(g.programs(for: slug("back-pain")).map(\.slug.rawValue) == ["walking-plan"])
        #expect(g.programs(for: slug("sciatica")).isEmpty)
        #expect(g.articles(about: slug("nothing")).isEmpty)
    }

    @Test func conditionListedTwiceOnOnePageCountsOnce() {
        let g = graph(conditions: [condition("sciatica")], articles: [article("a", conditions: ["sciatica", "sciatica"])])
        #expect(g.articles(about: slug("sciatica")).map(\.slug.rawValue) == ["a"])
    }

    @Test func expertToPagesReviewedAndCredited() {
        let g = graph(
            conditions: [condition("sciatica", review: reviewed(by: "jane-doe"))],
            articles: [
                article("credited", conditions: ["sciatica"], experts: [("jane-doe", .quoted), ("bob", .author)]),
                article("other", review: reviewed(by: "bob")),
            ],
            exercises: [card("glute-bridge", conditions: ["sciatica"], review: reviewed(by: "jane-doe"))],
            programs: [program("walking-plan", review: reviewed(by: "jane-doe"))],
            experts: [expert("jane-doe"), expert("bob")])
        // Pages come in the graph's order: by kind, then by slug.
        #expect(Self.refs(g.pages(involving: slug("jane-doe"))) ==
                ["conditions/sciatica", "articles/credited", "exercises/glute-bridge", "programs/walking-plan"])
        #expect(Self.refs(g.pages(involving: slug("bob"))) == ["articles/credited", "articles/other"])
        #expect(g.pages(involving: slug("nobody")).isEmpty)
        // Experts involved in a condition: reviewers of, and experts credited on, its pages.
        #expect(g.experts(involvedIn: slug("sciatica")).map(\.slug.rawValue) == ["bob", "jane-doe"])
    }

    @Test func pendingReviewNamesNoOne() {
        let g = graph(articles: [article("a", review: .pending(note: "Booked for January.", location: here()))],
                      experts: [expert("jane-doe")])
        #expect(g.pages(involving: slug("jane-doe")).isEmpty)
    }

    /// An expert who reviewed an article and is also credited on it must be listed against it once,
    /// or the expert's page lists the article twice.
    @Test func pageBothReviewedAndCreditedIsListedOnce() {
        let g = graph(
            articles: [
                article("a", experts: [("jane-doe", .author)], review: reviewed(by: "jane-doe")),
                article("b", review: reviewed(by: "jane-doe")),
            ],
            experts: [expert("jane-doe")])
        let involved = Self.refs(g.pages(involving: slug("jane-doe")))
        #expect(involved == ["articles/a", "articles/b"])
    
        #expect(Set(involved) == ["articles/a", "articles/b"])
    }

    @Test func creditedTwiceOnOneArticleIsListedOnce() {
        let g = graph(articles: [article("a", experts: [("jane-doe", .author), ("jane-doe", .quoted)])],
                      experts: [expert("jane-doe")])
        #expect(Self.refs(g.pages(involving: slug("jane-doe"))) == ["articles/a"])
    }

    @Test func referenceToCitingPages() {
        let g = graph(
            conditions: [condition("sciatica", summary: "Nerve pain [@hinge].", sources: ["cleveland"])],
            articles: [
                article("a", sources: ["hinge"], body: body(citing: ["belavy", "hinge", "belavy"])),
                article("b", summary: "See [see @belavy, p. 3]."),
            ],
            exercises: [card("glute-bridge", cautions: ["Stop if it hurts [@cleveland]."])],
            references: ["hinge", "belavy", "cleveland"])
        #expect(Self.refs(g.pages(citing: key("hinge"))) == ["conditions/sciatica", "articles/a"])
        #expect(Self.refs(g.pages(citing: key("belavy"))) == ["articles/a", "articles/b"])
        #expect(Self.refs(g.pages(citing: key("cleveland"))) == ["conditions/sciatica", "exercises/glute-bridge"])
        #expect(g.pages(citing: key("nobody")).isEmpty)
    }

    @Test func citedKeysFollowTheOrderAReaderMeetsThem() {
        let page = article("a", summary: "First [@s].", body: body(citing: ["b1", "b2"]))
        #expect(page.citedKeys.map(\.value.rawValue) == ["s", "b1", "b2"])
        let cardPage = card("c", cautions: ["Careful [@c1; @c2]."], body: body(citing: ["b"]))
        #expect(cardPage.citedKeys.map(\.value.rawValue) == ["b", "c1", "c2"])
    }

    @Test func cardToEmbeddingPages() {
        let g = graph(
            conditions: [condition("sciatica", body: body(embedding: ["glute-bridge"]))],
            articles: [article("a", body: body(embedding: ["glute-bridge", "clamshell", "glute-bridge"]))],
            exercises: [card("glute-bridge"), card("clamshell")],
            programs: [program("p", body: body(embedding: ["clamshell"]))])
        #expect(Self.refs(g.pages(embedding: slug("glute-bridge"))) == ["conditions/sciatica", "articles/a"])
        #expect(Self.refs(g.pages(embedding: slug("clamshell"))) == ["articles/a", "programs/p"])
        #expect(g.pages(embedding: slug("plank")).isEmpty)
    }

    @Test func duplicateSlugsKeepTheFirstPageForLookup() {
        let g = graph(articles: [article("x", summary: "first"), article("x", summary: "second")])
        #expect(g.articles.count == 2)
        #expect(g.article(slug("x")) != nil)
    }

    @Test func lastChangedIsTheLaterOfPublishedAndUpdated() {
        #expect(article("a", published: "2026-01-01").lastChanged == day("2026-01-01"))
        #expect(article("a", published: "2026-01-01", updated: "2026-02-01").lastChanged == day("2026-02-01"))
    }

    @Test func pageRefDescriptionsAndPaths() {
        let ref = PageRef(.exercise, slug("glute-bridge"))
        #expect(ref.description == "exercises/glute-bridge")
        #expect(ref.contentPath == "exercises/glute-bridge.md")
        #expect(PageRef(.condition, slug("z")) < PageRef(.article, slug("a")))
        #expect(ContentKind(folder: "programs") == .program)
        #expect(ContentKind(folder: "notes") == nil)
    }
}
