import Foundation

/// The front-matter keys the README documents, read from its "Writing content" tables and the prose
/// that lists nested keys (`dosage`, a program's phases, review records), so a key documented later is
/// expected to be covered by the incremental-build mutations without editing the test.
struct ReadmeKeys: Sendable {
    struct Key: Sendable, Hashable {
        var name: String
        var type: String
        /// Nil when the README does not say.
        var required: Bool?
    }

    /// Folder under `Content/` (`conditions`…), `site` for `site.yml`, `*` for keys every page may have.
    var topLevel: [String: [Key]] = [:]
    /// `dosage`, `phases` and `review` → their keys.
    var nested: [String: [Key]] = [:]

    static let readme = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    static func load() throws -> ReadmeKeys {
        try ReadmeKeys(String(contentsOf: readme, encoding: .utf8))
    }

    init(_ text: String) {
        var section: String?
        var requiredColumn: Int?
        var inYAML = false
        var paragraph = ""
        func flushParagraph() {
            defer { paragraph = "" }
            if section == "exercises", paragraph.hasPrefix("`dosage` keys") {
                let list = paragraph.drop { $0 != ":" }
                nested["dosage"] = Self.backticked(String(list)).map { Key(name: $0.name, type: "range", required: false) }
            } else if section == "programs", paragraph.hasPrefix("A phase:") {
                nested["phases"] = Self.backticked(String(paragraph.dropFirst("A phase:".count))).map {
                    Key(name: $0.name, type: $0.type, required: $0.type.contains("required"))
                }
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inYAML = !inYAML && line.hasPrefix("```yaml")
                continue
            }
            if inYAML {
                if section == "review", line.hasPrefix(" "), let key = Self.yamlKey(line) {
                    let optional = line.contains("# optional")
                    if !(nested["review", default: []].contains { $0.name == key }) {
                        nested["review", default: []].append(Key(name: key, type: "review", required: optional ? false : nil))
                    }
                }
                continue
            }
            if line.hasPrefix("#") {
                flushParagraph()
                requiredColumn = nil
                section = nil
                if line.contains("`Content/site.yml`") {
                    section = "site"
                } else if line.contains("Keys every page may have") {
                    section = "*"
                } else if line.contains("Review records") {
                    section = "review"
                } else if let range = line.range(of: "`Content/"), line.contains("/<slug>.md`") || line.contains("/<path>.md`") {
                    section = String(line[range.upperBound...].prefix { $0 != "/" })
                }
                continue
            }
            guard let current = section else { continue }
            if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.first == "key" {
                    requiredColumn = cells.firstIndex(of: "required")
                } else if let first = cells.first, first.hasPrefix("`"), cells.count >= 2 {
                    let required = requiredColumn.map { $0 < cells.count && cells[$0].hasPrefix("yes") } ?? false
                    topLevel[current, default: []].append(Key(name: first.trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                                                              type: cells[1], required: required))
                }
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flushParagraph() } else { paragraph += (paragraph.isEmpty ? "" : " ") + line }
        }
        flushParagraph()
    }

    /// Backticked key names in `text`, each with the first parenthesised note after it (its type).
    private static func backticked(_ text: String) -> [(name: String, type: String)] {
        var result: [(String, String)] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "`") else { break }
            let name = String(after[..<close])
            rest = after[after.index(after: close)...]
            guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLowercase || $0 == "-" }) else { continue }
            var type = ""
            if let paren = rest.firstIndex(of: "("), let end = rest[paren...].firstIndex(of: ")") {
                type = String(rest[rest.index(after: paren)..<end])
            }
            result.append((name, type))
        }
        return result
    }

    private static func yamlKey(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        let name = trimmed.prefix { $0.isLetter || $0 == "-" }
        guard !name.isEmpty, trimmed.dropFirst(name.count).hasPrefix(":") else { return nil }
        return String(name)
    }

    /// Keys of a page folder: its own table and the keys every page may have.
    func keys(of folder: String) -> [Key] {
        topLevel[folder, default: []] + (MutationCatalog.pageFolders.contains(folder) ? topLevel["*", default: []] : [])
    }

    /// Every key path the README documents for `folder`: `title`, `review.date`, `phases[].minutes`…
    func documentedPaths(of folder: String) -> Set<String> {
        var paths = Set<String>()
        for key in keys(of: folder) {
            paths.insert(key.name)
            switch key.name {
            case "review": paths.formUnion(nested["review", default: []].map { "review.\($0.name)" })
            case "dosage": paths.formUnion(nested["dosage", default: []].map { "dosage.\($0.name)" })
            case "phases": paths.formUnion(nested["phases", default: []].map { "phases[].\($0.name)" })
            default: break
            }
        }
        return paths
    }
}
