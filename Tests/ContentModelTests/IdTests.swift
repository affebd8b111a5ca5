import Testing
@testable import ContentModel

@Suite struct SlugTests {
    @Test(arguments: ["glute-bridge", "a1", "a", "1", "chronic-low-back-pain", "x2-y3", "0-0"])
    func validSlugs(text: String) throws {
        #expect(Slug.isValid(text))
        let slug = try #require(Slug(text))
        #expect(slug.rawValue == text)
        #expect(slug.description == text)
    }

    @Test(arguments: ["", "Glute", "-a", "a-", "a--b", "../x", "a/b", "a b", "é", "a_b", "a.md", ".", "-", "a\n", "ＡＢ"])
    func invalidSlugs(text: String) {
        #expect(!Slug.isValid(text))
        #expect(Slug(text) == nil)
    }

    @Test func slugsSortByText() {
        #expect([slug("walking"), slug("a1"), slug("glute-bridge")].sorted().map(\.rawValue) == ["a1", "glute-bridge", "walking"])
    }

    @Test(arguments: [
        ("Why it helps!", "why-it-helps"),
        ("When to pause", "when-to-pause"),
        ("  Leading and trailing  ", "leading-and-trailing"),
        ("Don't overdo it", "dont-overdo-it"),
        ("Don’t overdo it", "dont-overdo-it"),
        ("Step 1: warm up", "step-1-warm-up"),
        ("Café — naïve", "café-naïve"),
        ("A/B -- C", "a-b-c"),
        ("!!!", "section"),
        ("", "section"),
        ("UPPER case", "upper-case"),
    ])
    func anchorFromTitle(title: String, expected: String) {
        #expect(Slug.anchor(from: title) == expected)
    }
}

@Suite struct CitationKeyTests {
    @Test(arguments: ["belavy2017", "smith2019", "doe:2019.a", "a", "_x", "clevelandclinic-sciatica-2020", "a/b", "x+y", "2017", "Müller2020"])
    func validKeys(text: String) {
        #expect(CitationKey.isValid(text))
        #expect(CitationKey(text)?.rawValue == text)
    }

    @Test(arguments: ["", "-a", "a-", "a.", "a b", "@a", "a;b", "a,b", "a]", ":a", "a'b"])
    func invalidKeys(text: String) {
        #expect(!CitationKey.isValid(text))
        #expect(CitationKey(text) == nil)
    }
}

@Suite struct CollapsingSpacesTests {
    @Test(arguments: [
        ("Lie on your back  .", "Lie on your back."),
        ("  Bend   your knees ,  then rest ;  ", "Bend your knees, then rest;"),
        (" . start", ". start"),
        ("Café  —  naïve :", "Café — naïve:"),
        ("a   ,", "a,"),
        ("3 . 5", "3. 5"),
        ("", ""),
        ("\tTabs stay\tinside ", "Tabs stay\tinside"),
    ])
    func collapsesSpacesAndDropsThemBeforePunctuation(text: String, expected: String) {
        #expect(text.collapsingSpaces() == expected)
    }
}
