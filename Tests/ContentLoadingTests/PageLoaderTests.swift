import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel

@Suite struct PageLoaderFieldTests {
    @Test func validArticleLoadsWithoutErrors() throws {
        let result = loadPage(article())
        #expect(result.errors.isEmpty)
        let page = try #require(result.page as? Article)
        #expect(page.title == "Walking for back pain")
        #expect(page.summary.text == "Walking helps [@smith2018].")
        #expect(page.summary.location == SourceLocation(file: "Content/articles/page.md", line: 3, column: 10))
        #expect(page.conditions.map(\.value) == [slug("sciatica")])
        #expect(page.conditions.first.map { position($0.location) } == "4:14")
        #expect(page.published == day("2026-01-10"))
        #expect(page.updated == nil)
        #expect(page.draft == false)
        #expect(page.review?.isPending == true)
        #expect(page.body.firstLine == 8)
        #expect(page.body.html.markup == "<p>Body text.</p>\n")
        #expect(page.file == "Content/articles/page.md")
    }

    @Test func missingRequiredFieldIsAnErrorAtTheFrontMatter() throws {
        var fields = articleFields
        fields.remove(at: 0)  // title
        let result = loadPage(article(fields))
        let diagnostic = try #require(result.with(.missingField).first)
        #expect(result.with(.missingField).count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "missing required field 'title'")
        #expect(diagnostic.location == SourceLocation(file: "Content/articles/page.md", line: 2, column: 1))
        #expect(result.page == nil)
    }

    @Test func emptyRequiredValueCountsAsMissing() {
        var fields = articleFields
        fields[0] = "title:"
        // Written but empty: said so, at the key to fill in.
        #expect(loadPage(article(fields)).with(.missingField).map(\.message) == ["field 'title' is empty"])
        #expect(loadPage(article(fields)).positions(.missingField) == ["2:1"])
        fields[0] = "title: \"  \""
        let result = loadPage(article(fields))
        #expect(result.with(.missingField).map(\.message) == ["field 'title' is empty"])
        #expect(result.positions(.missingField) == ["2:8"])
    }

