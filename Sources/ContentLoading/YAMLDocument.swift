import ContentModel
import Diagnostics
import YAML

/// Parses YAML, keeping positions, and turns syntax errors into positioned diagnostics.
enum YAMLDocument {
    /// - Parameter firstLine: the file line the YAML text starts on; the YAML's marks are shifted by it once.
    static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        do {
            return .success(try YAMLNode.parse(yaml))
        } catch {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine, yaml: yaml))
        }
    }

    private static func diagnostic(for error: YAMLError, file: String, firstLine: Int, yaml: String) -> Diagnostic {
        func at(_ mark: YAMLMark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .syntax(_, problem, mark, context):
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            message += hint(for: problem, at: mark, in: yaml)
            return .error(.yamlSyntax, message, at: at(mark))
        case let .duplicateKeys(keys):
            // The first in sorted order, at its second occurrence. A list or mapping used as a key
            // keeps the placeholder name, spelling included, it has always been reported with.
            let named = keys.map { (name: $0.scalarText ?? "<uncovertable>", mark: $0.mark) }
            guard let first = named.min(by: { $0.name < $1.name }) else {  // the parser lists at least one
                return .error(.yamlSyntax, "a field appears twice; keep one", at: SourceLocation(file: file, line: firstLine, column: 1))
            }
            return .error(.yamlSyntax, "the field '\(first.name)' appears twice; keep one", at: at(first.mark))
        case let .reader(problem, _, _):
            return .error(.yamlSyntax, "malformed YAML: \(problem)", at: SourceLocation(file: file, line: firstLine, column: 1))
        case .outOfMemory:
            return .error(.yamlSyntax, "malformed YAML: Memory error", at: SourceLocation(file: file, line: firstLine, column: 1))
        }
    }

    /// Plain advice for the YAML mistakes writers make most, from what is written where the parser stopped.
    private static func hint(for problem: String, at mark: YAMLMark, in yaml: String) -> String {
        let lines = yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let line = mark.line >= 1 && mark.line <= lines.count ? Substring(lines[mark.line - 1]) : ""
        let character = line.unicodeScalars.dropFirst(max(mark.column - 1, 0)).first
        if character == "\t" || (problem.contains("tab") && line.contains("\t")) {
            return "; YAML indents with spaces, not tabs: replace the tab with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            // A line whose only ': ' follows its key is not a value with a colon in it: it is indented
            // deeper than the key above it.
            let content = line.drop { $0 == " " }
            let colons = content.ranges(of: ": ").count + (content.hasSuffix(":") ? 1 : 0)
            if colons <= 1 && content.count < line.count {
                return "; this line is indented more than the key above it: line keys up with the ones they belong beside"
            }
            return "; if a value contains ': ', put the whole value in quotes"
        }
        if problem.contains("found character that cannot start any token") {
            return "; values that start with '@', '`' or '%' must be quoted"
        }
        return ""
    }
}

/// Reads typed fields from a YAML mapping, reporting missing, mistyped and unknown keys at their
/// line and column. Every read marks its key as known; ``finish()`` reports the rest.
struct FieldReader {
    let file: String
    /// Added to the YAML's 1-based lines: the file line of the YAML's first line, minus one.
    let lineShift: Int
    /// Where "missing field" diagnostics point: the mapping itself (or the file's first line).
    let location: SourceLocation
    /// The mapping's keys as text, and beside them (same index) its pairs: kept apart so that finding
    /// a key compares strings without copying nodes.
    private let keys: [String]
    private let pairs: [YAMLNode.Pair]
    private var knownKeys: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The YAML's lines, to find where a citation inside a value is written.
    private var sourceLines: [Substring]

