import ContentModel
import Templates
import Testing

@Suite struct DosageTests {
    static func q(_ text: String) -> Quantity { Quantity(parsing: text)! }

    @Test func emptyDosageHasNoLines() {
        #expect(Dosage().isEmpty)
        #expect(UIStrings(.en).lines(Dosage()).isEmpty)
        #expect(!Dosage(sets: Self.q("2")).isEmpty)
    }

    @Test func linesInFixedOrderWithUnits() {
        let dosage = Dosage(holdSeconds: Self.q("30"), reps: Self.q("10-15"), sets: Self.q("3"), minutes: Self.q("20+"),
                            perDay: Self.q("2"), perWeek: Self.q("3-5"))
        let lines = UIStrings(.en).lines(dosage).map { "\($0.label): \($0.value)" }
        #expect(lines == [
            "Hold: 30 seconds",
            "Repeat: 10–15 times",
            "Sets: 3",
            "Time: 20+ minutes",
            "How often: 2 times a day",
            "How often: 3–5 days a week",
        ])
    }

    @Test func singularForExactlyOne() {
        let dosage = Dosage(holdSeconds: Self.q("1"), reps: Self.q("1"), minutes: Self.q("1"), perDay: Self.q("1"),
                            perWeek: Self.q("1"))
        #expect(UIStrings(.en).lines(dosage).map(\.value) == ["1 second", "1 time", "1 minute", "1 time a day", "1 day a week"])
    }

    @Test func openRangeFromOneIsPlural() {
        #expect(UIStrings(.en).lines(Dosage(reps: Self.q("1+"))).map(\.value) == ["1+ times"])
        #expect(UIStrings(.en).lines(Dosage(reps: Self.q("1-2"))).map(\.value) == ["1–2 times"])
    }
}

@Suite struct UIStringsTests {
    @Test func everyLanguageFillsTheSameWords() {
        for language in BuiltInLanguage.allCases {
            for key in UIText.allCases {
                let words = UIStrings.segments(of: language.text(key)).compactMap { segment -> String? in
                    if case .placeholder(let name) = segment { return name }
                    return nil
                }
                #expect(Set(words) == Set(key.placeholders), "\(language.rawValue) \(key.rawValue)")
                #expect(!language.text(key).isEmpty)
            }
        }
    }

    @Test func placeholdersAndStrayBraces() {
        #expect(UIStrings.segments(of: "Phase {number}: {name}") == [.text("Phase "), .placeholder("number"), .text(": "), .placeholder("name")])
        #expect(UIStrings.segments(of: "a {B} {x y} {") == [.text("a {B} {x y} {")])
        #expect(UIStrings.segments(of: "{n}") == [.placeholder("n")])
        let strings = UIStrings(.en)
        #expect(strings(.phase, ["number": "2", "name": "Build {up}"]) == "Phase 2: Build {up}")
    }

    @Test func datesInTheSitesLanguage() {
        let day = Day(iso: "2026-11-20")!
        #expect(UIStrings(.en).date(day) == "20 November 2026")
        #expect(UIStrings(.es).date(day) == "20 de noviembre de 2026")
        #expect(UIStrings(language: "es-MX").date(day) == "20 de noviembre de 2026")
        #expect(UIStrings(language: "fr").date(day) == "20 November 2026")
        var overridden = UIStrings(.en)
        overridden[.date] = "{month} {day}, {year}"
        #expect(overridden.date(day) == "November 20, 2026")
    }

    @Test func spanishCountsAndWeeks() {
        let strings = UIStrings(.es)
        #expect(strings.lines(Dosage(reps: Quantity(parsing: "1")!, perWeek: Quantity(parsing: "3-5")!)).map { "\($0.label): \($0.value)" }
                == ["Repetir: 1 vez", "Frecuencia: 3–5 días a la semana"])
        #expect(strings.weeks(Quantity(parsing: "5+")!) == "A partir de la semana 5")
        #expect(UIStrings(.en).weeks(Quantity(parsing: "1-2")!) == "Weeks 1–2")
    }

    @Test func citationsAreAnnouncedInTheSitesLanguage() {
        var numbering = CitationNumbering(announcedAs: "Referencia {n}")
        let group = CitationParser.groups(in: "[@smith2018]").first!
        let html = CitationMarkup.render(group, numbering: &numbering).markup
        #expect(html.contains("aria-label=\"Referencia 1\""))
    }
}
