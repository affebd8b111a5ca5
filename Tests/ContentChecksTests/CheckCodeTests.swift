import ContentChecks
import ContentModel
import Diagnostics
import Foundation
import Testing

/// One small project per `salve check` diagnostic code, each asserting the exact code, severity,
/// file, line and column (counted by hand from the text the test writes).
@Suite struct CheckCodeTests {
    static let references = "seeds/references.json"
    static let guide = "Content/articles/guide.md"
    static let condition = "Content/conditions/knee-pain.md"

    /// The codes present, so a test can say nothing else was reported.
    static func codes(_ diagnostics: DiagnosticList) -> Set<String> { Set(diagnostics.all.map(\.code.rawValue)) }

    @Test func theBaseProjectIsClean() throws {
        let diagnostics = try CheckProject.check()
        #expect(diagnostics.all.isEmpty, "\(diagnostics.lines)")
    }

    // MARK: missing-reference-field

    @Test func missingReferenceFieldFollowsEachTypesRule() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.make("bare-article", "article-journal", ["\"title\": \"A study\""]),            // lines 2-6
            Entry.make("bare-page", "webpage", []),                                              // lines 7-10
            Entry.make("bare-book", "book", ["\"title\": \"A book\""]),                           // lines 11-15
            Entry.make("isbn-book", "book", ["\"title\": \"Another\"", "\"ISBN\": \"9780306406157\""]), // lines 16-21
        ], cite: ["bare-article", "bare-page", "bare-book", "isbn-book"])
        let found = diagnostics.with(.missingReferenceField)
        #expect(found.map(Expected.init) ==
            Array(repeating: Expected(.warning, "missing-reference-field", Self.references, 2, 3), count: 4)
            + Array(repeating: Expected(.warning, "missing-reference-field", Self.references, 7, 3), count: 4)
            + [Expected(.warning, "missing-reference-field", Self.references, 11, 3)])
        let messages = Set(found.map(\.message))
        #expect(messages == [
            "'bare-article' (article-journal) is missing its authors ('author')",
            "'bare-article' (article-journal) is missing the journal's name ('container-title')",
            "'bare-article' (article-journal) is missing the year it was published ('issued')",
            "'bare-article' (article-journal) is missing a DOI, a PMID or a URL, so readers cannot find it",
            "'bare-page' (webpage) is missing a title ('title')",
            "'bare-page' (webpage) is missing the site or publisher ('container-title' or 'publisher')",
            "'bare-page' (webpage) is missing its web address ('URL')",
            "'bare-page' (webpage) is missing the date you read it ('accessed')",
            "'bare-book' (book) is missing a publisher or an ISBN",
        ])
        #expect(Self.codes(diagnostics) == ["missing-reference-field"], "\(diagnostics.lines)")
    }

    @Test func aJournalArticleWithAPMIDOrURLInsteadOfADOIIsComplete() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("with-pmid", "\"PMID\": \"12345678\""),
            Entry.journal("with-url", "\"URL\": \"https://journal.example/a\""),
        ], cite: ["with-pmid", "with-url"])
        #expect(diagnostics.all.isEmpty, "\(diagnostics.lines)")
    }

    // MARK: Identifiers

    @Test func invalidDOI() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("prefixed", "\"DOI\": \"https://doi.org/10.1038/srep45975\""), // DOI on line 9
            Entry.journal("trailing", "\"DOI\": \"10.1038/srep45975.\""),               // line 18
            Entry.journal("not-a-doi", "\"DOI\": \"srep45975\""),                       // line 27
        ], cite: ["prefixed", "trailing", "not-a-doi"])
        let found = diagnostics.with(.invalidDOI)
        #expect(found.map(Expected.init) == [
            Expected(.error, "invalid-doi", Self.references, 9, 12),
            Expected(.error, "invalid-doi", Self.references, 18, 12),
            Expected(.error, "invalid-doi", Self.references, 27, 12),
        ])
        #expect(found.map(\.message) == [
            "invalid DOI in 'prefixed': write the DOI without 'https://doi.org/' (just '10.1038/srep45975')",
            "invalid DOI in 'trailing': the DOI ends with '.'; remove the trailing punctuation",
            "invalid DOI in 'not-a-doi': 'srep45975' is not a DOI; a DOI is '10.', the registrant's number, '/' and a suffix without spaces, like 10.1038/srep45975",
        ])
        #expect(Self.codes(diagnostics) == ["invalid-doi"], "\(diagnostics.lines)")
    }

    @Test func invalidPMID() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("leading-zero", "\"PMID\": \"01234567\""), // line 9
            Entry.journal("nine-digits", "\"PMID\": \"123456789\""), // line 18
            Entry.journal("letters", "\"PMID\": \"12a45\""),         // line 27
            Entry.journal("fine", "\"PMID\": \"28422125\""),
        ], cite: ["leading-zero", "nine-digits", "letters", "fine"])
        let found = diagnostics.with(.invalidPMID)
        #expect(found.map(Expected.init) == [
            Expected(.error, "invalid-pmid", Self.references, 9, 13),
            Expected(.error, "invalid-pmid", Self.references, 18, 13),
            Expected(.error, "invalid-pmid", Self.references, 27, 13),
        ])
        #expect(found.first?.message == "invalid PMID in 'leading-zero': '01234567' should be 1 to 8 digits with no leading zero")
        #expect(Self.codes(diagnostics) == ["invalid-pmid"], "\(diagnostics.lines)")
    }

    @Test func invalidPMCID() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("no-prefix", "\"PMCID\": \"1234567\", \"DOI\": \"10.5555/a.1\""), // line 9
            Entry.journal("letters", "\"PMCID\": \"PMC12x4\", \"DOI\": \"10.5555/a.2\""),   // line 18
            Entry.journal("fine", "\"PMCID\": \"PMC1234567\", \"DOI\": \"10.5555/a.3\""),
        ], cite: ["no-prefix", "letters", "fine"])
        let found = diagnostics.with(.invalidPMCID)
        #expect(found.map(Expected.init) == [
            Expected(.error, "invalid-pmcid", Self.references, 9, 14),
            Expected(.error, "invalid-pmcid", Self.references, 18, 14),
        ])
        #expect(found.first?.message == "invalid PMCID in 'no-prefix': '1234567' should be 'PMC' followed by digits")
        #expect(Self.codes(diagnostics) == ["invalid-pmcid"], "\(diagnostics.lines)")
    }

    @Test func invalidISBNButValidOnesPass() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.book("bad-10", "\"ISBN\": \"0-306-40615-3\""),     // ISBN on line 8
            Entry.book("bad-13", "\"ISBN\": \"978-0-306-40615-8\""), // line 16
            Entry.book("good-13", "\"ISBN\": \"978-0-306-40615-7\""),
            Entry.book("good-x", "\"ISBN\": \"0-8044-2957-X\""),
        ], cite: ["bad-10", "bad-13", "good-13", "good-x"])
        let found = diagnostics.with(.invalidISBN)
        #expect(found.map(Expected.init) == [
            Expected(.error, "invalid-isbn", Self.references, 8, 13),
            Expected(.error, "invalid-isbn", Self.references, 16, 13),
        ])
        #expect(found.first?.message == "invalid ISBN in 'bad-10': '0-306-40615-3' has the wrong length or check digit")
        #expect(Self.codes(diagnostics) == ["invalid-isbn"], "\(diagnostics.lines)")
    }

    @Test func relativeURLIsAnErrorAndHTTPAWarning() throws {
        let accessed = "\"accessed\": {\"date-parts\": [[2026, 1, 5]]}"
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.webpage("relative", url: "/health/knee", accessed),                 // URL on line 7
            Entry.webpage("plain-http", url: "http://health.example/knee", accessed), // line 15
            Entry.webpage("secure", url: "https://other.example/knee", accessed),
        ], cite: ["relative", "plain-http", "secure"])
        #expect(diagnostics.found(.invalidURL) == [Expected(.error, "invalid-url", Self.references, 7, 12)])
        #expect(diagnostics.found(.insecureURL) == [Expected(.warning, "insecure-url", Self.references, 15, 12)])
        #expect(diagnostics.with(.invalidURL).first?.message ==
            "invalid URL in 'relative': '/health/knee' is not a web address; it must start with https://")
        #expect(diagnostics.with(.insecureURL).first?.message == "'plain-http' links with http://; use https:// if the site supports it")
        #expect(Self.codes(diagnostics) == ["invalid-url", "insecure-url"], "\(diagnostics.lines)")
    }

    // MARK: Dates

    @Test func futureAndImpossibleReferenceDates() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.book("future", "\"issued\": {\"date-parts\": [[2027, 3, 1]]}"),           // line 8
            Entry.book("feb-30", "\"issued\": {\"date-parts\": [[2021, 2, 30]]}"),          // line 16
            Entry.book("read-tomorrow", "\"accessed\": {\"date-parts\": [[2026, 2, 2]]}"),  // line 24
            Entry.book("read-today", "\"accessed\": {\"date-parts\": [[2026, 2, 1]]}"),
            Entry.book("this-year", "\"issued\": {\"date-parts\": [[2026]]}"),
        ], cite: ["future", "feb-30", "read-tomorrow", "read-today", "this-year"])
        let found = diagnostics.with(.invalidDate)
        #expect(found.map(Expected.init) == [
            Expected(.error, "invalid-date", Self.references, 8, 15),
            Expected(.error, "invalid-date", Self.references, 16, 15),
            Expected(.error, "invalid-date", Self.references, 24, 17),
        ])
        #expect(found.map(\.message) == [
            "the 'issued' date of 'future' (2027-3-1) is in the future",
            "invalid 'issued' date in 'feb-30': 2021-2-30 is not a real date",
            "the 'accessed' date of 'read-tomorrow' (2026-2-2) is in the future",
        ])
        #expect(Self.codes(diagnostics) == ["invalid-date"], "\(diagnostics.lines)")
    }

    @Test func aFutureDateIsJudgedAgainstTheGivenToday() throws {
        let entries = [Entry.book("december", "\"issued\": {\"date-parts\": [[2026, 12, 1]]}")]
        #expect(try CheckProject.check(bibliography: entries, cite: ["december"]).found(.invalidDate).count == 1)
        #expect(try CheckProject.check(bibliography: entries, cite: ["december"], today: day("2026-11-30")).found(.invalidDate).count == 1)
        let onTheDay = try CheckProject.check(bibliography: entries, cite: ["december"], today: day("2026-12-01"))
        #expect(onTheDay.all.isEmpty, "\(onTheDay.lines)")
    }

    @Test func aReviewDateInTheFutureIsAnError() throws {
        let article = CheckProject.article().replacingOccurrences(of: "date: 2026-01-10", with: "date: 2026-02-02")
        let diagnostics = try CheckProject.check([Self.guide: article])
        // At the date itself: `  date: 2026-02-02` on line 8, the value at column 9.
        #expect(diagnostics.found(.invalidDate) == [Expected(.error, "invalid-date", Self.guide, 8, 9)])
        #expect(diagnostics.with(.invalidDate).first?.message ==
            "the review date 2026-02-02 is in the future; record a review once it has happened")
        #expect(Self.codes(diagnostics) == ["invalid-date"], "\(diagnostics.lines)")
    }

    // MARK: Duplicates and unused entries

    @Test func theSameDOIDifferentlyCasedIsADuplicate() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("first", "\"DOI\": \"10.5555/ABC.1\""),
            Entry.journal("second", "\"DOI\": \"10.5555/abc.1\""), // line 18
        ], cite: ["first", "second"])
        #expect(diagnostics.found(.duplicateIdentifier) == [Expected(.warning, "duplicate-identifier", Self.references, 18, 12)])
        #expect(diagnostics.with(.duplicateIdentifier).first?.message == "'second' has the same DOI as 'first'; merge the two entries")
        #expect(Self.codes(diagnostics) == ["duplicate-identifier"], "\(diagnostics.lines)")
    }

    @Test func theSameURLWithADifferentSchemeSlashOrFragmentIsADuplicate() throws {
        let accessed = "\"accessed\": {\"date-parts\": [[2026, 1, 5]]}"
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.webpage("page-a", url: "https://health.example/knee/", accessed),
            Entry.webpage("page-b", url: "https://Health.example/knee#top", accessed), // URL on line 15
        ], cite: ["page-a", "page-b"])
        #expect(diagnostics.found(.duplicateIdentifier) == [Expected(.warning, "duplicate-identifier", Self.references, 15, 12)])
        #expect(diagnostics.with(.duplicateIdentifier).first?.message == "'page-b' has the same URL as 'page-a'; merge the two entries")
    }

    @Test func anEntryNoPageCitesIsReported() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("cited", "\"DOI\": \"10.5555/c.1\""),
            Entry.journal("forgotten", "\"DOI\": \"10.5555/c.2\""), // `{` on line 11
        ], cite: ["cited"])
        #expect(diagnostics.found(.uncitedReference) == [Expected(.warning, "uncited-reference", Self.references, 11, 3)])
        #expect(diagnostics.with(.uncitedReference).first?.message ==
            "no page cites 'forgotten'; cite it or remove it from the bibliography")
        #expect(Self.codes(diagnostics) == ["uncited-reference"], "\(diagnostics.lines)")
    }

    // MARK: Retractions

    @Test func citingARetractedPaperIsAnErrorAtTheCitation() throws {
        // The Retraction Watch export's column name, quoted fields with commas and doubled quotes, and
        // the DOI in another case than the bibliography's.
        let csv = #"""
            Record ID,Title,Journal,"OriginalPaperDOI",RetractionDOI
            1,"Exercise for knee pain, a retracted study","Journal of ""Examples""",10.5555/JOE.2019.001,10.5555/joe.2020.999
            2,"Another, unrelated paper",Other Journal,10.5555/other.1,10.5555/other.2

            """#
        let diagnostics = try CheckProject.check(["seeds/retractions.csv": csv])
        // `Gentle exercise helps [@smith2019].` on line 11: the '@' is at column 24.
        #expect(diagnostics.found(.retractedCitation) == [Expected(.error, "retracted-citation", Self.guide, 11, 24)])
        #expect(diagnostics.with(.retractedCitation).first?.message ==
            "'smith2019' (doi:10.5555/joe.2019.001) has been retracted; do not cite it")
        #expect(Self.codes(diagnostics) == ["retracted-citation"], "\(diagnostics.lines)")
    }

    @Test func aRetractedSourceDocumentIsReportedAtItsKey() throws {
        let article = CheckProject.article().replacingOccurrences(
            of: "conditions: [knee-pain]\n", with: "conditions: [knee-pain]\nsources: [smith2019]\n")
        let csv = "DOI\n10.5555/joe.2019.001\n"
        let diagnostics = try CheckProject.check([Self.guide: article, "seeds/retractions.csv": csv])
        // `sources: [smith2019]` on line 5 (the key at column 11); the body citation moves to line 12.
        #expect(diagnostics.found(.retractedCitation) == [
            Expected(.error, "retracted-citation", Self.guide, 5, 11),
            Expected(.error, "retracted-citation", Self.guide, 12, 24),
        ])
    }

    @Test func aRetractionListWithoutADOIColumnIsAnError() throws {
        let diagnostics = try CheckProject.check(["seeds/retractions.csv": "Record ID,Title,Reason\n1,A paper,Fraud\n"])
        #expect(diagnostics.found(.invalidRetractionList) == [
            Expected(.error, "invalid-retraction-list", "seeds/retractions.csv", 1, 1),
        ])
        #expect(diagnostics.with(.invalidRetractionList).first?.message ==
            "the retraction list has no DOI column; name one column 'DOI' (or 'OriginalPaperDOI')")
        #expect(Self.codes(diagnostics) == ["invalid-retraction-list"], "\(diagnostics.lines)")
    }

    // MARK: Reviews

    static func condition(review: String) -> String {
        CheckProject.condition.replacingOccurrences(of: CheckProject.review, with: review)
    }

    @Test func aPassedNextDueDateIsOverdue() throws {
        let diagnostics = try CheckProject.check([Self.condition: Self.condition(review: """
            review:
              reviewer: jo-bloggs
              role: clinical
              date: 2025-01-31
              next-due: 2026-01-31
            """)])
        // `  reviewer: jo-bloggs` on line 9.
        #expect(diagnostics.found(.reviewOverdue) == [Expected(.warning, "review-overdue", Self.condition, 9, 13)])
        #expect(diagnostics.with(.reviewOverdue).first?.message ==
            "review overdue since 31 January 2026; review the page again and update its review record")
        #expect(Self.codes(diagnostics) == ["review-overdue"], "\(diagnostics.lines)")
    }

    @Test func aReviewDueTodayIsNotOverdue() throws {
        let diagnostics = try CheckProject.check([Self.condition: Self.condition(review: """
            review:
              reviewer: jo-bloggs
              role: clinical
              date: 2025-02-01
              next-due: 2026-02-01
            """)])
        #expect(diagnostics.all.isEmpty, "\(diagnostics.lines)")
    }

    @Test func theDefaultNextDueIsTheReviewDatePlusTheSiteInterval() throws {
        let review = """
            review:
              reviewer: jo-bloggs
              role: clinical
              date: 2025-01-15
            """
        let diagnostics = try CheckProject.check([Self.condition: Self.condition(review: review)])
        #expect(diagnostics.with(.reviewOverdue).map(\.message) ==
            ["review overdue since 15 January 2026; review the page again and update its review record"])
        // With an 18-month interval the same review is due in July 2026, so it is not overdue.
        let longer = try CheckProject.check([
            Self.condition: Self.condition(review: review),
            "Content/site.yml": CheckProject.site + "review-interval-months: 18\n",
        ])
        #expect(longer.all.isEmpty, "\(longer.lines)")
    }

    @Test func pendingReviews() throws {
        let program = """
            ---
            title: Walking plan
            summary: Walk a little more each week.
            conditions: [knee-pain]
            phases:
              - name: Start
                weeks: 1-2
            ---
            Walk on flat ground.

            """
        let diagnostics = try CheckProject.check([
            Self.condition: Self.condition(review: "review: pending"),
            "Content/programs/walking-plan.md": program,
        ])
        // `review: pending` on line 8, the value at column 9; a program with no review at all is pending,
        // reported at the start of its front matter.
        #expect(diagnostics.found(.reviewPending) == [
            Expected(.warning, "review-pending", Self.condition, 8, 9),
            Expected(.warning, "review-pending", "Content/programs/walking-plan.md", 2, 1),
        ])
        #expect(diagnostics.with(.reviewPending).first?.message == "this page's own review is pending; the page says so to readers")
        #expect(Self.codes(diagnostics) == ["review-pending"], "\(diagnostics.lines)")
    }

    // MARK: Things nothing uses

    static let calfRaise = """
        ---
        title: Calf raise
        kind: strength
        conditions: [knee-pain]
        \(CheckProject.review)
        ---
        1. Stand holding a chair.
        2. Rise onto your toes.

        """

    @Test func anExerciseCardNothingEmbedsOrLinksTo() throws {
        let diagnostics = try CheckProject.check(["Content/exercises/calf-raise.md": Self.calfRaise])
        #expect(diagnostics.found(.unusedExercise) == [
            Expected(.warning, "unused-exercise", "Content/exercises/calf-raise.md", 1, 1),
        ])
        #expect(diagnostics.with(.unusedExercise).first?.message ==
            "no page embeds or links to the exercise card 'calf-raise'; it is only listed on its conditions' pages")
        #expect(Self.codes(diagnostics) == ["unused-exercise"], "\(diagnostics.lines)")
        // A link from a body is a use.
        let linked = try CheckProject.check([
            "Content/exercises/calf-raise.md": Self.calfRaise,
            Self.guide: CheckProject.article(body: "\nThen try the [calf raise card](../exercises/calf-raise.md).\n"),
        ])
        #expect(linked.all.isEmpty, "\(linked.lines)")
    }

    @Test func aConditionWithNoContent() throws {
        let hip = """
            ---
            name: Hip pain
            summary: Pain in the hip.
            symptoms:
              - An ache in the groin
            seek-care:
              - Get help if you cannot stand.
            \(CheckProject.review)
            ---
            Hip pain is common.

            """
        let diagnostics = try CheckProject.check(["Content/conditions/hip-pain.md": hip])
        #expect(diagnostics.found(.emptyCondition) == [
            Expected(.warning, "empty-condition", "Content/conditions/hip-pain.md", 1, 1),
        ])
        #expect(diagnostics.with(.emptyCondition).first?.message == "no article, exercise card or program is about 'Hip pain' yet")
        #expect(Self.codes(diagnostics) == ["empty-condition"], "\(diagnostics.lines)")
    }

    // MARK: Reading level

    static let hardParagraph = """
        Comprehensive rehabilitation methodologies necessitate considerable interdisciplinary collaboration \
        between physiotherapists, orthopaedic specialists and occupational therapists, particularly \
        when degenerative musculoskeletal abnormalities substantially compromise functional independence.
        """

    @Test func aLongHardPageAboveTheTargetGrade() throws {
        let body = "\n" + Array(repeating: Self.hardParagraph, count: 5).joined(separator: "\n\n") + "\n"
        let diagnostics = try CheckProject.check([
            "Content/site.yml": CheckProject.site + "target-grade: 6\n",
            Self.guide: CheckProject.article(body: body),
        ])
        #expect(diagnostics.found(.readingLevel) == [Expected(.warning, "reading-level", Self.guide, 1, 1)])
        let message = try #require(diagnostics.with(.readingLevel).first?.message)
        #expect(message.hasPrefix("this page reads at grade "))
        #expect(message.hasSuffix("(Flesch–Kincaid), above the site's target of 6; use shorter sentences and everyday words"))
        #expect(Self.codes(diagnostics) == ["reading-level"], "\(diagnostics.lines)")
    }

    @Test func shortOrPlainPagesAreNotGraded() throws {
        // Under 100 words: too little text for a grade, however hard.
        let short = try CheckProject.check([
            "Content/site.yml": CheckProject.site + "target-grade: 6\n",
            Self.guide: CheckProject.article(body: "\n" + Self.hardParagraph + "\n"),
        ])
        #expect(short.all.isEmpty, "\(short.lines)")
        // Long but plain.
        let plain = Array(repeating: "Walk a bit each day. Rest when your knee is sore. Then walk a bit more.", count: 10)
            .joined(separator: " ")
        let long = try CheckProject.check([
            "Content/site.yml": CheckProject.site + "target-grade: 6\n",
            Self.guide: CheckProject.article(body: "\n" + plain + "\n"),
        ])
        #expect(long.all.isEmpty, "\(long.lines)")
    }

    // MARK: Aliases

    @Test func invalidAliases() throws {
        let condition = CheckProject.condition.replacingOccurrences(
            of: "---\nname:", with: "---\naliases: [old-knee, /search/, /conditions/]\nname:")
        let diagnostics = try CheckProject.check([Self.condition: condition])
        #expect(diagnostics.found(.invalidAlias) == [
            Expected(.error, "invalid-alias", Self.condition, 2, 11),
            Expected(.error, "invalid-alias", Self.condition, 2, 21),
            Expected(.error, "invalid-alias", Self.condition, 2, 31),
        ])
        #expect(diagnostics.with(.invalidAlias).map(\.message) == [
            "'old-knee' cannot be an alias: an alias is a path on this site starting with '/', such as /conditions/sciatic-pain/",
            "'/search/' is a path the site itself uses",
            "'/conditions/' is a path the site itself uses",
        ])
        #expect(Self.codes(diagnostics) == ["invalid-alias"], "\(diagnostics.lines)")
    }

    @Test func duplicateAliases() throws {
        let condition = CheckProject.condition.replacingOccurrences(of: "---\nname:", with: "---\naliases: [/old-knee/]\nname:")
        let article = CheckProject.article().replacingOccurrences(of: "---\ntitle:", with: "---\naliases: [/old-knee]\ntitle:")
        let card = CheckProject.card.replacingOccurrences(of: "---\ntitle:", with: "---\naliases: [/articles/guide/]\ntitle:")
        let diagnostics = try CheckProject.check([Self.condition: condition, Self.guide: article,
                                                  "Content/exercises/quad-set.md": card])
        #expect(diagnostics.found(.duplicateAlias) == [
            Expected(.error, "duplicate-alias", Self.guide, 2, 11),
            Expected(.error, "duplicate-alias", "Content/exercises/quad-set.md", 2, 11),
        ])
        #expect(diagnostics.with(.duplicateAlias).map(\.message) == [
            "'/old-knee' is already the address of Content/conditions/knee-pain.md",
            "'/articles/guide/' is already the address of Content/articles/guide.md",
        ])
        #expect(Self.codes(diagnostics) == ["duplicate-alias"], "\(diagnostics.lines)")
    }

    /// Bug: an alias is compared with page addresses in their folder form (`/articles/guide/`), so an
    /// alias naming the `index.html` file a page or a kind index is written to is accepted, and the
    /// build then writes a redirect page over that page (or two redirect pages to one file).
    @Test func anAliasNamingAPagesOwnFileIsRejected() throws {
        let condition = CheckProject.condition.replacingOccurrences(
            of: "---\nname:", with: "---\naliases: [/articles/guide/index.html, /conditions/index.html, /old/]\nname:")
        let card = CheckProject.card.replacingOccurrences(of: "---\ntitle:", with: "---\naliases: [/old/index.html]\ntitle:")
        let diagnostics = try CheckProject.check([Self.condition: condition, "Content/exercises/quad-set.md": card])
        #expect(diagnostics.found(.duplicateAlias) + diagnostics.found(.invalidAlias) == [
            Expected(.error, "duplicate-alias", Self.condition, 2, 11),
            Expected(.error, "duplicate-alias", "Content/exercises/quad-set.md", 2, 11),
            Expected(.error, "invalid-alias", Self.condition, 2, 39),
        ])
    
    }

    @Test func aReferenceNamedOnlyAsASourceOrInACardsCautionIsCited() throws {
        let article = CheckProject.article().replacingOccurrences(
            of: "conditions: [knee-pain]\n", with: "conditions: [knee-pain]\nsources: [source-doc]\n")
        let card = CheckProject.card.replacingOccurrences(
            of: "conditions: [knee-pain]\n", with: "conditions: [knee-pain]\ncautions:\n  - Stop if it hurts [@caution-ref].\n")
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("smith2019", "\"DOI\": \"10.5555/joe.2019.001\""),
            Entry.book("source-doc", "\"ISBN\": \"9780306406157\""),
            Entry.book("caution-ref", "\"ISBN\": \"0-8044-2957-X\""),
        ], cite: ["smith2019"], more: ["Content/exercises/quad-set.md": card])
        // Without the article's `sources:` line only the card's caution cites: 'source-doc' is uncited.
        #expect(diagnostics.found(.uncitedReference) == [Expected(.warning, "uncited-reference", Self.references, 11, 3)])
        let withSource = try CheckProject.check([
            "seeds/references.json": "[\n" + [
                Entry.journal("smith2019", "\"DOI\": \"10.5555/joe.2019.001\""),
                Entry.book("source-doc", "\"ISBN\": \"9780306406157\""),
                Entry.book("caution-ref", "\"ISBN\": \"0-8044-2957-X\""),
            ].joined(separator: ",\n") + "\n]\n",
            Self.guide: article,
            "Content/exercises/quad-set.md": card,
        ])
        #expect(withSource.all.isEmpty, "\(withSource.lines)")
    }

    // MARK: Accessibility of bodies

    @Test func headingLevels() throws {
        let diagnostics = try CheckProject.check([Self.guide: CheckProject.article(body: """

            # Second title

            ## Section

            #### Too deep

            ### Fine again

            """)])
        #expect(diagnostics.found(.headingLevel) == [
            Expected(.error, "heading-level", Self.guide, 17, 1),
            Expected(.warning, "heading-level", Self.guide, 21, 1),
        ])
        #expect(diagnostics.with(.headingLevel).map(\.message) == [
            "a '#' heading would be a second page title; start body sections at '##'",
            "this heading skips from level 2 to 4; use ### so screen-reader users can follow the outline",
        ])
        #expect(Self.codes(diagnostics) == ["heading-level"], "\(diagnostics.lines)")
    }

    @Test func imagesWithoutAltText() throws {
        let diagnostics = try CheckProject.check([Self.guide: CheckProject.article(body: """

            See this: ![](https://example.org/knee.png)

            ![A bent knee](https://example.org/bent.png)

            """)])
        #expect(diagnostics.found(.missingAltText) == [Expected(.warning, "missing-alt-text", Self.guide, 17, 11)])
        #expect(Self.codes(diagnostics) == ["missing-alt-text"], "\(diagnostics.lines)")
    }

    @Test func vagueLinkText() throws {
        let diagnostics = try CheckProject.check([Self.guide: CheckProject.article(body: """

            For more, [click here](https://health.example/knee).
            [Read more.](https://health.example/more) And [the NHS page on knee pain](https://www.nhs.uk/).

            """)])
        #expect(diagnostics.found(.vagueLinkText) == [
            Expected(.warning, "vague-link-text", Self.guide, 17, 11),
            Expected(.warning, "vague-link-text", Self.guide, 18, 1),
        ])
        #expect(diagnostics.with(.vagueLinkText).first?.message ==
            "link text 'click here' does not say where it goes; use words that name the page, like 'the glute bridge card'")
        #expect(Self.codes(diagnostics) == ["vague-link-text"], "\(diagnostics.lines)")
    }
}