    /// - Parameters:
    ///   - mapping: the mapping's pairs.
    ///   - mark: where the mapping starts; nil when there is none (empty front matter): `location` stands in.
    init(mapping: [YAMLNode.Pair], at mark: YAMLMark?, file: String, lineShift: Int, location: SourceLocation,
         source: String = "") {
        self.file = file
        self.lineShift = lineShift
        // Split on bytes: splitting a String on a Character walks grapheme clusters, on every page.
        self.sourceLines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        self.location = mark.map { SourceLocation(file: file, line: $0.line + lineShift, column: $0.column) } ?? location
        self.keys = mapping.map { $0.key.scalarText ?? "" }
        self.pairs = mapping
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line + lineShift, column: node.mark.column)
    }

    private mutating func value(_ key: String, required: Bool) -> YAMLNode? {
        knownKeys.append(key)
        guard let index = keys.firstIndex(of: key) else {
            if required { report(.missingField, "missing required field '\(key)'", at: location) }
            return nil
        }
        guard !isNull(pairs[index].value) else {
            // Written but left empty: point at the key the writer has to fill in.
            if required { report(.missingField, "field '\(key)' is empty", at: location(of: pairs[index].key)) }
            return nil
        }
        return pairs[index].value
    }

    /// YAML's null: an empty value, `~` or `null`, unquoted.
    private func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, .plain) = node.content else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, code, message, at: location))
    }

    private mutating func wrongType(_ key: String, _ expected: String, _ node: YAMLNode) {
        report(.wrongType, "field '\(key)' should be \(expected)", at: location(of: node))
    }

    // MARK: Scalars

    mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let raw, _) = node.content else {
            wrongType(key, "a single piece of text", node)
            return nil
        }
        let text = raw.trimmingWhitespace
        if text.isEmpty {
            if required { report(.missingField, "field '\(key)' is empty", at: location(of: node)) }
            return nil
        }
        return Located(text, at: location(of: node))
    }

    mutating func text(_ key: String, required: Bool = false) -> InlineText? {
        string(key, required: required).map(inlineText)
    }

    /// A text whose citations are located at their `@`, found in the source from the value's start on.
    private func inlineText(_ value: Located<String>) -> InlineText {
        InlineText(value.value, at: value.location) { needle in
            guard let startLine = value.location.line, let startColumn = value.location.column else { return nil }
            var yamlLine = startLine - lineShift - 1
            var fromScalar = startColumn - 1
            // Matched over UTF-8 bytes (the needle starts with "@", so a match starts a scalar); the
            // column counts scalars, as every position does.
            let target = Array(needle.utf8)
            while yamlLine >= 0, yamlLine < sourceLines.count, yamlLine < startLine - lineShift - 1 + 50 {
                let bytes = Array(sourceLines[yamlLine].utf8)
                var scalar = 0  // scalars before `index`
                for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
                    if scalar >= fromScalar, index + target.count <= bytes.count,
                       bytes[index..<(index + target.count)].elementsEqual(target) {
                        return SourceLocation(file: file, line: yamlLine + lineShift + 1, column: scalar + 1)
                    }
                    scalar += 1
                }
                yamlLine += 1
                fromScalar = 0
            }
            return nil
        }
    }

    mutating func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = value(key, required: false) else { return defaultValue }
        guard case .scalar(let text, .plain) = node.content, let bool = Self.bool(text) else {
            wrongType(key, "true or false", node)
            return defaultValue
        }
        return bool
    }

    /// YAML 1.2 core booleans, and the YAML 1.1 yes/no/on/off that writers also use.
    private static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key, required: false) else { return nil }
        guard case .scalar(let text, .plain) = node.content, let int = Int(text), range.contains(int) else {
            wrongType(key, "a whole number from \(range.lowerBound) to \(range.upperBound)", node)
            return nil
        }
        return int
    }

    mutating func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let raw = string(key, required: required) else { return nil }
        guard let day = Day(iso: raw.value) else {
            if let problem = Day.problem(withISO: raw.value) {
                report(.invalidValue, "field '\(key)' is not a real date: \(problem); found '\(raw.value)'", at: raw.location)
                return nil
            }
            report(.invalidValue, "field '\(key)' should be a date written YYYY-MM-DD, such as 2026-01-31; found '\(raw.value)'",
                   at: raw.location)
            return nil
        }
        return Located(day, at: raw.location)
    }

    mutating func quantity(_ key: String, required: Bool = false) -> Quantity? {
        guard let raw = string(key, required: required) else { return nil }
        guard let quantity = Quantity(parsing: raw.value) else {
            report(.invalidValue, "field '\(key)' should be a whole number or a range such as 10-15 or 30+; found '\(raw.value)'",
                   at: raw.location)
            return nil
        }
        return quantity
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as type: E.Type = E.self)
        -> E? where E.RawValue == String {
        guard let raw = string(key, required: required) else { return nil }
        if let value = E(rawValue: raw.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        report(.invalidValue,
               "'\(raw.value)' is not a valid \(key)\(didYouMean(raw.value, in: allowed)); use one of: \(allowed.joined(separator: ", "))",
               at: raw.location)
        return nil
    }

    mutating func slug(_ key: String, required: Bool = false) -> Located<Slug>? {
        guard let raw = string(key, required: required) else { return nil }
        return makeSlug(raw)
    }

    // MARK: Lists

    /// A list of text; a single text is accepted as a one-item list.
    mutating func strings(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = value(key, required: required) else { return [] }
        let items: [YAMLNode]
        switch node.content {
        case .sequence(let sequence): items = sequence
        case .scalar: items = [node]
        default:
            wrongType(key, "a list", node)
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let raw, _) = item.content else {
                wrongType(key, "a list of text items", item)
                continue
            }
            let text = raw.trimmingWhitespace
            if !text.isEmpty { result.append(Located(text, at: location(of: item))) }
        }
        if required && result.isEmpty { report(.missingField, "field '\(key)' needs at least one item", at: location(of: node)) }
        return result
    }

    mutating func texts(_ key: String, required: Bool = false) -> [InlineText] {
        strings(key, required: required).map(inlineText)
    }

    mutating func slugs(_ key: String, required: Bool = false) -> [Located<Slug>] {
        var slugs: [Located<Slug>] = []
        for raw in strings(key, required: required) {
            if let slug = makeSlug(raw) { slugs.append(slug) }
        }
        return slugs
    }

    /// Citation keys, written with or without the leading `@`.
    mutating func citationKeys(_ key: String, required: Bool = false) -> [Located<CitationKey>] {
        var keys: [Located<CitationKey>] = []
        for raw in strings(key, required: required) {
            let text = raw.value.hasPrefix("@") ? String(raw.value.dropFirst()) : raw.value
            if let citationKey = CitationKey(text) {
                keys.append(Located(citationKey, at: raw.location))
            } else {
                report(.invalidValue, "'\(raw.value)' is not a valid citation key", at: raw.location)
            }
        }
        return keys
    }

    private mutating func makeSlug(_ raw: Located<String>) -> Located<Slug>? {
        guard let slug = Slug(raw.value) else {
            report(.invalidSlug,
                   "'\(raw.value)' is not a valid id; ids use lowercase letters, digits and single hyphens, like 'glute-bridge'",
                   at: raw.location)
            return nil
        }
        return Located(slug, at: raw.location)
    }

    // MARK: Nested mappings

    /// The raw node of a key, for fields with more than one accepted shape.
    mutating func node(_ key: String, required: Bool = false) -> YAMLNode? {
        value(key, required: required)
    }

    mutating func nested(_ key: String, required: Bool = false) -> FieldReader? {
        guard let node = value(key, required: required) else { return nil }
        return nested(node, key: key)
    }

    mutating func nested(_ node: YAMLNode, key: String) -> FieldReader? {
        guard case .mapping(let mapping) = node.content else {
            wrongType(key, "a set of 'key: value' fields", node)
            return nil
        }
        var reader = FieldReader(mapping: mapping, at: node.mark, file: file, lineShift: lineShift, location: location(of: node))
        reader.sourceLines = sourceLines  // nested readers search the same source
        return reader
    }

    mutating func nestedList(_ key: String, required: Bool = false) -> [FieldReader] {
        guard let node = value(key, required: required) else { return [] }
        guard case .sequence(let sequence) = node.content else {
            wrongType(key, "a list", node)
            return []
        }
        return sequence.compactMap { nested($0, key: key) }
    }

    /// Reports keys nobody asked for (a warning, with a did-you-mean) and returns every finding.
    mutating func finish() -> [Diagnostic] {
        for (index, key) in keys.enumerated() where !knownKeys.contains(key) {
            report(.unknownField, "unknown field '\(key)'\(didYouMean(key, in: knownKeys))",
                   at: location(of: pairs[index].key), severity: .warning)
        }
        return diagnostics
    }

    /// Takes a nested reader's findings once it has been read.
    mutating func absorb(_ other: inout FieldReader) {
        diagnostics += other.finish()
    }
}
