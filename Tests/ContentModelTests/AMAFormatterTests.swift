import Testing
@testable import ContentModel

@Suite struct AMAFormatterTests {
    static func reference(_ id: String, _ type: String, _ configure: (inout Reference) -> Void) -> Reference {
        var reference = Reference(id: key(id), type: type, location: SourceLocation(file: "seeds/references.json", line: 1, column: 1))
        configure(&reference)
        return reference
    }

    static let belavyAuthors = [
        CSLName(family: "Belavý", given: "D. L."), CSLName(family: "Quittner", given: "M. J."),
        CSLName(family: "Ridgers", given: "N."), CSLName(family: "Ling", given: "Y."),
        CSLName(family: "Connell", given: "D."), CSLName(family: "Rantalainen", given: "T."),
    ]

    static func belavy(shortTitle: String?) -> Reference {
        reference("belavy2017", "article-journal") {
            $0.authors = belavyAuthors
            $0.title = "Running exercise strengthens the intervertebral disc"
            $0.containerTitle = "Scientific Reports"
            $0.containerTitleShort = shortTitle
            $0.volume = "7"
            $0.issue = "1"
            $0.number = "45975"
            $0.issued = CSLDate(year: 2017)
            $0.doi = "10.1038/srep45975"
        }
    }

    @Test func journalArticleWithSixAuthorsAndShortJournalTitle() {
        #expect(AMAFormatter.plainText(Self.belavy(shortTitle: "Sci Rep")) ==
            "Belavý DL, Quittner MJ, Ridgers N, Ling Y, Connell D, Rantalainen T. Running exercise strengthens the intervertebral disc. Sci Rep. 2017;7(1):45975. doi:10.1038/srep45975")
    }

    /// Without `container-title-short` the full journal name is used as written (AMA prefers the
    /// NLM abbreviation, which Salve cannot invent).
    @Test func journalArticleWithOnlyTheFullJournalTitle() {
        #expect(AMAFormatter.plainText(Self.belavy(shortTitle: nil)) ==
            "Belavý DL, Quittner MJ, Ridgers N, Ling Y, Connell D, Rantalainen T. Running exercise strengthens the intervertebral disc. Scientific Reports. 2017;7(1):45975. doi:10.1038/srep45975")
    }

    @Test func journalArticleRuns() {
        let runs = AMAFormatter.format(Self.belavy(shortTitle: "Sci Rep"))
        #expect(runs == [
            .plain("Belavý DL, Quittner MJ, Ridgers N, Ling Y, Connell D, Rantalainen T. Running exercise strengthens the intervertebral disc. "),
            .italic("Sci Rep"),
            .plain(". 2017;7(1):45975. doi:"),
            .link("10.1038/srep45975"),
        ])
    }

    @Test func moreThanSixAuthorsShowsTheFirstThreeThenEtAl() {
        let reference = Self.reference("seven", "article-journal") {
            $0.authors = Self.belavyAuthors + [CSLName(family: "Seventh", given: "Anna Maria")]
            $0.title = "A study"
            $0.containerTitleShort = "J Test"
            $0.issued = CSLDate(year: 2020)
            $0.volume = "3"
            $0.page = "10-19"
        }
        #expect(AMAFormatter.plainText(reference) == "Belavý DL, Quittner MJ, Ridgers N, et al. A study. J Test. 2020;3:10-19.")
    }

    /// AMA has no PMID element: without a DOI, the URL and the date it was read.
    @Test func journalArticleWithoutADOIGivesItsURLAndNeverItsPMID() {
        let withPMID = Self.reference("p", "article-journal") {
            $0.authors = [CSLName(family: "Doe", given: "Jane")]
            $0.title = "Title?"
            $0.containerTitleShort = "J"
            $0.issued = CSLDate(year: 2019)
            $0.pmid = "123456"
            $0.url = "https://example.org/p"
        }
        #expect(AMAFormatter.plainText(withPMID) == "Doe J. Title? J. 2019. https://example.org/p")
        var withURL = withPMID
        withURL.pmid = nil
        withURL.accessed = CSLDate(year: 2026, month: 1, day: 5)
        #expect(AMAFormatter.plainText(withURL) == "Doe J. Title? J. 2019. Accessed January 5, 2026. https://example.org/p")
    }

    @Test func webPageWithPublishedAndAccessedDatesAndURL() {
        let reference = Self.reference("clevelandclinic-sciatica-2020", "webpage") {
            $0.title = "Sciatica"
            $0.containerTitle = "Cleveland Clinic"
            $0.issued = CSLDate(year: 2020, month: 3, day: 25)
            $0.accessed = CSLDate(year: 2026, month: 11, day: 22)
            $0.url = "https://my.clevelandclinic.org/health/diseases/12792-sciatica"
        }
        #expect(AMAFormatter.plainText(reference) ==
            "Sciatica. Cleveland Clinic. Published March 25, 2020. Accessed November 22, 2026. https://my.clevelandclinic.org/health/diseases/12792-sciatica")
        #expect(AMAFormatter.format(reference).last == .link("https://my.clevelandclinic.org/health/diseases/12792-sciatica"))
    }

    @Test func webPageWithAuthorUpdatedDateAndPublisher() {
        let reference = Self.reference("w", "webpage") {
            $0.authors = [CSLName(family: "Sinicropi", given: "S.")]
            $0.title = "How to Strengthen your Spinal Discs"
            $0.publisher = "Sinicropi Spine"
            $0.issued = CSLDate(year: 2021, month: 7)
            $0.updated = CSLDate(year: 2022)
            $0.url = "https://sinicropispine.com/strengthen-spinal-discs/"
        }
        #expect(AMAFormatter.plainText(reference) ==
            "Sinicropi S. How to Strengthen your Spinal Discs. Sinicropi Spine. Published July 2021. Updated 2022. https://sinicropispine.com/strengthen-spinal-discs/")
    }

    @Test func webPageWithoutURLEndsWithItsDatesAndLeavesInternalNotesOut() {
        let reference = Self.reference("hinge-sciatica-2023", "webpage") {
            $0.title = "Why You Should Keep Exercising with Sciatica, and Tips to Make It Easier"
            $0.containerTitle = "Hinge Health"
            $0.issued = CSLDate(year: 2023, month: 5, day: 30)
            $0.accessed = CSLDate(year: 2026, month: 1, day: 2)
            $0.note = "Received as file 000.txt"
        }
        #expect(AMAFormatter.plainText(reference) ==
            "Why You Should Keep Exercising with Sciatica, and Tips to Make It Easier. Hinge Health. Published May 30, 2023. Accessed January 2, 2026.")
    }

    @Test func sourceWithNothingRecordedSaysSoInsteadOfInventingATitle() {
        let reference = Self.reference("walking-lbp-source", "article") { $0.note = "Untitled document." }
        let text = AMAFormatter.plainText(reference)
        #expect(text.hasPrefix("[Untitled source document"))
        #expect(!text.contains("Untitled document."))
    }

    @Test func unknownTypesAreFormattedAsWebPages() {
        let reference = Self.reference("x", "post") {
            $0.title = "A post"
            $0.containerTitle = "A blog"
            $0.url = "https://blog.example/post"
        }
        #expect(AMAFormatter.plainText(reference) == "A post. A blog. https://blog.example/post")
    }

    @Test func book() {
        let reference = Self.reference("book", "book") {
            $0.authors = [CSLName(family: "McGill", given: "Stuart M.")]
            $0.title = "Back Mechanic"
            $0.publisher = "Backfitpro Inc"
            $0.issued = CSLDate(year: 2015)
        }
        #expect(AMAFormatter.plainText(reference) == "McGill SM. Back Mechanic. Backfitpro Inc; 2015.")
        #expect(AMAFormatter.format(reference) == [
            .plain("McGill SM. "), .italic("Back Mechanic"), .plain(". Backfitpro Inc; 2015."),
        ])
    }

    /// Its title italic and in title case, as AMA sets a book's.
    @Test func reportIsFormattedAsABookWithItsURL() {
        let reference = Self.reference("who", "report") {
            $0.authors = [CSLName(literal: "World Health Organization")]
            $0.title = "Guideline for non-surgical management of chronic primary low back pain"
            $0.publisher = "WHO"
            $0.issued = CSLDate(year: 2023)
            $0.accessed = CSLDate(year: 2026, month: 2, day: 1)
            $0.url = "https://www.who.int/publications/i/item/9789240081789"
        }
        #expect(AMAFormatter.plainText(reference) ==
            "World Health Organization. Guideline for Non-Surgical Management of Chronic Primary Low Back Pain. WHO; 2023. Accessed February 1, 2026. https://www.who.int/publications/i/item/9789240081789")
    }

    @Test(arguments: [
        (CSLName(family: "Belavý", given: "D. L."), "Belavý DL"),
        (CSLName(family: "Doe", given: "jane"), "Doe J"),
        (CSLName(family: "Smith", given: "Mary-Kate"), "Smith MK"),
        (CSLName(family: "Plato"), "Plato"),
        (CSLName(literal: "Cleveland Clinic"), "Cleveland Clinic"),
        (CSLName(given: "Ann"), "A"),
    ])
    func amaName(name: CSLName, expected: String) {
        #expect(AMAFormatter.amaName(name) == expected)
    }

    @Test(arguments: [
        (CSLDate(year: 2020, month: 3, day: 25), "March 25, 2020"),
        (CSLDate(year: 2020, month: 12), "December 2020"),
        (CSLDate(year: 2020), "2020"),
        (CSLDate(year: 2020, month: 13, day: 1), "2020"),
    ])
    func amaDate(date: CSLDate, expected: String) {
        #expect(AMAFormatter.amaDate(date) == expected)
    }

    @Test func cslDateFullDay() {
        #expect(CSLDate(year: 2020, month: 2, day: 29).fullDay == day("2020-02-29"))
        #expect(CSLDate(year: 2021, month: 2, day: 29).fullDay == nil)
        #expect(CSLDate(year: 2021, month: 2).fullDay == nil)
    }

    @Test func bibliographyKeepsTheFirstOfDuplicateIDs() {
        let first = Self.reference("a", "book") { $0.title = "First" }
        let second = Self.reference("a", "book") { $0.title = "Second" }
        let other = Self.reference("b", "book") { $0.title = "Other" }
        let bibliography = Bibliography([first, second, other])
        #expect(bibliography.keys == [key("a"), key("b")])
        #expect(bibliography[key("a")]?.title == "First")
        #expect(bibliography[key("zzz")] == nil)
    }
}
