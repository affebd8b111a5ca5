import Testing
@testable import ContentModel

@Suite struct CitationParserTests {
    /// The keys of every group found, e.g. `[["a"], ["b", "c"]]`.
    static func keys(_ text: String) -> [[String]] {
        CitationParser.groups(in: text).map { $0.items.map(\.key.rawValue) }
    }

    @Test func singleKey() throws {
        let groups = CitationParser.groups(in: "[@key]")
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.range == 0..<6)
        #expect(group.items.count == 1)
        #expect(group.items[0].key == key("key"))
        #expect(group.items[0].prefix == "")
        #expect(group.items[0].locator == "")
        #expect(group.items[0].keyOffset == 1)
    }

    @Test func severalKeys() throws {
        let group = try #require(CitationParser.groups(in: "[@a; @b]").first)
        #expect(group.items.map(\.key.rawValue) == ["a", "b"])
        #expect(group.items.map(\.keyOffset) == [1, 5])
        #expect(group.range == 0..<8)
        #expect(Self.keys("[@a;@b; @c]") == [["a", "b", "c"]])
    }

    @Test func prefixAndLocator() throws {
        let item = try #require(CitationParser.groups(in: "[see @key, p. 3]").first?.items.first)
        #expect(item.key == key("key"))
        #expect(item.prefix == "see")
        #expect(item.locator == "p. 3")
        #expect(item.keyOffset == 5)
    }

    @Test func prefixAndLocatorPerItem() throws {
        let items = try #require(CitationParser.groups(in: "[see @a, ch. 2; also @b, p. 10–12]").first?.items)
        #expect(items.map(\.prefix) == ["see", "also"])
        #expect(items.map(\.locator) == ["ch. 2", "p. 10–12"])
    }

    @Test func suppressedAuthor() throws {
        let item = try #require(CitationParser.groups(in: "[-@key]").first?.items.first)
        #expect(item.key == key("key"))
        #expect(item.prefix == "")
        #expect(item.keyOffset == 2)
    }

    @Test func keyWithInternalPunctuation() {
        #expect(Self.keys("[@doe:2019.a]") == [["doe:2019.a"]])
        #expect(Self.keys("[@clevelandclinic-sciatica-2020]") == [["clevelandclinic-sciatica-2020"]])
    }

    @Test func trailingPunctuationIsNotPartOfTheKey() throws {
        let item = try #require(CitationParser.groups(in: "[@smith2019.]").first?.items.first)
        #expect(item.key == key("smith2019"))
        #expect(Self.keys("[@doe:2019.a:, p. 4]") == [["doe:2019.a"]])
        #expect(Self.keys("[@a-]") == [["a"]])
    }

    @Test(arguments: [
        "[mail@example.org]",
        "[see below]",
        "[]",
        "[@]",
        "[@ key]",
        "[@-]",
        "@key without brackets",
        "[@a, @b]",       // two keys need a ';'
        "[@a@b]",
        "[@a; see below]", // every part must hold a key
        "[@key",
        "@key]",
        "[[@key",
    ])
    func notCitations(text: String) {
        #expect(CitationParser.groups(in: text).isEmpty)
    }

    @Test func manyGroupsInARun() {
        #expect(Self.keys("Walking helps [@a]. Rest less [@b; @c], see [mail@example.org] and [@a].") == [["a"], ["b", "c"], ["a"]])
    }

    @Test func innermostBracketWins() {
        #expect(Self.keys("[see [@key]]") == [["key"]])
        let group = CitationParser.groups(in: "[see [@key]]").first
        #expect(group?.range == 5..<11)
    }

    @Test func offsetsAreUTF8AfterMultibyteText() throws {
        // "Café — 👍 " is C a f é(2) space —(3) space 👍(4) space = 15 bytes.
        let text = "Café — 👍 [@key] and [@b]"
        let groups = CitationParser.groups(in: text)
        #expect(groups.count == 2)
        let first = try #require(groups.first)
        #expect(first.range == 15..<21)
        #expect(first.items[0].keyOffset == 16)
        let bytes = Array(text.utf8)
        #expect(bytes[first.items[0].keyOffset] == UInt8(ascii: "@"))
        #expect(String(decoding: bytes[first.range], as: UTF8.self) == "[@key]")
        let second = groups[1]
        #expect(String(decoding: bytes[second.range], as: UTF8.self) == "[@b]")
        #expect(bytes[second.items[0].keyOffset] == UInt8(ascii: "@"))
    }

    @Test func nonASCIIKey() {
        #expect(Self.keys("[@müller2020]") == [["müller2020"]])
    }

    /// The early exit needs both a "[" and an "@"; having both is not enough to make a citation.
    @Test func bracketAndAtWithoutACitation() {
        #expect(CitationParser.groups(in: "mail x@y.org [see below]").isEmpty)
        #expect(CitationParser.groups(in: "[see below] and @key").isEmpty)
        #expect(CitationParser.groups(in: String(repeating: "long text [with brackets] ", count: 40)).isEmpty)
        #expect(CitationParser.groups(in: String(repeating: "long text @with ats ", count: 40)).isEmpty)
    }

    /// The search for "[" reads eight bytes at a time: a group is found wherever it starts, with
    /// ASCII or multibyte text before it, and offsets stay UTF-8 offsets into the whole text.
    @Test(arguments: Array(0..<20))
    func groupsAtEveryAlignment(pad: Int) throws {
        for filler in ["a", "é", "👍"] {
            let before = String(repeating: filler, count: pad)
            let text = before + "[@k] and then some [see @j, p. 2] end [x]"
            let start = before.utf8.count
            let groups = CitationParser.groups(in: text)
            #expect(groups.map(\.range) == [start..<(start + 4), (start + 19)..<(start + 33)], "\(filler) × \(pad)")
            #expect(groups.map { $0.items.map(\.keyOffset) } == [[start + 1], [start + 24]])
            #expect(groups.map { $0.items.map(\.key.rawValue) } == [["k"], ["j"]])
        }
    }
}

