import Diagnostics
import Foundation
import Testing

/// `salve check --format json|github|sarif`: the output parses, and says where each problem is.
@Suite struct MachineFormatterTests {
    /// Given out of order, so the tests also see the formatters sort by file, line and column.
    static let diagnostics = DiagnosticList([
        .warning(.uncitedReference, "no page cites 'extra'; cite it or remove it from the bibliography",
                 at: SourceLocation(file: "seeds/references.json", line: 11, column: 3)),
        .error(.unknownCitation, "unknown citation key 'smyth2019' — did you mean 'smith2019'?",
               at: SourceLocation(file: "Content/articles/knee-guide.md", line: 12, column: 26)),
        Diagnostic(.note, .reviewPending, "a note with no line",
                   at: SourceLocation(file: "Content/site.yml")),
        .error(.retractedCitation, "'smith2019' (doi:10.5555/x) has been retracted; do not cite it",
               at: SourceLocation(file: "Content/articles/knee-guide.md", line: 3, column: 10)),
    ])

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: JSON

    @Test func jsonListsEveryDiagnosticWithItsPlaceAndCounts() throws {
        let root = try Self.object(MachineFormatter.json(Self.diagnostics))
        #expect(root["errors"] as? Int == 2)
        #expect(root["warnings"] as? Int == 1)
        let items = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items.map { $0["file"] as? String } == [
            "Content/articles/knee-guide.md", "Content/articles/knee-guide.md", "Content/site.yml", "seeds/references.json",
        ])
        let first = items[0]
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message"])
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 10)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "retracted-citation")
        #expect(first["message"] as? String == "'smith2019' (doi:10.5555/x) has been retracted; do not cite it")
        let second = items[1]
        #expect(second["line"] as? Int == 12)
        #expect(second["column"] as? Int == 26)
        #expect(second["code"] as? String == "unknown-citation")
        #expect(second["message"] as? String == "unknown citation key 'smyth2019' — did you mean 'smith2019'?")
        // A location without a line has no line or column keys.
        #expect(Set(items[2].keys) == ["file", "severity", "code", "message"])
        #expect(items[2]["severity"] as? String == "note")
        #expect(items[3]["severity"] as? String == "warning")
        #expect(items[3]["code"] as? String == "uncited-reference")
    }

    @Test func jsonKeepsQuotesBackslashesAndNewlinesInMessages() throws {
        let message = "a \"quoted\" path C:\\x and\ntwo lines </script>"
        let text = MachineFormatter.json(DiagnosticList([
            .error(.invalidValue, message, at: SourceLocation(file: "Content/a \"b\".md", line: 1, column: 1)),
        ]))
        let items = try #require(try Self.object(text)["diagnostics"] as? [[String: Any]])
        #expect(items.first?["message"] as? String == message)
        #expect(items.first?["file"] as? String == "Content/a \"b\".md")
    }

    @Test func jsonOfNoDiagnostics() throws {
        let root = try Self.object(MachineFormatter.json(DiagnosticList()))
        #expect((root["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(root["errors"] as? Int == 0)
        #expect(root["warnings"] as? Int == 0)
    }

    // MARK: GitHub workflow commands

    @Test func githubAnnotationsOneLineEach() {
        #expect(MachineFormatter.github(Self.diagnostics).split(separator: "\n", omittingEmptySubsequences: false) == [
            "::error file=Content/articles/knee-guide.md,line=3,col=10,title=salve retracted-citation::'smith2019' (doi:10.5555/x) has been retracted; do not cite it",
            "::error file=Content/articles/knee-guide.md,line=12,col=26,title=salve unknown-citation::unknown citation key 'smyth2019' — did you mean 'smith2019'?",
            "::notice file=Content/site.yml,title=salve review-pending::a note with no line",
            "::warning file=seeds/references.json,line=11,col=3,title=salve uncited-reference::no page cites 'extra'; cite it or remove it from the bibliography",
        ])
    }

    @Test func githubEscapesPropertiesAndMessages() {
        let text = MachineFormatter.github(DiagnosticList([
            .error(.invalidValue, "100% sure: a, b\nsecond line\r\nthird",
                   at: SourceLocation(file: "Content/odd,name:50%.md", line: 2, column: 4)),
        ]))
        // Properties escape %, :, and , ; the message escapes % and line breaks but keeps : and , as they are.
        #expect(text ==
            "::error file=Content/odd%2Cname%3A50%25.md,line=2,col=4,title=salve invalid-value::100%25 sure: a, b%0Asecond line%0D%0Athird")
        #expect(!text.contains("\n"))
    }

    @Test func githubOfNoDiagnosticsIsEmpty() {
        #expect(MachineFormatter.github(DiagnosticList()) == "")
    }

    // MARK: SARIF 2.1.0

    @Test func sarifHasTheToolRulesAndResults() throws {
        let root = try Self.object(MachineFormatter.sarif(Self.diagnostics, toolVersion: "1.2.3",
                                                          helpURI: "https://salve.example/readme"))
        #expect(root["version"] as? String == "2.1.0")
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "salve")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == "https://salve.example/readme")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ["retracted-citation", "review-pending", "uncited-reference", "unknown-citation"])
        #expect(rules.allSatisfy { ($0["helpUri"] as? String) == "https://salve.example/readme#diagnostics" })
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "retracted citation")

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 4)
        #expect(results.map { $0["ruleId"] as? String } ==
            ["retracted-citation", "unknown-citation", "review-pending", "uncited-reference"])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "note", "warning"])
        // ruleIndex points into rules.
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[index] == result["ruleId"] as? String)
        }
        let first = results[1]
        #expect((first["message"] as? [String: Any])?["text"] as? String ==
            "unknown citation key 'smyth2019' — did you mean 'smith2019'?")
        let locations = try #require(first["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "Content/articles/knee-guide.md")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 26)
        // No line, no region.
        let noLine = try #require((results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(noLine["region"] == nil)
        #expect((noLine["artifactLocation"] as? [String: Any])?["uri"] as? String == "Content/site.yml")
    }

    @Test func sarifOfNoDiagnosticsHasEmptyResults() throws {
        let root = try Self.object(MachineFormatter.sarif(DiagnosticList(), toolVersion: "0", helpURI: "https://x.example/"))
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect((driver?["rules"] as? [Any])?.isEmpty == true)
    }

    @Test func machineFormatsOfARealCheckAgreeOnEveryLocation() throws {
        let diagnostics = try CheckProject.check(bibliography: [
            Entry.journal("prefixed", "\"DOI\": \"https://doi.org/10.1038/srep45975\""),
        ], cite: ["prefixed"])
        let items = try #require(try Self.object(MachineFormatter.json(diagnostics))["diagnostics"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["file"] as? String == "seeds/references.json")
        #expect(items.first?["line"] as? Int == 9)
        #expect(items.first?["column"] as? Int == 12)
        #expect(MachineFormatter.github(diagnostics) ==
            "::error file=seeds/references.json,line=9,col=12,title=salve invalid-doi::invalid DOI in 'prefixed': write the DOI without 'https://doi.org/' (just '10.1038/srep45975')")
    }
}
