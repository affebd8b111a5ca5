import ContentModel
@testable import ContentLoading
import Testing

/// A citation inside a front-matter text is located at its `@`, wherever the value's style puts it.
@Suite struct FrontMatterCitationTests {
    static func keyLocations(_ text: String) throws -> [String] {
        let result = loadPage(text, kind: .condition, slug: "knee-pain")
        let condition = try #require(result.page as? Condition, "\(result.diagnostics)")
        return (condition.citedKeys).map { "\($0.value) \($0.location.line ?? 0):\($0.location.column ?? 0)" }
    }

    static let rest = """
        seek-care:
          - See a doctor if it gets worse.
        ---
        Body.

        """

    @Test func plainQuotedAndFoldedValues() throws {
        let text = """
            ---
            name: Knee pain
            summary: >-
              Knees hurt for many reasons,
              and moving gently helps — most of the time [@smith2019].
            symptoms:
              - "Stiffness in the morning [see @jones2020, p. 4]"
              - Pain on stairs [@smith2019; @lee2021]
            
            """ + Self.rest
        #expect(try Self.keyLocations(text) == [
            "smith2019 5:47",   // folded: the second line, after a non-ASCII dash (columns count characters)
            "jones2020 7:36",   // inside quotes, after a prefix
            "smith2019 8:21",
            "lee2021 8:33",
        ])
    }
}