    @Test func everyMissingFieldIsReportedInOneRun() {
        let result = loadPage("---\nsummary: S\n---\nBody\n")
        #expect(Set(result.with(.missingField).map(\.message)) == [
            "missing required field 'title'", "missing required field 'conditions'",
            "missing required field 'review'", "missing required field 'published'",
        ])
    }

    @Test func wrongTypeIsReportedAtTheValue() throws {
        var fields = articleFields
        fields[0] = "title: [a, b]"
        fields[2] = "conditions: {a: b}"
        fields.append("draft: maybe")
        let result = loadPage(article(fields))
        #expect(result.with(.wrongType).map(\.message) == [
            "field 'title' should be a single piece of text",
            "field 'conditions' should be a list",
            "field 'draft' should be true or false",
        ])
        #expect(result.positions(.wrongType) == ["2:8", "4:13", "7:8"])
    }

    @Test func listItemsMustBeText() {
        var fields = articleFields
        fields[2] = "conditions:\n  - sciatica\n  - {nested: map}"
        let result = loadPage(article(fields))
        #expect(result.with(.wrongType).map(\.message) == ["field 'conditions' should be a list of text items"])
        #expect(result.positions(.wrongType) == ["6:5"])
        #expect((result.page as? Article)?.conditions.map(\.value.rawValue) == ["sciatica"])
    }

    @Test func singleTextIsAOneItemList() throws {
        var fields = articleFields
        fields[2] = "conditions: sciatica"
        let page = try #require(loadPage(article(fields)).page as? Article)
        #expect(page.conditions.map(\.value.rawValue) == ["sciatica"])
    }

    @Test func unknownFieldIsAWarningWithDidYouMean() throws {
        var fields = articleFields
        fields.append("sumary: typo")
        fields.append("colour: blue")
        let result = loadPage(article(fields))
        let unknown = result.with(.unknownField)
        #expect(unknown.map(\.severity) == [.warning, .warning])
        #expect(unknown.map(\.message) == ["unknown field 'sumary' — did you mean 'summary'?", "unknown field 'colour'"])
        #expect(result.positions(.unknownField) == ["7:1", "8:1"])
        #expect(result.page != nil)  // a warning does not stop the page loading
    }

    @Test func unknownTitelFieldSuggestsTitle() throws {
        var fields = articleFields
        fields.append("titel: Typo")
        let diagnostic = try #require(loadPage(article(fields)).with(.unknownField).first)
        #expect(position(diagnostic.location) == "7:1")
        #expect(diagnostic.message == "unknown field 'titel' — did you mean 'title'?")
    
    }

    @Test func unknownFieldInANestedMapping() {
        var fields = articleFields
        fields[3] = "review:\n  reviewer: jane-doe\n  role: clinical\n  date: 2026-01-10\n  reviwer: typo"
        let result = loadPage(article(fields))
        #expect(result.with(.unknownField).map(\.message) == ["unknown field 'reviwer' — did you mean 'reviewer'?"])
        #expect(result.positions(.unknownField) == ["9:3"])
    }

    @Test func invalidEnumValueSuggestsTheClosest() throws {
        let card = """
            ---
            title: Hamstring stretch
            kind: strech
            conditions: [sciatica]
            difficulty: moderat
            review: pending
            ---
            1. Step one.

            """
        let result = loadPage(card, kind: .exercise, slug: "hamstring-stretch")
        let invalid = result.with(.invalidValue)
        #expect(invalid.map(\.message) == [
            "'strech' is not a valid kind — did you mean 'stretch'?; use one of: stretch, strength, aerobic, mobility, balance, cool-down",
            "'moderat' is not a valid difficulty — did you mean 'moderate'?; use one of: easy, moderate, hard",
        ])
        #expect(result.positions(.invalidValue) == ["3:7", "5:13"])
        #expect(result.page == nil)  // kind is required
    }

    @Test func invalidEnumValueWithNothingClose() {
        let result = loadPage("---\ntitle: T\nkind: yoga\nconditions: [a]\nreview: pending\n---\n1. x\n", kind: .exercise, slug: "t")
        #expect(result.with(.invalidValue).map(\.message) == [
            "'yoga' is not a valid kind; use one of: stretch, strength, aerobic, mobility, balance, cool-down",
        ])
    }

    @Test(arguments: ["2026-1-10", "10/01/2026", "soon"])
    func invalidDate(value: String) {
        var fields = articleFields
        fields[4] = "published: \"\(value)\""
        let result = loadPage(article(fields))
        #expect(result.with(.invalidValue).map(\.message) == [
            "field 'published' should be a date written YYYY-MM-DD, such as 2026-01-31; found '\(value)'",
        ])
        #expect(result.positions(.invalidValue) == ["6:12"])
    }

    @Test func updatedBeforePublished() {
        var fields = articleFields
        fields.append("updated: 2025-12-31")
        let result = loadPage(article(fields))
        #expect(result.with(.invalidValue).map(\.message) == ["'updated' (2025-12-31) is before 'published' (2026-01-10)"])
        #expect(result.positions(.invalidValue) == ["7:10"])
    }

    @Test func invalidSlugInAList() {
        var fields = articleFields
        fields[2] = "conditions: [sciatica, Low Back Pain]"
        let result = loadPage(article(fields))
        #expect(result.with(.invalidSlug).count == 1)
        #expect(result.with(.invalidSlug).first?.message.hasPrefix("'Low Back Pain' is not a valid id") == true)
        #expect(result.positions(.invalidSlug) == ["4:24"])
    }

    @Test func citationKeysInSourcesWithOrWithoutAt() throws {
        var fields = articleFields
        fields.append("sources: [\"@smith2018\", belavy2017, \"not valid\"]")
        let result = loadPage(article(fields))
        let page = try #require(result.page as? Article)
        #expect(page.sources.map(\.value.rawValue) == ["smith2018", "belavy2017"])
        #expect(result.with(.invalidValue).map(\.message) == ["'not valid' is not a valid citation key"])
    }

    @Test func experts() throws {
        var fields = articleFields
        fields.append("""
            experts:
              - expert: keesha-vaughn
                role: quoted
              - expert: jonathan-lee
                role: source-medical-reviewer
              - expert: someone
                role: reviewer
            """)
        let result = loadPage(article(fields))
        let page = try #require(result.page as? Article)
        #expect(page.experts.map(\.expert.value.rawValue) == ["keesha-vaughn", "jonathan-lee"])
        #expect(page.experts.map(\.role) == [.quoted, .sourceMedicalReviewer])
        #expect(result.with(.invalidValue).count == 1)
        #expect(result.positions(.invalidValue) == ["13:11"])
    }

    @Test func frontMatterThatIsNotAMapping() {
        let result = loadPage("---\n- a\n- b\n---\nBody\n")
        #expect(result.diagnostics.map(\.code) == [.wrongType])
        #expect(result.positions(.wrongType) == ["2:1"])
    }

    @Test(arguments: ["", "  \n\n", "\n"])
    func emptyFile(text: String) {
        let result = loadPage(text)
        #expect(result.diagnostics.map(\.code) == [.emptyFile])
        #expect(result.page == nil)
    }

    @Test func fileWithoutFrontMatter() {
        let result = loadPage("Just a body.\n")
        #expect(result.diagnostics.map(\.code) == [.missingFrontMatter])
    }
}

