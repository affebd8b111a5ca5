import Testing
import Diagnostics
@testable import ContentModel
@testable import ContentLoading

@Suite struct FrontMatterTests {
    static func split(_ text: String) throws -> FrontMatterSplit {
        try FrontMatterSplit.split(text, file: "Content/a.md").get()
    }

    static func failure(_ text: String) -> Diagnostic? {
        if case .failure(let diagnostic) = FrontMatterSplit.split(text, file: "Content/a.md") { return diagnostic }
        return nil
    }

    @Test func positionsOfYamlAndBody() throws {
        let split = try Self.split("---\ntitle: A\nsummary: B\n---\nBody line\nmore\n")
        #expect(split.yaml == "title: A\nsummary: B")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body line\nmore\n")
        #expect(split.bodyFirstLine == 5)
        #expect(split.openingLocation == SourceLocation(file: "Content/a.md", line: 1, column: 1))
    }

    @Test(arguments: [1, 2, 5, 20])
    func bodyStartsRightAfterTheClosingFence(fieldCount: Int) throws {
        let fields = (1...fieldCount).map { "f\($0): v" }
        let split = try Self.split("---\n" + fields.joined(separator: "\n") + "\n---\nBody\n")
        #expect(split.bodyFirstLine == fieldCount + 3)
        #expect(split.body == "Body\n")
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        let split = try Self.split("---\n---\n")
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func blankLinesAtTheStartOfTheBodyCount() throws {
        let split = try Self.split("---\na: 1\n---\n\n\nBody\n")
        #expect(split.bodyFirstLine == 4)
        #expect(split.body == "\n\nBody\n")
    }

    @Test func dotsCloseTheFrontMatter() throws {
        let split = try Self.split("---\na: 1\n...\nBody\n")
        #expect(split.yaml == "a: 1")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func dotsDoNotOpenIt() {
        #expect(Self.failure("...\na: 1\n...\n")?.code == .missingFrontMatter)
    }

    @Test func trailingSpacesAndTabsOnFencesAreAllowed() throws {
        let split = try Self.split("--- \na: 1\n---\t \nBody\n")
        #expect(split.yaml == "a: 1")
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func aLongerRuleInsideTheYamlIsNotAFence() throws {
        let split = try Self.split("---\na: |\n  ----\n---\nBody\n")
        #expect(split.yaml == "a: |\n  ----")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func theFirstClosingFenceWins() throws {
        let split = try Self.split("---\na: 1\n---\nBody\n\n---\n\nMore\n")
        #expect(split.yaml == "a: 1")
        #expect(split.body == "Body\n\n---\n\nMore\n")
    }

    @Test(arguments: ["title: A\n---\n", "Body only\n", " ---\na: 1\n---\n", "\n---\na: 1\n---\n", "----\na: 1\n---\n"])
    func missingFrontMatter(text: String) throws {
        let diagnostic = try #require(Self.failure(text))
        #expect(diagnostic.code == .missingFrontMatter)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "Content/a.md", line: 1, column: 1))
    }

    @Test(arguments: ["---\ntitle: A\n", "---\n", "---\ntitle: A\n----\nBody\n"])
    func unterminatedFrontMatter(text: String) throws {
        let diagnostic = try #require(Self.failure(text))
        #expect(diagnostic.code == .unterminatedFrontMatter)
        #expect(diagnostic.location == SourceLocation(file: "Content/a.md", line: 1, column: 1))
    }
}
