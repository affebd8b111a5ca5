import Testing
import YAML

/// Positions, texts and errors here are what libyaml reports (and Yams reported before this parser).
@Suite struct YAMLParserTests {
    @Test func scalarsOfEachStyleWithTheirMarks() throws {
        let yaml = """
            plain: text
            single: 'it''s'
            double: "a\\tb"
            literal: |
              line one
              line two
            folded: >
              folded
              text
            empty:
            """
        let pairs = try mapping(yaml)
        #expect(pairs.map(\.key.scalarText) == ["plain", "single", "double", "literal", "folded", "empty"])
        #expect(pairs.map(\.key.mark) == [mark(1, 1), mark(2, 1), mark(3, 1), mark(4, 1), mark(7, 1), mark(10, 1)])
        #expect(pairs.map(\.value) == [
            scalar("text", .plain, at: mark(1, 8)),
            scalar("it's", .singleQuoted, at: mark(2, 9)),
            scalar("a\tb", .doubleQuoted, at: mark(3, 9)),
            scalar("line one\nline two\n", .literal, at: mark(4, 10)),
            scalar("folded text\n", .folded, at: mark(7, 9)),
            scalar("", .plain, at: mark(10, 7)),
        ])
    }

    @Test func nestedMappingsAndSequences() throws {
        let root = try #require(try YAMLNode.parse("---\nlist:\n  - x\n  - {b: 1, c: [2, 3]}\nmap:\n  e: f\n"))
        #expect(root == YAMLNode(.mapping([
            pair(scalar("list", at: mark(2, 1)), YAMLNode(.sequence([
                scalar("x", at: mark(3, 5)),
                YAMLNode(.mapping([
                    pair(scalar("b", at: mark(4, 6)), scalar("1", at: mark(4, 9))),
                    pair(scalar("c", at: mark(4, 12)), YAMLNode(.sequence([
                        scalar("2", at: mark(4, 16)), scalar("3", at: mark(4, 19)),
                    ]), at: mark(4, 15))),
                ]), at: mark(4, 5)),
            ]), at: mark(3, 3))),
            pair(scalar("map", at: mark(5, 1)), YAMLNode(.mapping([
                pair(scalar("e", at: mark(6, 3)), scalar("f", at: mark(6, 6))),
            ]), at: mark(6, 3))),
        ]), at: mark(2, 1)))
    }

    @Test func aSequenceCanBeTheRoot() throws {
        let root = try #require(try YAMLNode.parse("- a\n- b\n"))
        #expect(root == YAMLNode(.sequence([scalar("a", at: mark(1, 3)), scalar("b", at: mark(2, 3))]), at: mark(1, 1)))
    }

    @Test func anAliasIsTheNodeItsAnchorNames() throws {
        let pairs = try mapping("base: &b {x: 1}\ncopy: *b\nlist: [&s one, *s]\n")
        let base = YAMLNode(.mapping([pair(scalar("x", at: mark(1, 11)), scalar("1", at: mark(1, 14)))]), at: mark(1, 7))
        #expect(pairs[0].value == base)
        #expect(pairs[1].value == base)
        #expect(pairs[2].value == YAMLNode(.sequence([scalar("one", at: mark(3, 8)), scalar("one", at: mark(3, 8))]),
                                           at: mark(3, 7)))
    }

    @Test func aRepeatedAnchorNamesTheLatestNode() throws {
        #expect(try mapping("a: &x 1\nb: &x 2\nc: *x\n")[2].value.scalarText == "2")
    }

    /// Undefined, or inside the node its anchor names (which is registered once the node is read).
    @Test(arguments: [("a: *nope\n", 4), ("a: &x [*x]\n", 8)])
    func anAliasWithNoAnchorBeforeItIsAnError(yaml: String, column: Int) {
        #expect(throws: YAMLError.syntax(.composer, problem: "found undefined alias", mark: mark(1, column), context: nil)) {
            try YAMLNode.parse(yaml)
        }
    }

    @Test func repeatedKeysAreReportedAtTheirSecondOccurrence() {
        // `b` three times is reported once; keys are compared by text, however quoted.
        let yaml = "b: 1\na: 2\nb: 3\n'a': 4\nb: 5\nc: 6\n"
        #expect(throws: YAMLError.duplicateKeys([scalar("b", at: mark(3, 1)), scalar("a", .singleQuoted, at: mark(4, 1))])) {
            try YAMLNode.parse(yaml)
        }
    }

    @Test func repeatedKeysInANestedOrFlowMapping() {
        #expect(throws: YAMLError.duplicateKeys([scalar("k", at: mark(3, 3))])) {
            try YAMLNode.parse("outer:\n  k: 1\n  k: 2\n")
        }
        #expect(throws: YAMLError.duplicateKeys([scalar("a", at: mark(1, 14))])) {
            try YAMLNode.parse("{a: 1, b: 2, a: 3}")
        }
    }

    @Test func keysWithDifferentTagsAreDifferentKeys() throws {
        #expect(try mapping("!x a: 1\na: 2\n").count == 2)
        #expect(throws: YAMLError.duplicateKeys([scalar("a", at: mark(2, 1))])) {
            try YAMLNode.parse("!!str a: 1\na: 2\n")
        }
    }

    @Test func aSecondDocumentIsAnError() {
        let expected = YAMLError.syntax(
            .composer, problem: "but found another document", mark: mark(2, 1),
            context: .init(text: "expected a single document in the stream", mark: mark(1, 1)))
        #expect(throws: expected) { try YAMLNode.parse("a: 1\n---\nb: 2\n") }
    }

    @Test func aDocumentEndMarkerAloneIsOneDocument() throws {
        #expect(try mapping("a: 1\n...\n").count == 1)
    }

    @Test func scannerError() {
        let expected = YAMLError.syntax(
            .scanner, problem: "found unexpected end of stream", mark: mark(2, 1),
            context: .init(text: "while scanning a quoted scalar", mark: mark(1, 4)))
        #expect(throws: expected) { try YAMLNode.parse("a: \"unclosed\n") }
    }

    @Test func scannerErrorWithoutContext() {
        let expected = YAMLError.syntax(.scanner, problem: "mapping values are not allowed in this context",
                                        mark: mark(3, 8), context: nil)
        #expect(throws: expected) { try YAMLNode.parse("title: A\nsummary: B\n  extra: indent\n") }
    }

    @Test func parserError() {
        let expected = YAMLError.syntax(
            .parser, problem: "did not find expected key", mark: mark(2, 1),
            context: .init(text: "while parsing a block mapping", mark: mark(1, 1)))
        #expect(throws: expected) { try YAMLNode.parse("key: x\n- a\n") }
    }

    @Test func readerErrorCarriesTheByteOffset() {
        #expect(throws: YAMLError.reader(problem: "control characters are not allowed", offset: 3, value: 1)) {
            try YAMLNode.parse("a: \u{1}\n")
        }
    }

    /// Collections nested about 1,000 deep are refused where Yams' libyaml refused them (it counts
    /// what its scanner has seen, which may run ahead of the parser).
    @Test func nestingIsLimited() {
        let nesting = "Maximum nesting level reached, set with yaml_set_max_nest_level())"
        #expect(throws: YAMLError.syntax(.parser, problem: nesting, mark: mark(1, 2979),
                                         context: .init(text: "while parsing", mark: mark(1, 2976)))) {
            try YAMLNode.parse("a: " + String(repeating: "&x [", count: 1000) + String(repeating: "]", count: 1000))
        }
        #expect(throws: YAMLError.syntax(.parser, problem: nesting, mark: mark(1, 5),
                                         context: .init(text: "while parsing", mark: mark(1, 5)))) {
            try YAMLNode.parse("a: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000))
        }
    }

    @Test func nestingJustUnderTheLimitIsRead() throws {
        var node = try #require(try YAMLNode.parse(String(repeating: "- ", count: 999) + "x"))
        var depth = 0
        while case .sequence(let items) = node.content {
            depth += 1
            node = items[0]
        }
        #expect(depth == 999)
        #expect(node == scalar("x", at: mark(1, 1999)))
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n"])
    func noDocumentIsNil(yaml: String) throws {
        #expect(try YAMLNode.parse(yaml) == nil)
    }

    @Test func nonASCIITextAndColumnsCountingScalars() throws {
        let pairs = try mapping("é: \"ü\"\nnext: ✓ done\n")
        #expect(pairs[0].key == scalar("é", at: mark(1, 1)))
        #expect(pairs[0].value == scalar("ü", .doubleQuoted, at: mark(1, 4)))
        #expect(pairs[1].value == scalar("✓ done", at: mark(2, 7)))
        // A decomposed "é" is two scalars and an emoji one: the ':' after "😀 x" is column 8.
        #expect(throws: YAMLError.syntax(.scanner, problem: "mapping values are not allowed in this context",
                                         mark: mark(1, 8), context: nil)) {
            try YAMLNode.parse("e\u{301}: 😀 x: y\n")
        }
    }
}

private func mark(_ line: Int, _ column: Int) -> YAMLMark { YAMLMark(line: line, column: column) }

private func scalar(_ text: String, _ style: YAMLNode.ScalarStyle = .plain, at mark: YAMLMark) -> YAMLNode {
    YAMLNode(.scalar(text, style), at: mark)
}

private func pair(_ key: YAMLNode, _ value: YAMLNode) -> YAMLNode.Pair { YAMLNode.Pair(key: key, value: value) }

private func mapping(_ yaml: String) throws -> [YAMLNode.Pair] {
    let root = try #require(try YAMLNode.parse(yaml))
    guard case .mapping(let pairs) = root.content else {
        Issue.record("expected a mapping, got \(root)")
        return []
    }
    return pairs
}