@Suite struct YAMLErrorPositionTests {
    @Test func errorOnTheYamlsThirdLineIsFileLineFour() throws {
        // The front matter starts on line 2, so YAML line 3 is file line 4.
        let text = "---\ntitle: A\nsummary: B\nconditions: x: y\nreview: pending\n---\nBody\n"
        let result = loadPage(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.severity == .error)
        #expect(position(diagnostic.location) == "4:14")
        #expect(diagnostic.message.contains("mapping values are not allowed"))
        #expect(diagnostic.message.hasSuffix("; if a value contains ': ', put the whole value in quotes"))
        #expect(result.page == nil)
    }

    @Test func unquotedAtSignGetsAHint() throws {
        let result = loadPage("---\ntitle: A\nsummary: @key says so\n---\n")
        let diagnostic = try #require(result.with(.yamlSyntax).first)
        #expect(position(diagnostic.location) == "3:10")
        #expect(diagnostic.message.hasSuffix("values that start with '@', '`' or '%' must be quoted"))
    }

    @Test func badIndentation() throws {
        let result = loadPage("---\ntitle: A\nsummary: B\n  extra: indent\n---\n")
        #expect(result.positions(.yamlSyntax) == ["4:8"])
    }

    @Test func columnsCountScalarsAfterNonASCII() throws {
        // In "title: Café — x: y" the second ':' is scalar column 16 (byte column 19).
        let result = loadPage("---\ntitle: Café — x: y\n---\n")
        #expect(result.positions(.yamlSyntax) == ["2:16"])
    }

    /// YAML keys must be unique: a repeated key is reported where it is written the second time,
    /// with a one-line message (not at the front matter's first line, quoting all of it).
    @Test func duplicateKeyIsReportedAtTheRepeatedKey() throws {
        var fields = articleFields
        fields.append("title: Second title")
        let result = loadPage(article(fields))
        let diagnostic = try #require(result.with(.yamlSyntax).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("'title'"))
        #expect(result.page == nil)
        #expect(position(diagnostic.location) == "7:1")
        #expect(!diagnostic.description.contains("\n"))
    
    }

    @Test func positionsAfterCRLFDecoding() throws {
        let crlf = "---\r\ntitle: A\r\nsummary: B\r\nconditions: x: y\r\n---\r\nBody\r\n"
        let text = try SourceText.decode(Data(crlf.utf8), file: "Content/articles/page.md").get()
        #expect(loadPage(text).positions(.yamlSyntax) == ["4:14"])
    }
}

import Foundation

@Suite struct ReviewTests {
    static func review(_ yaml: String, site: SiteConfig = testSite) -> (Review?, PageLoader.Result) {
        var fields = articleFields
        fields[3] = yaml
        let result = loadPage(article(fields), site: site)
        return ((result.page as? Article)?.review, result)
    }

    @Test func pendingShortForm() throws {
        let (review, result) = Self.review("review: pending")
        guard case .pending(let note, let location)? = review else {
            Issue.record("expected a pending review")
            return
        }
        #expect(note == nil)
        #expect(position(location) == "5:9")
        #expect(result.errors.isEmpty)
    }

    @Test func pendingWithNote() throws {
        let (review, result) = Self.review("review:\n  status: pending\n  note: Clinical review booked for January.")
        guard case .pending(let note, _)? = review else {
            Issue.record("expected a pending review")
            return
        }
        #expect(note == "Clinical review booked for January.")
        #expect(result.errors.isEmpty)
        #expect(review?.completed == nil)
    }

