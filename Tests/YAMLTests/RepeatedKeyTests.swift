import Testing
@testable import YAML

/// Repeated keys are found through an index of key fingerprints; the pairwise comparison it
/// replaced is kept here as its slow twin.
@Suite struct RepeatedKeyTests {
    /// The keys equal to an earlier key, each at its second occurrence: every pair compared.
    private func slowRepeatedKeys(_ keys: [YAMLNode]) -> [YAMLNode] {
        var repeated: [YAMLNode] = []
        for later in keys.indices.dropFirst() {
            let earlier = keys[..<later].count { stripMarks($0) == stripMarks(keys[later]) }
            if earlier == 1 { repeated.append(keys[later]) }
        }
        return repeated
    }

    private func repeatedKeys(in yaml: String) -> [YAMLNode] {
        do {
            _ = try YAMLNode.parse(yaml)
            return []
        } catch {
            if case .duplicateKeys(let keys) = error { return keys }
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func theIndexFindsWhatComparingEveryPairFinds() throws {
        var generator = SystemRandomNumberGenerator()
        let names = ["a", "b", "'a'", "\"b\"", "c", "[a, b]", "[b, a]", "{x: 1}", "{x: 2}", "[a, [b]]"]
        for _ in 0..<300 {
            let count = Int.random(in: 1...12, using: &generator)
            let keys = (0..<count).map { _ in names.randomElement(using: &generator)! }
            let yaml = keys.enumerated().map { "? \($0.element)\n: \($0.offset)\n" }.joined()
            // Parsed without duplicates' check, the keys as written: one mapping per key.
            let parsedKeys = try keys.map { key -> YAMLNode in
                guard case .mapping(let pairs) = try #require(try YAMLNode.parse("? \(key)\n: 0\n")).content else {
                    throw YAMLError.outOfMemory
                }
                return pairs[0].key
            }
            let expected = slowRepeatedKeys(parsedKeys).map { stripMarks($0) }
            #expect(repeatedKeys(in: yaml).map { stripMarks($0) } == expected, "\(yaml)")
        }
    }

    /// Aliases of aliases repeated as a key: the comparison must not walk the 9^12 nodes they stand for.
    @Test func aliasesOfAliasesAsRepeatedValuesStayCheap() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "? *a12\n: 1\n? *a12\n: 2\n"
        #expect(repeatedKeys(in: yaml).count == 1)
    }

    @Test func collectionKeysAreComparedByValue() {
        #expect(repeatedKeys(in: "? [a, b]\n: 0\n? [a, b]\n: 1\n? [b, a]\n: 2\n").count == 1)
    }

    @Test func manyKeysWrittenManyTimesAreEachReportedOnce() {
        let yaml = (0..<3000).map { "k\($0 % 1000): \($0)\n" }.joined()
        let repeated = repeatedKeys(in: yaml)
        #expect(repeated.count == 1000)
        #expect(repeated.first?.mark.line == 1001)
    }

    private func stripMarks(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _): return text
        case .sequence(let items): return "[" + items.map(stripMarks).joined(separator: ",") + "]"
        case .mapping(let pairs): return "{" + pairs.map { stripMarks($0.key) + ":" + stripMarks($0.value) }.joined(separator: ",") + "}"
        }
    }
}