@Suite struct CitationSegmentsTests {
    /// A readable rendering of segments: text runs quoted, citations as their keys.
    static func render(_ text: String) -> [String] {
        CitationParser.segments(of: text).map { segment in
            switch segment {
            case .text(let run): "\"\(run)\""
            case .citation(let group): "@" + group.items.map(\.key.rawValue).joined(separator: ",")
            }
        }
    }

    @Test func textWithoutCitationsIsOneRun() {
        #expect(CitationParser.segments(of: "No citations here [see below].") == [.text("No citations here [see below].")])
        #expect(CitationParser.segments(of: "") == [.text("")])
    }

    @Test func spacesJustBeforeACitationAreDropped() {
        #expect(Self.render("Walking helps [@a].") == ["\"Walking helps\"", "@a", "\".\""])
        #expect(Self.render("Walking helps   [@a; @b] a lot") == ["\"Walking helps\"", "@a,b", "\" a lot\""])
    }

    @Test func spacesAfterACitationAreKept() {
        #expect(Self.render("[@a] starts it") == ["@a", "\" starts it\""])
    }

    @Test func adjacentCitations() {
        #expect(Self.render("x [@a] [@b]") == ["\"x\"", "@a", "@b"])
        #expect(Self.render("[@a][@b]") == ["@a", "@b"])
    }

    @Test func onlyPlainSpacesAreDropped() {
        // A tab or a non-breaking space is the writer's choice and stays.
        #expect(Self.render("a\t[@a]") == ["\"a\t\"", "@a"])
        #expect(Self.render("a\u{00A0}[@a]") == ["\"a\u{00A0}\"", "@a"])
    }

    @Test func multibyteTextAroundCitations() {
        #expect(Self.render("Café — ok [@a] — fin") == ["\"Café — ok\"", "@a", "\" — fin\""])
    }

    @Test func longMultibyteTextAroundCitations() {
        let run = String(repeating: "Gehen hilft — très bien 👍 ", count: 10)
        let quoted = "\"" + String(run.dropLast()) + "\""  // the run without its trailing space
        let expected: [String] = [quoted, "@a", quoted, "@b,c"]
        #expect(Self.render(run + " [@a]" + run + "[@b; @c]") == expected)
        #expect(CitationParser.segments(of: run) == [.text(run)])
    }
}

@Suite struct CitationNumberingTests {
    @Test func numbersInOrderOfFirstUse() {
        var numbering = CitationNumbering()
        #expect(numbering.number(for: key("b")) == 1)
        #expect(numbering.number(for: key("a")) == 2)
        #expect(numbering.number(for: key("b")) == 1)
        #expect(numbering.number(for: key("c")) == 3)
        #expect(numbering.number(for: key("a")) == 2)
        #expect(numbering.order == [key("b"), key("a"), key("c")])
    }

    @Test func existingNumberDoesNotAssign() {
        var numbering = CitationNumbering()
        #expect(numbering.existingNumber(for: key("a")) == nil)
        #expect(numbering.order.isEmpty)
        _ = numbering.number(for: key("a"))
        #expect(numbering.existingNumber(for: key("a")) == 1)
        #expect(numbering.existingNumber(for: key("b")) == nil)
    }

    /// Small pages scan their list and large ones hash it; the numbers are the same either side.
    @Test func numbersHoldAcrossManySources() {
        var numbering = CitationNumbering()
        let keys = (0..<120).map { key("k\($0)") }
        for (index, cited) in keys.enumerated() {
            #expect(numbering.number(for: cited) == index + 1)
            // Citing every earlier source again keeps its number.
            for (earlier, again) in keys[...index].enumerated() where earlier % 7 == 0 {
                #expect(numbering.number(for: again) == earlier + 1)
            }
        }
        #expect(numbering.order == keys)
        #expect(numbering.existingNumber(for: key("k47")) == 48)
        #expect(numbering.existingNumber(for: key("k48")) == 49)
        #expect(numbering.existingNumber(for: key("k119")) == 120)
        #expect(numbering.existingNumber(for: key("missing")) == nil)
    }
}

@Suite struct InlineTextTests {
    @Test func findsCitationsAndKeepsItsLocation() {
        let location = SourceLocation(file: "a.md", line: 3, column: 10)
        let text = InlineText("Moving helps [@a; @b].", at: location)
        #expect(text.citations.count == 1)
        #expect(text.citations[0].items.map(\.key.rawValue) == ["a", "b"])
        #expect(text.location == location)
    }

    @Test(arguments: [
        ("Moving helps [@a].", "Moving helps."),
        ("Moving helps [@a]. Rest less [@b], really.", "Moving helps. Rest less, really."),
        ("[@a] Leading citation.", "Leading citation."),
        ("No citations.", "No citations."),
        ("Email [mail@example.org] stays.", "Email [mail@example.org] stays."),
    ])
    func plainTextDropsCitations(text: String, expected: String) {
        #expect(InlineText(text, at: SourceLocation(file: "f")).plain == expected)
    }
}