    @Test func completedReviewDefaultsNextDueToTheSiteInterval() throws {
        let (review, result) = Self.review("review:\n  reviewer: jane-doe\n  role: clinical\n  date: 2024-01-31")
        let done = try #require(review?.completed)
        #expect(result.errors.isEmpty)
        #expect(review?.isPending == false)
        #expect(done.reviewer.value == slug("jane-doe"))
        #expect(position(done.reviewer.location) == "6:13")
        #expect(done.role == .clinical)
        #expect(done.date == day("2024-01-31"))
        #expect(done.nextDue == day("2025-01-31"))
    }

    @Test func nextDueUsesTheSitesReviewInterval() throws {
        var site = testSite
        site.reviewIntervalMonths = 1
        let (review, _) = Self.review("review:\n  reviewer: jane-doe\n  role: medical\n  date: 2024-01-31", site: site)
        #expect(review?.completed?.nextDue == day("2024-02-29"))
    }

    @Test func explicitNextDue() throws {
        let (review, result) = Self.review("review:\n  reviewer: jane-doe\n  role: editorial\n  date: 2026-01-10\n  next-due: 2026-07-10")
        #expect(review?.completed?.nextDue == day("2026-07-10"))
        #expect(result.errors.isEmpty)
    }

    @Test func nextDueMustBeAfterTheReview() {
        let (_, result) = Self.review("review:\n  reviewer: jane-doe\n  role: clinical\n  date: 2026-01-10\n  next-due: 2026-01-10")
        #expect(result.with(.invalidValue).map(\.message) == ["'next-due' (2026-01-10) must be after the review date (2026-01-10)"])
        #expect(result.positions(.invalidValue) == ["9:13"])
    }

    @Test func completedReviewNeedsReviewerRoleAndDate() {
        let (review, result) = Self.review("review:\n  role: clinical")
        #expect(review == nil)
        #expect(Set(result.with(.missingField).map(\.message)) == ["missing required field 'reviewer'", "missing required field 'date'"])
        #expect(Set(result.positions(.missingField)) == ["6:3"])
    }

    @Test func statusOtherThanPending() {
        let (_, result) = Self.review("review:\n  status: done\n  reviewer: jane-doe")
        #expect(result.with(.invalidValue).first?.message.hasPrefix("'status' can only be 'pending'") == true)
        #expect(result.positions(.invalidValue) == ["6:11"])
    }

    @Test func otherWordsAreNotAReview() {
        let (review, result) = Self.review("review: done")
        #expect(review == nil)
        #expect(result.with(.invalidValue).map(\.message) == ["'review' should be 'pending' or a record with reviewer, role and date"])
    }

    @Test func invalidRole() {
        let (_, result) = Self.review("review:\n  reviewer: jane-doe\n  role: clinicl\n  date: 2026-01-10")
        #expect(result.with(.invalidValue).first?.message.hasPrefix("'clinicl' is not a valid role — did you mean 'clinical'?") == true)
    }

    @Test func conditionsAndProgramsDefaultToPending() throws {
        let condition = loadPage("---\nname: Sciatica\nsummary: S\nsymptoms: [Pain]\nseek-care: [Numbness]\n---\n",
                                 kind: .condition, slug: "sciatica")
        #expect((condition.page as? Condition)?.review?.isPending == true)
        #expect(condition.errors.isEmpty)
    }
}

@Suite struct PageKindTests {
    static let card = """
        ---
        title: Glute bridge
        kind: strength
        conditions: [sciatica]
        dosage:
          hold-seconds: 5
          reps: 10-15
          sets: 2
          per-week: 3+
        cautions:
          - Stop if it hurts [@smith2018].
        review: pending
        ---
        A strength exercise.

        1. Lie on your back.
        2. Lift your hips.

        More text.

        1. Not the steps.

        """

