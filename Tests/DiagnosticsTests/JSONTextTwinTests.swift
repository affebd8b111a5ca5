import Foundation
import Testing
@testable import Diagnostics

/// The one-pass JSON writer against Foundation's JSONSerialization (pretty, sorted keys, slashes
/// unescaped), which wrote reports before, on random values.
@Suite struct JSONTextTwinTests {
    /// The keys reports use; keys are sorted by their bytes (Foundation on Linux sorts others, such as
    /// mixed case, by its locale's rules).
    private static let keys = ["code", "column", "file", "line", "message", "severity", "errors", "warnings", "diagnostics",
                               "$schema", "version", "runs", "tool", "driver", "name", "informationUri", "rules", "results",
                               "id", "helpUri", "shortDescription", "text", "ruleId", "ruleIndex", "level", "locations",
                               "physicalLocation", "artifactLocation", "uri", "uriBaseId", "region", "startLine", "startColumn"]
    private static let strings = ["", "a", "é—😀", "quote \" back \\ slash /", "line\nbreak\ttab\r", "\u{1}\u{1F}", "</script>", "%SRCROOT%"]

    private static func random(depth: Int, using generator: inout some RandomNumberGenerator) -> (JSONText, Any) {
        switch depth > 2 ? Int.random(in: 0...1, using: &generator) : Int.random(in: 0...3, using: &generator) {
        case 0:
            let text = strings.randomElement(using: &generator)!
            return (.string(text), text)
        case 1:
            let number = Int.random(in: -5...100_000, using: &generator)
            return (.int(number), number)
        case 2:
            let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) }
            return (.array(items.map(\.0)), items.map(\.1))
        default:
            var text: [String: JSONText] = [:]
            var foundation: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let key = keys.randomElement(using: &generator)!
                let (value, any) = random(depth: depth + 1, using: &generator)
                text[key] = value
                foundation[key] = any
            }
            return (.object(text), foundation)
        }
    }

    @Test func writesWhatJSONSerializationWrites() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var (value, any) = Self.random(depth: 0, using: &generator)
            if case .object = value {} else { (value, any) = (.array([value]), [any]) }
            let expected = try JSONSerialization.data(withJSONObject: any, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            #expect(value.pretty() == String(decoding: expected, as: UTF8.self))
        }
    }
}
