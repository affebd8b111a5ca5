import Testing
@testable import ContentModel

/// CSL rich text in titles, and the field normalisations both styles share.
@Suite struct StyledRunTests {
    @Test func richTextBecomesStyledRuns() {
        #expect(RichText.runs("Plain title") == nil)
        #expect(RichText.runs("<i>H. pylori</i> and PaCO<sub>2</sub>") == [
            .styled("H. pylori", .italic), .plain(" and PaCO"), .styled("2", .subscript),
        ])
        #expect(RichText.runs("<sup>18</sup>F and <b>bold</b> <span class=\"nocase\">mRNA</span>") == [
            .styled("18", .superscript), .plain("F and "), .styled("bold", .bold), .plain(" "), .styled("mRNA", .nocase),
        ])
        #expect(RichText.plain("<i>E. coli</i> in <i>vitro</i>") == "E. coli in vitro")
    }

    @Test func otherMarkupStaysText() {
        #expect(RichText.runs("a < b and <script>x</script>") == nil)
        #expect(RichText.runs("<i>x</i> <img src=y>") == [.styled("x", .italic), .plain(" <img src=y>")])
    }

    @Test func amaSetsItalicTitlesInTitleCaseLeavingNocaseAlone() {
        #expect(Fields.titleCase([.plain("fear-avoidance beliefs in chronic pain: a survey of the role of pH")])
                == [.plain("Fear-Avoidance Beliefs in Chronic Pain: A Survey of the Role of pH")])
        #expect(Fields.titleCase([.plain("Fear-avoidance and McGraw-Hill, WHO and iPhone")])
                == [.plain("Fear-Avoidance and McGraw-Hill, WHO and iPhone")])
        #expect(Fields.titleCase([.plain("return to work after injury with "), .styled("mrna", .nocase), .plain(" and")])
                == [.plain("Return to Work After Injury With "), .styled("mrna", .nocase), .plain(" and")])
        var book = Reference(id: key("b"), type: "book", location: SourceLocation(file: "r.json"))
        book.title = "Medical microbiology"
        #expect(AMAFormatter.plainText(book) == "Medical Microbiology.")
        #expect(ReferenceFormatter.plainText(book, style: .vancouver) == "Medical microbiology.")
    }

    @Test func italicInsideAnItalicTitleIsRoman() {
        var book = Reference(id: key("b"), type: "book", location: SourceLocation(file: "r.json"))
        book.title = "Guide to S. aureus"
        book.titleRuns = RichText.runs("Guide to <i>S. aureus</i>")
        book.publisher = "Press"
        #expect(AMAFormatter.format(book) == [.italic("Guide to "), .plain("S. aureus. Press.")])
    }

    @Test(arguments: [
        ("632-44", "632-644", "632-44"),
        ("2356–2367", "2356-2367", "2356-67"),
        ("1023-6", "1023-1026", "1023-6"),
        ("93-113", "93-113", "93-113"),
        ("100-110", "100-110", "100-10"),
        ("S12-18", "S12-S18", "S12-8"),
        ("e123", "e123", "e123"),
        ("xii-xv", "xii-xv", "xii-xv"),
        ("12-15, 17-19", "12-15, 17-19", "12-5, 17-9"),
    ])
    func pageRanges(given: String, expanded: String, minimal: String) {
        #expect(Fields.pages(given, .expanded) == expanded)
        #expect(Fields.pages(given, .minimal) == minimal)
    }

    @Test(arguments: [
        ("20", "20th ed."), ("2nd", "2nd ed."), ("Second edition", "2nd ed."), ("3rd ed.", "3rd ed."),
        ("11", "11th ed."), ("22", "22nd ed."), ("Revised", "Revised ed."),
    ])
    func editions(given: String, expected: String) {
        #expect(Fields.edition(given) == expected)
    }

    @Test func supplementIssues() {
        #expect(["Suppl 1", "suppl. 1", "Supplement 1", "Suppl", "3"].map(Fields.supplement("suppl"))
                == ["suppl 1", "suppl 1", "suppl 1", "suppl", "3"])
        #expect(Fields.supplement("Suppl")("suppl 2") == "Suppl 2")
    }

    @Test func aFirstEditionIsNotMentioned() {
        #expect(Fields.edition("1") == nil)
        #expect(Fields.edition("1st edition") == nil)
    }

    @Test func namesKeepParticlesAndSuffixes() {
        #expect(Fields.name(CSLName(family: "Windt", given: "Daniëlle A. W. M.", nonDroppingParticle: "van der")) == "van der Windt DAWM")
        #expect(Fields.name(CSLName(family: "Windt", given: "Daniëlle A. W. M.", nonDroppingParticle: "van der"), maxInitials: 2)
                == "van der Windt DA")
        #expect(Fields.name(CSLName(family: "Smith", given: "Sidney C.", suffix: "Jr")) == "Smith SC Jr")
        #expect(Fields.name(CSLName(family: "Fontaine", given: "Jean", droppingParticle: "de")) == "de Fontaine J")
    }

    @Test(arguments: [
        (CSLDate(year: 2023, month: 10, day: 2, end: .init(year: 2023, month: 10, day: 6)), "October 2-6, 2023", "2023 Oct 2-6"),
        (CSLDate(year: 2023, month: 9, day: 29, end: .init(year: 2023, month: 10, day: 2)), "September 29-October 2, 2023",
         "2023 Sep 29-Oct 2"),
        (CSLDate(year: 2022, month: 12, day: 30, end: .init(year: 2023, month: 1, day: 2)), "December 30, 2022-January 2, 2023",
         "2022 Dec 30-2023 Jan 2"),
        (CSLDate(year: 2019, month: 9, end: .init(year: 2019, month: 10)), "September-October 2019", "2019 Sep-Oct"),
        (CSLDate(year: 2019, season: 1), "Spring 2019", "2019 Spring"),
        (CSLDate(year: 2019, literal: "Spring 2019 supplement"), "Spring 2019 supplement", "Spring 2019 supplement"),
        (CSLDate(year: 2024, month: 3, day: 15), "March 15, 2024", "2024 Mar 15"),
    ])
    func dates(date: CSLDate, ama: String, vancouver: String) {
        #expect(Fields.date(date, .monthDayYear) == ama)
        #expect(Fields.date(date, .yearMonthDay) == vancouver)
    }

    @Test func abbreviationPeriodsAreRemoved() {
        #expect(Fields.withoutAbbreviationPeriods("N. Engl. J. Med.") == "N Engl J Med")
        #expect(Fields.withoutAbbreviationPeriods("Proc. Natl. Acad. Sci. U.S.A.") == "Proc Natl Acad Sci USA")
        #expect(Fields.withoutAbbreviationPeriods("Spine (Phila Pa 1976)") == "Spine (Phila Pa 1976)")
    }

    @Test func theGraphFormatsItsBibliographyInTheSiteStyle() {
        var reference = Reference(id: key("a"), type: "webpage", location: SourceLocation(file: "r.json"))
        reference.title = "Sciatica"
        reference.containerTitle = "Cleveland Clinic"
        reference.url = "https://example.org/s"
        var site = SiteConfig(title: "T", baseURL: "/")
        site.citationStyle = .vancouver
        let graph = ContentGraph(site: site, conditions: [], articles: [], exercises: [], programs: [], experts: [],
                                 bibliography: Bibliography([reference]), sourceRecords: [])
        #expect(graph.bibliography.formatted(key("a"))?.map(\.text).joined()
                == "Sciatica [Internet]. Cleveland Clinic. Available from: https://example.org/s")
    }
}
