import Testing
@testable import ContentModel

@Suite struct BodyHTMLTests {
    private func parts(_ markup: String) -> [String] {
        var result: [String] = []
        BodyHTML(markup: markup).forEachPart { part in
            switch part {
            case .markup(let run): result.append(String(decoding: run, as: UTF8.self))
            case .slot(let slot): result.append("\(slot)")
            }
        }
        return result
    }

    @Test func slotsSplitTheMarkupInOrder() {
        let slots: [BodyHTML.Slot] = [.headingOpen(0), .citation("[see @a; @b, p. 3]"), .link(3), .exercises(1)]
        let tokens = slots.map(BodyHTML.token)
        let markup: String = "<h2>" + tokens[0] + "Café" + tokens[1] + tokens[2] + "</a>\n" + tokens[3]
        let expected: [String] = ["<h2>", "headingOpen(0)", "Café", "citation(\"[see @a; @b, p. 3]\")", "link(3)", "</a>\n", "exercises(1)"]
        #expect(parts(markup) == expected)
    }

    @Test func aCitationTokenMadeFromBytesIsTheSlotsToken() {
        for written in ["[@a]", "[see @smith2020, p. 3; @b]", "[@café]"] {
            let token = Array(written.utf8).withUnsafeBufferPointer { BodyHTML.citationToken($0) }
            #expect(token == BodyHTML.token(.citation(written)))
            #expect(parts("x" + token) == ["x", "citation(\"\(written)\")"])
        }
    }

    @Test func markupWithoutSlotsIsOneRun() {
        #expect(parts("<p>Plain — text.</p>\n") == ["<p>Plain — text.</p>\n"])
        #expect(parts("").isEmpty)
    }

    @Test func aStrayMarkerIsKeptAsText() {
        #expect(parts("a\u{1}b") == ["a\u{1}b"])
        let expected: [String] = ["a\u{1}x9\u{1}b", "citation(\"[@a]\")"]
        #expect(parts("a\u{1}x9\u{1}b" + BodyHTML.token(.citation("[@a]"))) == expected)
        #expect(parts("\u{1}c\u{1}\u{1}l\u{1}") == ["\u{1}c\u{1}\u{1}l\u{1}"])
    }
}
