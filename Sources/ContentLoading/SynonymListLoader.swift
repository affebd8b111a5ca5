import ContentModel
import Diagnostics
import Foundation
import YAML

/// Reads `seeds/synonyms.yml`, the site-wide list of readers' words for the pages' names:
///
///     slipped disc: herniated disc
///     trapped nerve: [sciatica, pinched nerve]
///
/// Each key is what a reader types; its value, one target or a list, what it means, as pages name it.
/// No file: no synonyms.
enum SynonymListLoader {
    static func load(_ url: URL, paths: ProjectPaths) -> (SearchSynonyms, [Diagnostic], text: String?) {
        let file = paths.display(url)
        let bytes: [UInt8]
        switch FileBytes.read(url.path) {
        case .success(let read): bytes = read
        case .failure(.missing): return (SearchSynonyms(), [], nil)
        case .failure(let failure): return (SearchSynonyms(), [failure.diagnostic(file: file)], nil)
        }
        let text: String
        switch SourceText.decode(bytes: bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (SearchSynonyms(), [diagnostic], nil)
        }
        let node: YAMLNode?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return (SearchSynonyms(), [diagnostic], text)
        }
        guard let node else { return (SearchSynonyms(), [], text) }  // only comments
        func at(_ node: YAMLNode) -> SourceLocation {
            SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
        }
        guard case .mapping(let pairs) = node.content else {
            return (SearchSynonyms(), [.error(.wrongType, "the synonym list should be lines of 'what readers type: the page name it means', such as 'slipped disc: herniated disc'", at: at(node))], text)
        }
        var entries: [SearchSynonyms.Entry] = []
        var diagnostics: [Diagnostic] = []
        for pair in pairs {
            guard case .scalar(let term, _) = pair.key.content else {
                diagnostics.append(.error(.wrongType, "a synonym should be a word or phrase, not a list or a set of keys", at: at(pair.key)))
                continue
            }
            guard !SearchSynonyms.words(term).isEmpty else {
                diagnostics.append(.error(.invalidValue, "'\(term)' has no letters or digits that search could match", at: at(pair.key)))
                continue
            }
            var targets: [(String, SourceLocation)] = []
            switch pair.value.content {
            case .scalar(let target, let style):
                if style == .plain && ["", "~", "null", "Null", "NULL"].contains(target) {
                    diagnostics.append(.error(.missingField, "'\(term)' has no target: after the colon, write the page name it means, such as a condition's name", at: at(pair.key)))
                    continue
                }
                targets.append((target, at(pair.value)))
            case .sequence(let items):
                for item in items {
                    guard case .scalar(let target, _) = item.content else {
                        diagnostics.append(.error(.wrongType, "each target of '\(term)' should be a page name, not a list or a set of keys", at: at(item)))
                        continue
                    }
                    targets.append((target, at(item)))
                }
                if items.isEmpty {
                    diagnostics.append(.error(.missingField, "'\(term)' has no target: list the page names it means", at: at(pair.key)))
                }
            case .mapping:
                diagnostics.append(.error(.wrongType, "the target of '\(term)' should be a page name or a list of them, not a set of keys", at: at(pair.value)))
            }
            var kept: [(String, SourceLocation)] = []
            for (target, location) in targets {
                let words = SearchSynonyms.words(target).count
                if words == 0 {
                    diagnostics.append(.error(.invalidValue, "the target '\(target)' has no letters or digits that a page name could match", at: location))
                } else if words > SearchSynonyms.maximumTargetWords {
                    diagnostics.append(.error(.invalidValue, "the target has \(words) words; a target is a page name or part of one, at most \(SearchSynonyms.maximumTargetWords) words", at: location))
                } else {
                    kept.append((target, location))
                }
            }
            guard !kept.isEmpty else { continue }
            entries.append(SearchSynonyms.Entry(term: term, targets: kept.map(\.0), location: at(pair.key),
                                                targetLocations: kept.map(\.1)))
        }
        return (SearchSynonyms(entries), diagnostics, text)
    }

    /// Every target must name a published page (its title, a synonym or a search term), or the reader's
    /// word would lead nowhere: an error, as a link to a missing page is.
    static func check(_ synonyms: SearchSynonyms, graph: ContentGraph) -> [Diagnostic] {
        guard !synonyms.isEmpty else { return [] }
        // Targets were kept only up to `maximumTargetWords`: runs of names are at most that long.
        let longest = min(synonyms.entries.flatMap(\.targets).map { SearchSynonyms.words($0).count }.max() ?? 0,
                          SearchSynonyms.maximumTargetWords)
        var runs = Set<String>()
        var names: [String] = []
        for page in graph.allPages {
            for name in Self.names(of: page) {
                names.append(name)
                SearchSynonyms.forEachRun(of: SearchSynonyms.words(name), upTo: longest) { runs.insert($0) }
            }
        }
        var suggestions: SuggestionIndex?
        var diagnostics: [Diagnostic] = []
        for entry in synonyms.entries {
            for (target, location) in zip(entry.targets, entry.targetLocations)
                where !runs.contains(SearchSynonyms.words(target).joined(separator: " ")) {
                if suggestions == nil { suggestions = SuggestionIndex(names) }
                let hint = suggestions?.closestMatch(to: target).map { " — did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error(
                    .unknownSynonymTarget,
                    "no page is named '\(target)' (by its title, a synonym or a search term), so '\(entry.term)' would lead nowhere\(hint)",
                    at: location))
            }
        }
        return diagnostics
    }

    /// A page's names: what a target may match.
    static func names(of page: any ContentPage) -> [String] {
        [page.heading] + page.searchTerms + page.searchFields.names
    }
}