    @Test func exerciseCard() throws {
        let result = loadPage(Self.card, kind: .exercise, slug: "glute-bridge")
        #expect(result.errors.isEmpty)
        let card = try #require(result.page as? ExerciseCard)
        #expect(card.exerciseKind == .strength)
        #expect(card.steps == ["Lie on your back.", "Lift your hips."])
        #expect(card.dosage == Dosage(holdSeconds: Quantity(parsing: "5"), reps: Quantity(parsing: "10-15"),
                                      sets: Quantity(parsing: "2"), perWeek: Quantity(parsing: "3+")))
        #expect(card.cautions.map(\.text) == ["Stop if it hurts [@smith2018]."])
        #expect(card.citedKeys.map(\.value.rawValue) == ["smith2018"])
    }

    @Test func exerciseCardWithoutAnOrderedListHasMissingSteps() throws {
        let text = "---\ntitle: T\nkind: stretch\nconditions: [a]\nreview: pending\n---\nJust words.\n\n- a bullet\n"
        let result = loadPage(text, kind: .exercise, slug: "t")
        let diagnostic = try #require(result.with(.missingSteps).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "Content/exercises/t.md", line: 7, column: 1))
    }

    @Test func exerciseCardWithAnEmptyBodyHasMissingSteps() {
        let result = loadPage("---\ntitle: T\nkind: stretch\nconditions: [a]\nreview: pending\n---\n", kind: .exercise, slug: "t")
        #expect(result.with(.missingSteps).count == 1)
    }

    @Test func invalidDosage() {
        let text = "---\ntitle: T\nkind: stretch\nconditions: [a]\ndosage:\n  reps: 15-10\n  sets: many\n  repz: 5\nreview: pending\n---\n1. x\n"
        let result = loadPage(text, kind: .exercise, slug: "t")
        #expect(result.with(.invalidValue).map(\.message) == [
            "field 'reps' should be a whole number or a range such as 10-15 or 30+; found '15-10'",
            "field 'sets' should be a whole number or a range such as 10-15 or 30+; found 'many'",
        ])
        #expect(result.positions(.invalidValue) == ["6:9", "7:9"])
        #expect(result.with(.unknownField).map(\.message) == ["unknown field 'repz' — did you mean 'reps'?"])
    }

    @Test func program() throws {
        let text = """
            ---
            title: Walking plan
            summary: Build up slowly [@smith2018].
            conditions: [chronic-low-back-pain]
            phases:
              - name: Getting started
                weeks: 1-2
                minutes: 10-15
                per-day: 1
                cues:
                  - Stand tall [@a].
              - name: Keep going
                weeks: 5+
              - weeks: 3
            mistakes:
              - title: Too fast
                text: Do not rush [@b].
            pause-signals:
              - Pain that spreads [@c].
            ---

            """
        let result = loadPage(text, kind: .program, slug: "walking-plan")
        let program = try #require(result.page as? Program)
        #expect(program.phases.map(\.name) == ["Getting started", "Keep going"])
        #expect(program.phases.map(\.weeks.description) == ["1–2", "5+"])
        #expect(result.with(.missingField).map(\.message) == ["missing required field 'name'"])
        #expect(result.positions(.missingField) == ["14:5"])
        #expect(program.citedKeys.map(\.value.rawValue) == ["smith2018", "a", "b", "c"])
        #expect(program.review?.isPending == true)
    }

    @Test func expert() throws {
        let text = "---\nname: Keesha Vaughn\ncredentials: [PT, DPT]\ntitle: Physical therapist\n---\nA short bio.\n"
        let result = loadPage(text, kind: .expert, slug: "keesha-vaughn")
        let expert = try #require(result.page as? Expert)
        #expect(result.diagnostics.isEmpty)
        #expect(expert.heading == "Keesha Vaughn, PT, DPT")
        #expect(expert.review == nil)
        #expect(expert.affiliation == nil)
    }

    @Test func condition() throws {
        let text = """
            ---
            name: Sciatica
            synonyms: [sciatic nerve pain]
            summary: Nerve pain [@a].
            symptoms:
              - Pain down one leg [@b].
            seek-care:
              - Numbness between the legs [@c].
            sources: [a]
            ---
            Body [@d].

            """
        let result = loadPage(text, kind: .condition, slug: "sciatica")
        let condition = try #require(result.page as? Condition)
        #expect(result.errors.isEmpty)
        #expect(condition.synonyms == ["sciatic nerve pain"])
        #expect(condition.citedKeys.map(\.value.rawValue) == ["a", "d", "b", "c"])
        #expect(condition.symptoms.map { position($0.location) } == ["6:5"])
    }
}
