import ContentModel
import Foundation

/// One change to the fixture site's files, as the preview's watcher would see it.
enum FileChange: Sendable {
    case write(String, String)
    case delete(String)
    case rename(String, String)

    /// Paths (relative to the project) the watcher reports for this change.
    var paths: [String] {
        switch self {
        case .write(let path, _), .delete(let path): [path]
        case .rename(let from, let to): [from, to]
        }
    }
}

/// An edit of the fixture site, in one or more saves; the runner reverts it afterwards.
struct Mutation: Sendable, CustomStringConvertible {
    var name: String
    /// The file (or group) the mutation belongs to; mutations of one lane run one after another.
    var lane: String
    /// `conditions`, `articles`, `exercises`, `programs`, `experts`, `site`, `references`, `sources`, `retractions`.
    var kind: String
    /// The key paths it changes (`review.date`, `phases[].minutes`), for the coverage check.
    var keys: [String]
    var steps: [[FileChange]]
    /// True when the site must still build, false when it must not, nil when either is fine (both
    /// outcomes are checked: a failed rebuild must leave the last good site).
    var expectValid: Bool?

    var description: String { name }
}

/// The mutations, generated from the fixture's files and the README's key tables.
enum MutationCatalog {
    /// Every kind of page, from the content model: a new kind is expected to have mutations too.
    static let pageFolders = ContentKind.allCases.map(\.folder)

    /// The fixture's input files (`Content/…`, `seeds/…`) by path relative to the project, as text.
    static let base: [String: String] = {
        var files: [String: String] = [:]
        for folder in ["Content", "seeds"] {
            let tree = (try? FileTree.read(Fixtures.validSite.appendingPathComponent(folder))) ?? [:]
            for (path, data) in tree { files["\(folder)/\(path)"] = String(decoding: data, as: UTF8.self) }
        }
        return files
    }()

    static let readme: ReadmeKeys? = try? ReadmeKeys.load()

    static let all: [Mutation] = readme.map { Generator(files: base, readme: $0).generate() } ?? []

    static let lanes: [String] = Array(Set(all.map(\.lane))).sorted()
}

/// Builds the list of mutations from the files.
struct Generator {
    let files: [String: String]
    let readme: ReadmeKeys
    let slugs: [String: [String]]
    let citationKeys: [String]
    let contentFiles: [String]
    let drafts: Set<String>

    init(files: [String: String], readme: ReadmeKeys) {
        self.files = files
        self.readme = readme
        var slugs: [String: [String]] = [:]
        var drafts = Set<String>()
        for path in files.keys.sorted() where path.hasPrefix("Content/") && path.hasSuffix(".md") {
            let parts = path.split(separator: "/")
            // Where sub-folders are part of the id (plain pages), the id is the path below the kind's folder.
            let nested = ContentKind(folder: String(parts[1]))?.descriptor.nestedIDs == true
            slugs[String(parts[1]), default: []].append(String((nested ? parts[2...].joined(separator: "/") : String(parts.last!)).dropLast(3)))
            if files[path]!.contains("\ndraft: true") { drafts.insert(path) }
        }
        self.slugs = slugs
        self.drafts = drafts
        contentFiles = files.keys.filter { $0.hasPrefix("Content/") && $0.hasSuffix(".md") }.map { String($0.dropFirst(8)) }.sorted()
        let json = files["seeds/references.json"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
        citationKeys = ((json as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    func generate() -> [Mutation] {
        var result: [Mutation] = []
        for path in files.keys.sorted() {
            let parts = path.split(separator: "/").map(String.init)
            if path.hasPrefix("Content/"), path.hasSuffix(".md"), parts.count >= 3 {
                result += page(path, kind: parts[1])
            } else if path == "Content/site.yml" {
                result += yamlFile(path, kind: "site", frontMatter: false)
            } else if path.hasPrefix("seeds/sources/"), path.hasSuffix(".yml") {
                result += yamlFile(path, kind: "sources", frontMatter: false)
                result.append(Mutation(name: "\(path): deleted", lane: path, kind: "sources", keys: ["(delete)"],
                                       steps: [[.delete(path)]], expectValid: nil))
            } else if path == "seeds/references.json" {
                result += references(path)
            } else if path.hasPrefix("Content/brand/") {
                // A file site.yml names (custom-css, head-html, body-end-html): it reaches every page.
                result.append(Mutation(name: "\(path): edited", lane: path, kind: "site", keys: ["(site file)"],
                                       steps: [[.write(path, files[path]! + "/* edited */\n")]], expectValid: true))
            }
        }
        for kind in MutationCatalog.pageFolders { result += newPages(kind) }
        result += sequences(result)
        if let source = files.keys.sorted().first(where: { $0.hasPrefix("seeds/sources/") }), let key = citationKeys.last {
            let text = files[source]!.replacingOccurrences(of: "reference: ", with: "reference: \(key)\nold-reference: ")
                .split(separator: "\n").filter { !$0.hasPrefix("old-reference:") }.joined(separator: "\n") + "\n"
            result.append(Mutation(name: "seeds/sources/\(key).yml: added", lane: "seeds/sources/ (new)", kind: "sources",
                                   keys: ["(add)"], steps: [[.write("seeds/sources/\(key).yml", text)]], expectValid: nil))
        }
        result.append(Mutation(name: "seeds/retractions.csv: added, retracting nothing cited", lane: "seeds/retractions.csv",
                               kind: "retractions", keys: ["(add)"],
                               steps: [[.write("seeds/retractions.csv", "DOI\n10.9999/not-cited.1\n")]], expectValid: true))
        let cited = files["seeds/references.json"].flatMap { text in text.range(of: "\"DOI\": \"").map { text[$0.upperBound...].prefix { $0 != "\"" } } }
        if let cited {
            result.append(Mutation(name: "seeds/retractions.csv: added, retracting a cited paper", lane: "seeds/retractions.csv",
                                   kind: "retractions", keys: ["(add)"],
                                   steps: [[.write("seeds/retractions.csv", "DOI\n\(cited)\n")]], expectValid: false))
        }
        return result
    }

    /// Saves in a row, built from the single-save mutations: two changes of one page, one save
    /// touching pages of two kinds (a burst the watcher delivers at once), and a change that breaks a
    /// page followed by another that fixes it differently (the rebuild after errors).
    private func sequences(_ single: [Mutation]) -> [Mutation] {
        func write(_ mutation: Mutation) -> (path: String, text: String)? {
            guard mutation.steps.count == 1, mutation.steps[0].count == 1, case .write(let path, let text) = mutation.steps[0][0] else { return nil }
            return (path, text)
        }
        var result: [Mutation] = []
        let pages = Dictionary(grouping: single.filter { $0.lane.hasPrefix("Content/") && $0.lane.hasSuffix(".md") }, by: \.lane)
        for (index, kind) in MutationCatalog.pageFolders.enumerated() {
            let lane = "Content/\(kind)/ (saves in a row)"
            for path in pages.keys.sorted() where path.hasPrefix("Content/\(kind)/") {
                let mutations = pages[path]!
                let valid = mutations.filter { $0.expectValid == true && write($0) != nil }
                if valid.count >= 2, let first = write(valid[0]), let second = write(valid.last!) {
                    result.append(Mutation(name: "\(path): two saves: \(valid[0].name.dropFirst(path.count + 2)), then \(valid.last!.name.dropFirst(path.count + 2))",
                                           lane: lane, kind: kind, keys: ["(sequence)"],
                                           steps: [[.write(first.path, first.text)], [.write(second.path, second.text)]], expectValid: true))
                }
                if let broken = mutations.first(where: { $0.expectValid == false && write($0) != nil }).flatMap(write),
                   let fixed = valid.first.flatMap(write) {
                    result.append(Mutation(name: "\(path): a save with errors, then \(valid[0].name.dropFirst(path.count + 2))",
                                           lane: lane, kind: kind, keys: ["(sequence)"],
                                           steps: [[.write(broken.path, broken.text)], [.write(fixed.path, fixed.text)]], expectValid: nil))
                }
            }
            // One burst across two kinds: this kind's first page and the next kind's first page.
            let next = MutationCatalog.pageFolders[(index + 1) % MutationCatalog.pageFolders.count]
            let firstOf = { (folder: String) in pages.keys.sorted().first { $0.hasPrefix("Content/\(folder)/") }.flatMap { path in
                pages[path]!.first { $0.expectValid == true && $0.keys != ["(body)"] && write($0) != nil } } }
            if let a = firstOf(kind), let b = firstOf(next), let left = write(a), let right = write(b) {
                result.append(Mutation(name: "one burst: \(a.name) + \(b.name)", lane: lane, kind: kind, keys: ["(sequence)"],
                                       steps: [[.write(left.path, left.text), .write(right.path, right.text)]], expectValid: true))
            }
        }
        return result
    }

    // MARK: Values

    private static let enumerations: [[String]] = [
        ReviewRole.allCases.map(\.rawValue), ExpertRole.allCases.map(\.rawValue),
        ExerciseKind.allCases.map(\.rawValue), Difficulty.allCases.map(\.rawValue),
        MenuName.allCases.map(\.rawValue), PlainPageType.allCases.map(\.rawValue),
    ]

    /// Another valid value of the same type as `text`, the value of `key`.
    /// - Parameter citable: the README says the field takes citations, or the fixture's value has one.
    private func alternatives(key: String, text: String, citable: Bool = false) -> [(label: String, value: String, valid: Bool?)] {
        if key == "status" || key == "review" { return [] }   // pending ↔ reviewed is switched on the whole record
        if key.hasSuffix("-color") {
            return [("\(text) → a darker colour", "'#14532d'", true), ("\(text) → a pale colour", "'#9ad0b0'", false)]
        }
        if ["custom-css", "head-html", "body-end-html"].contains(key) {
            // Another file of the fixture's brand folder, and one that does not exist.
            let other = text == "brand/head.html" ? "brand/body-end.html" : "brand/head.html"
            return [("\(text) → \(other)", other, true), ("\(text) → a missing file", "brand/missing.html", false)]
        }
        if key == "src" {
            // A picture's path: the fixture's other picture, and one that does not exist (missing-media).
            let other = text.hasSuffix("knee.svg") ? text.replacingOccurrences(of: "knee.svg", with: "towel.svg")
                : text.replacingOccurrences(of: "towel.svg", with: "knee.svg")
            let missing = String(text.prefix { $0 != "m" }) + "media/missing.svg"
            return [("\(text) → \(other)", other, true), ("\(text) → a missing file", missing, false)]
        }
        if text == "true" { return [("true → false", "false", true)] }
        if text == "false" { return [("false → true", "true", true)] }
        if let day = Day(iso: text) {
            let earlier = Self.daysEarlier(day, 7).iso
            return [("\(text) → \(earlier)", earlier, true)]
        }
        if let range = Self.nextRange(text) { return [("\(text) → \(range)", range, true)] }
        for values in Self.enumerations where values.contains(text) {
            let next = values[(values.firstIndex(of: text)! + 1) % values.count]
            return [("\(text) → \(next)", next, true)]
        }
        for (_, slugs) in slugs where slugs.contains(text) && slugs.count > 1 {
            let other = slugs.first { $0 != text }!
            return [("\(text) → \(other)", other, nil)]
        }
        if citationKeys.contains(text), let other = citationKeys.first(where: { $0 != text }) {
            return [("\(text) → \(other)", other, nil)]
        }
        if text.hasPrefix("https://") || text.hasPrefix("http://") {
            let other = text + (text.hasSuffix("/") ? "v2/" : "/v2")
            return [("\(text) → \(other)", other, true)]
        }
        if key == "language" {
            let other = text.contains("-") ? String(text.prefix { $0 != "-" }) + "-US" : text + "-GB"
            return [("\(text) → \(other)", other, true)]
        }
        var result: [(String, String, Bool?)] = [("text + word", Self.appending(" more", to: text), true)]
        if citable {
            let cite = citationKeys.first { !text.contains("@\($0)") } ?? citationKeys.first ?? "x"
            result.append(("text + citation", Self.appending(" [@\(cite)]", to: text), true))
        }
        return result
    }

    private static func appending(_ suffix: String, to text: String) -> String {
        if let quote = text.first, quote == "'" || quote == "\"", text.count > 1, text.last == quote {
            return String(text.dropLast()) + suffix + String(quote)
        }
        return text + suffix
    }

    private static func daysEarlier(_ day: Day, _ count: Int) -> Day {
        if day.day > count { return Day(year: day.year, month: day.month, day: day.day - count)! }
        let month = day.month == 1 ? 12 : day.month - 1
        let year = day.month == 1 ? day.year - 1 : day.year
        return Day(year: year, month: month, day: min(28, day.day + 28 - count))!
    }

    /// `10` → `11`, `2-3` → `2-4`, `3+` → `4+`.
    private static func nextRange(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) { return "\(low)-\(high + 1)" }
        if text.hasSuffix("+"), let low = Int(text.dropLast()) { return "\(low + 1)+" }
        if let value = Int(text), !text.isEmpty { return "\(value + 1)" }
        return nil
    }

    /// Changed lists: an item dropped, added, edited or moved, keeping items of the same kind.
    private func listAlternatives(_ items: [String]) -> [(label: String, items: [String], valid: Bool?)] {
        var universe: [String]?
        for (_, slugs) in slugs.sorted(by: { $0.key < $1.key }) where !items.isEmpty && items.allSatisfy(slugs.contains) { universe = slugs }
        if !items.isEmpty, items.allSatisfy(citationKeys.contains) { universe = citationKeys }
        if !items.isEmpty, items.allSatisfy(contentFiles.contains) { universe = contentFiles }
        for values in Self.enumerations where !items.isEmpty && items.allSatisfy(values.contains) { universe = values }
        var result: [(String, [String], Bool?)] = []
        if items.count > 1 {
            result.append(("last item dropped", Array(items.dropLast()), true))
            result.append(("first two items swapped", [items[1], items[0]] + items.dropFirst(2), true))
        }
        if let universe {
            if let extra = universe.first(where: { !items.contains($0) }) { result.append(("\(extra) added", items + [extra], true)) }
        } else {
            if let first = items.first { result.append(("first item edited", [Self.appending(" more", to: first)] + items.dropFirst(), true)) }
            result.append(("item added", items + ["Added item"], true))
        }
        return result
    }

    // MARK: Front matter

    private struct Context {
        let path: String
        let kind: String
        let yaml: YAMLLines
        var result: [Mutation] = []

        mutating func add(_ label: String, keys: [String], text: String, valid: Bool?) {
            result.append(Mutation(name: "\(path): \(label)", lane: path, kind: kind, keys: keys,
                                   steps: [[.write(path, text)]], expectValid: valid))
        }
    }

    private func page(_ path: String, kind: String) -> [Mutation] {
        let text = files[path]!
        var context = Context(path: path, kind: kind, yaml: YAMLLines(text, frontMatter: true))
        frontMatter(&context)
        body(&context, text: text)
        let slug = String(path.split(separator: "/").last!.dropLast(3))
        let renamed = path.replacingOccurrences(of: "/\(slug).md", with: "/\(slug)-renamed.md")
        context.result.append(Mutation(name: "\(path): deleted", lane: path, kind: kind, keys: ["(delete)"],
                                       steps: [[.delete(path)]], expectValid: nil))
        context.result.append(Mutation(name: "\(path): renamed to \(renamed)", lane: path, kind: kind, keys: ["(rename)"],
                                       steps: [[.rename(path, renamed)]], expectValid: nil))
        return context.result
    }

    private func yamlFile(_ path: String, kind: String, frontMatter isPage: Bool) -> [Mutation] {
        var context = Context(path: path, kind: kind, yaml: YAMLLines(files[path]!, frontMatter: isPage))
        frontMatter(&context)
        context.add("comment added", keys: ["(comment)"], text: "# A comment.\n" + files[path]!, valid: true)
        return context.result
    }

    private func frontMatter(_ context: inout Context) {
        let yaml = context.yaml
        let documented = readme.keys(of: context.kind)
        for entry in yaml.root {
            let key = documented.first { $0.name == entry.key }
            entryMutations(&context, entry, path: entry.key)
            if entry.key == "review" { reviewSwitches(&context, entry) }
            context.add("\(entry.key) removed", keys: [entry.key], text: yaml.replacing(entry.lines, with: []),
                        valid: key.map { !($0.required ?? true) })
        }
        // Documented keys this file does not have: add them.
        let present = Set(yaml.root.map(\.key))
        for key in documented where !present.contains(key.name) {
            for sample in samples(for: key, kind: context.kind) {
                context.add("\(key.name) added: \(sample.joined(separator: " / "))", keys: sampleKeys(key.name, sample),
                            text: yaml.replacing(yaml.span.upperBound..<yaml.span.upperBound, with: sample), valid: true)
            }
        }
    }

    /// The key paths a sample of `key` writes (`review`, `review.status`…).
    private func sampleKeys(_ key: String, _ lines: [String]) -> [String] {
        [key] + lines.dropFirst().compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            let name = trimmed.prefix { $0.isLetter || $0 == "-" }
            guard !name.isEmpty, trimmed.dropFirst(name.count).hasPrefix(":") else { return nil }
            return key == "review" || key == "dosage" ? "\(key).\(name)" : "\(key)[].\(name)"
        }
    }

    private func reviewSwitches(_ context: inout Context, _ entry: YAMLLines.Entry) {
        let reviewed: Bool
        switch entry.node {
        case .map(let entries): reviewed = entries.contains { $0.key == "reviewer" }
        default: reviewed = false
        }
        let samples = samples(for: ReadmeKeys.Key(name: "review", type: "review record", required: nil), kind: context.kind)
        for sample in samples {
            let isReviewed = sample.joined().contains("reviewer:")
            guard isReviewed != reviewed || (sample.count > 1 && !isReviewed) else { continue }
            context.add("review switched to \(sample.joined(separator: " / "))", keys: sampleKeys("review", sample),
                        text: context.yaml.replacing(entry.lines, with: sample), valid: true)
        }
    }

    private func entryMutations(_ context: inout Context, _ entry: YAMLLines.Entry, path: String) {
        let yaml = context.yaml
        switch entry.node {
        case .scalar(let line, let column, let text):
            let documented = readme.keys(of: context.kind).first { $0.name == entry.key }
            let citable = text.contains("[@") || (path == entry.key && documented?.type.contains("citations allowed") == true)
            for alternative in alternatives(key: entry.key, text: text, citable: citable) {
                context.add("\(path) \(alternative.label)", keys: [path],
                            text: yaml.replacingLine(line, with: String(yaml.lines[line].prefix(column)) + alternative.value),
                            valid: alternative.valid)
            }
        case .block(_, let lines):
            guard let last = lines.last else { return }
            context.add("\(path) (folded) text + word", keys: [path], text: yaml.replacingLine(last, with: yaml.lines[last] + " more"), valid: true)
        case .flow(let line, let column, let items):
            for alternative in listAlternatives(items) {
                context.add("\(path) \(alternative.label)", keys: [path],
                            text: yaml.replacingLine(line, with: String(yaml.lines[line].prefix(column)) + "[" + alternative.items.joined(separator: ", ") + "]"),
                            valid: alternative.valid)
            }
        case .list(let items):
            guard let first = items.first, let last = items.last else { return }
            let span = first.lines.lowerBound..<last.lines.upperBound
            let scalars = items.compactMap { item -> String? in
                if case .scalar(_, _, let text) = item.node { return text }
                return nil
            }
            if scalars.count == items.count {
                for alternative in listAlternatives(scalars) {
                    let lines = alternative.items.map { String(repeating: " ", count: first.indent) + "- " + $0 }
                    context.add("\(path) \(alternative.label)", keys: [path], text: yaml.replacing(span, with: lines), valid: alternative.valid)
                }
                return
            }
            // A list of mappings (experts, phases, mistakes).
            let blocks = items.map { Array(yaml.lines[$0.lines]) }
            if items.count > 1 {
                context.add("\(path) last item dropped", keys: [path], text: yaml.replacing(span, with: blocks.dropLast().flatMap { $0 }), valid: true)
                context.add("\(path) first two items swapped", keys: [path],
                            text: yaml.replacing(span, with: ([blocks[1], blocks[0]] + blocks.dropFirst(2)).flatMap { $0 }), valid: true)
            }
            for (index, item) in items.enumerated() {
                guard case .map(let entries) = item.node else { continue }
                for (position, nested) in entries.enumerated() {
                    let nestedPath = "\(path)[].\(nested.key)"
                    entryMutations(&context, nested, path: nestedPath)
                    if position > 0 {
                        let documented = readme.nested[entry.key]?.first { $0.name == nested.key }
                        context.add("\(path)[\(index)].\(nested.key) removed", keys: [nestedPath],
                                    text: yaml.replacing(nested.lines, with: []), valid: documented.flatMap { $0.required.map { !$0 } })
                    }
                }
                addMissingNested(&context, parent: entry.key, entries: entries, after: item.lines.upperBound,
                                 column: item.indent + 2, label: "\(path)[\(index)]", pathPrefix: "\(path)[]")
            }
        case .map(let entries):
            for nested in entries {
                entryMutations(&context, nested, path: "\(path).\(nested.key)")
                let documented = readme.nested[entry.key]?.first { $0.name == nested.key }
                context.add("\(path).\(nested.key) removed", keys: ["\(path).\(nested.key)"],
                            text: yaml.replacing(nested.lines, with: []), valid: documented.flatMap { $0.required.map { !$0 } })
            }
            addMissingNested(&context, parent: entry.key, entries: entries, after: entry.lines.upperBound,
                             column: entries.first?.column ?? 2, label: path, pathPrefix: path)
        }
    }

    private func addMissingNested(_ context: inout Context, parent: String, entries: [YAMLLines.Entry], after line: Int,
                                  column: Int, label: String, pathPrefix: String) {
        guard let documented = readme.nested[parent] else { return }
        let present = Set(entries.map(\.key))
        let pending = entries.contains { $0.key == "status" }
        for key in documented where !present.contains(key.name) {
            let value: String
            switch (parent, key.name) {
            case ("review", "next-due") where !pending: value = "2027-01-05"
            case ("review", "note") where pending: value = "Added note."
            case ("review", _): continue
            case ("dosage", _): value = "5"
            default:
                if key.type.hasPrefix("range") { value = "2-3" }
                else if key.type.hasPrefix("list of text") { value = "[Added cue]" }
                else { value = "Added text." }
            }
            context.add("\(label).\(key.name) added: \(value)", keys: ["\(pathPrefix).\(key.name)"],
                        text: context.yaml.replacing(line..<line, with: [String(repeating: " ", count: column) + "\(key.name): \(value)"]),
                        valid: true)
        }
    }

    /// Valid values for a documented key a file does not have, as whole lines; empty when the README's
    /// type is not one this test knows (the coverage check then names the key).
    private func samples(for key: ReadmeKeys.Key, kind: String) -> [[String]] {
        let type = key.type
        let name = key.name
        let expert = slugs["experts"]?.first ?? "x"
        if name == "favicon" { return [["\(name): media/knee.svg"]] }
        if name == "logo" { return [["\(name):", "  src: media/knee.svg"]] }
        if name == "video" { return [["\(name):", "  youtube: dQw4w9WgXcQ"]] }
        if name == "images" {
            return [["\(name):", "  - src: /media/knee.svg", "    alt: Added start position.", "    caption: Start"]]
        }
        if name == "image" {
            // From the site root: sample keys are added to files at any depth.
            return [["\(name):", "  src: /media/knee.svg", "  alt: Added picture.", "  credit: Added credit."]]
        }
        if name == "menus" { return [["\(name):", "  footer:", "    - title: All our sources", "      url: /references/"]] }
        if type.hasPrefix("list of condition slugs") { return [["\(name): [\(slugs["conditions"]?.first ?? "x")]"]] }
        if type.hasPrefix("list of citation keys") { return [["\(name): [\(citationKeys.first ?? "x")]"]] }
        if type.hasPrefix("list of paths") { return [["\(name): [/\(kind)/added-alias/]"]] }
        if type.contains("{expert") { return [["\(name):", "  - expert: \(expert)", "    role: contributor"]] }
        if type.contains("{title") { return [["\(name):", "  - title: Added mistake", "    text: Added text."]] }
        if type.hasPrefix("list of phases") { return [["\(name):", "  - name: Added phase", "    weeks: 1-2"]] }
        if type.hasPrefix("list of text") { return [["\(name): [Added item]"]] }
        if type.hasPrefix("review record") {
            return [["\(name): pending"], ["\(name):", "  status: pending", "  note: Added note."],
                    ["\(name):", "  reviewer: \(expert)", "  role: clinical", "  date: 2026-01-05", "  next-due: 2027-01-05"]]
        }
        if name.hasSuffix("-color") { return [["\(name): '#14532d'"]] }
        if name == "strings" { return [["\(name):", "  skip-link: Jump to the content"]] }
        if type.hasPrefix("mapping") { return [["\(name):", "  reps: 5"]] }
        if type.hasPrefix("date") { return [["\(name): \(Fixtures.today.iso)"]] }
        if type.hasPrefix("true/false") { return [["\(name): true"]] }
        if type.hasPrefix("integer") { return [["\(name): 9"]] }
        if type.hasPrefix("absolute URL") { return [["\(name): https://fixture.example/other/"]] }
        if type.hasPrefix("BCP 47") { return [["\(name): en-US"]] }
        if type.hasPrefix("`") { return [["\(name): \(type.dropFirst().prefix { $0 != "`" })"]] }
        if type.hasPrefix("text") { return [["\(name): Added text."]] }
        return []
    }

    // MARK: Bodies

    private func body(_ context: inout Context, text: String) {
        let yaml = context.yaml
        let ownSlug = String(context.path.split(separator: "/").last!.dropLast(3))
        let trimmed = String(text.reversed().drop { $0 == "\n" }.reversed())
        func appended(_ addition: String) -> String { trimmed + "\n\n" + addition + "\n" }
        if let prose = (yaml.bodyStart..<yaml.lines.count).first(where: { yaml.lines[$0].first.map { $0.isLetter || $0.isNumber } ?? false }) {
            context.add("body: prose edited", keys: ["(body)"], text: yaml.replacingLine(prose, with: yaml.lines[prose] + " Extra words."), valid: true)
        }
        context.add("body: heading added", keys: ["(body)"], text: appended("## Added heading\n\nAdded text."), valid: true)
        let cite = citationKeys.first { !text.contains("@\($0)") } ?? citationKeys.first ?? "x"
        context.add("body: citation [@\(cite)] added", keys: ["(body)"], text: appended("Added cited text [@\(cite)]."), valid: true)
        // Relative links climb out of the file's folders (`pages/about/team.md` is two deep).
        let up = String(repeating: "../", count: context.path.split(separator: "/").count - 2)
        // A link to a page of the next kind (each kind is linked to from some page of another kind).
        let folders = MutationCatalog.pageFolders
        let ownFolder = String(context.path.split(separator: "/")[1])
        let folder = folders[((folders.firstIndex(of: ownFolder) ?? 0) + 1) % folders.count]
        if let target = slugs[folder]?.first(where: { !drafts.contains("Content/\(folder)/\($0).md") }) {
            context.add("body: link to \(folder)/\(target) added", keys: ["(body)"],
                        text: appended("Read about [\(target)](\(up)\(folder)/\(target).md)."), valid: true)
        }
        // A link to a heading of another page.
        for other in files.keys.sorted() where other.hasPrefix("Content/") && other.hasSuffix(".md") && other != context.path && !drafts.contains(other) {
            guard let heading = files[other]!.split(separator: "\n").first(where: { $0.hasPrefix("## ") }) else { continue }
            let anchor = heading.dropFirst(3).lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
                .replacingOccurrences(of: " ", with: "-")
            let parts = other.split(separator: "/")
            context.add("body: link to \(parts[1])/\(parts[2])#\(anchor) added", keys: ["(body)"],
                        text: appended("Read [this section](\(up)\(parts.dropFirst().joined(separator: "/"))#\(anchor))."), valid: true)
            break
        }
        if let card = slugs["exercises"]?.first(where: { $0 != ownSlug && !text.contains("\n\($0)\n```") }) {
            context.add("body: exercise card \(card) embedded", keys: ["(body)"], text: appended("```exercise\n\(card)\n```"), valid: true)
        }
    }

    // MARK: New pages, bibliography

    private func newPages(_ kind: String) -> [Mutation] {
        guard let source = slugs[kind]?.first(where: { !drafts.contains("Content/\(kind)/\($0).md") }),
              let text = files["Content/\(kind)/\(source).md"] else { return [] }
        let yaml = YAMLLines(text, frontMatter: true)
        var copy = text
        if let entry = yaml.root.first(where: { $0.key == "title" || $0.key == "name" }), case .scalar(let line, let column, let value) = entry.node {
            copy = yaml.replacingLine(line, with: String(yaml.lines[line].prefix(column)) + Self.appending(" (added)", to: value))
        }
        let added = "Content/\(kind)/added-page.md"
        let renamed = "Content/\(kind)/renamed-page.md"
        let nested = "Content/\(kind)/new-folder/nested-page.md"
        let lane = "Content/\(kind)/ (new pages)"
        // One folder deeper, relative links need one more `../`.
        let deeper = copy.replacingOccurrences(of: "](../", with: "](../../").replacingOccurrences(of: "src: ../", with: "src: ../../")
            .replacingOccurrences(of: #"\]\(([a-z0-9-][a-z0-9/-]*\.md)"#, with: "](../$1", options: .regularExpression)
        return [
            Mutation(name: "\(added): added (copy of \(source)), renamed to \(renamed), deleted", lane: lane, kind: kind,
                     keys: ["(add)", "(rename)", "(delete)"], steps: [[.write(added, copy)], [.rename(added, renamed)]], expectValid: true),
            Mutation(name: "\(nested): added in a new folder", lane: lane, kind: kind, keys: ["(add)"],
                     steps: [[.write(nested, deeper)]], expectValid: true),
        ]
    }

    private func references(_ path: String) -> [Mutation] {
        guard let entries = (try? JSONSerialization.jsonObject(with: Data(files[path]!.utf8))) as? [[String: Any]] else { return [] }
        var result: [Mutation] = []
        func add(_ label: String, _ keys: [String], _ changed: [[String: Any]], valid: Bool?) {
            guard let data = try? JSONSerialization.data(withJSONObject: changed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return }
            result.append(Mutation(name: "\(path): \(label)", lane: path, kind: "references", keys: keys,
                                   steps: [[.write(path, String(decoding: data, as: UTF8.self) + "\n")]], expectValid: valid))
        }
        add("reformatted, same entries", ["(format)"], entries, valid: true)
        add("entry added", ["(add)"], entries + [["id": "added2024", "type": "book", "title": "An Added Book",
                                                  "publisher": "Example Press", "issued": ["date-parts": [[2024]]]]], valid: true)
        for (index, entry) in entries.enumerated() {
            let id = entry["id"] as? String ?? "\(index)"
            func changed(_ key: String, _ value: Any?) -> [[String: Any]] {
                var copy = entries
                copy[index][key] = value
                return copy
            }
            add("\(id) removed", ["(delete)"], entries.enumerated().filter { $0.offset != index }.map(\.element), valid: nil)
            for key in entry.keys.sorted() {
                let value = entry[key]!
                if key != "id" && key != "type" { add("\(id).\(key) removed", [key], changed(key, nil), valid: nil) }
                switch (key, value) {
                case ("id", let text as String):
                    add("\(id).id changed", [key], changed(key, text + "-x"), valid: nil)
                case ("type", let text as String):
                    let types = ["article-journal", "webpage", "book", "report"]
                    add("\(id).type changed", [key], changed(key, types[((types.firstIndex(of: text) ?? 0) + 1) % types.count]), valid: nil)
                case ("DOI", let text as String):
                    add("\(id).DOI changed", [key], changed(key, text + "1"), valid: true)
                case ("URL", let text as String):
                    add("\(id).URL changed", [key], changed(key, text + (text.contains("?") ? "&v=2" : "?v=2")), valid: true)
                case (_, let text as String):
                    add("\(id).\(key) + word", [key], changed(key, text + " more"), valid: true)
                case (_, let date as [String: Any]):
                    if let parts = date["date-parts"] as? [[Int]], let first = parts.first, let year = first.first {
                        add("\(id).\(key) a year earlier", [key], changed(key, ["date-parts": [[year - 1] + first.dropFirst()]]), valid: true)
                    }
                case (_, let people as [[String: Any]]):
                    var edited = people
                    if let family = edited[0]["family"] as? String { edited[0]["family"] = family + "-Smith" }
                    add("\(id).\(key) first name edited", [key], changed(key, edited), valid: true)
                    add("\(id).\(key) person added", [key], changed(key, people + [["family": "Added", "given": "Ann"]]), valid: true)
                    if people.count > 1 { add("\(id).\(key) last person dropped", [key], changed(key, Array(people.dropLast())), valid: true) }
                default:
                    break
                }
            }
        }
        return result
    }
}
