import Diagnostics
import Foundation

/// The site-wide synonym list (`seeds/synonyms.yml`): words readers search with, each leading to the
/// pages named by its targets. A page is named by a target when the target's words appear, in order,
/// in its title, one of its `synonyms` or one of its `search-terms`; search then treats the reader's
/// word as one of that page's names, and shows it ("Also called: …").
public struct SearchSynonyms: Sendable {
    public struct Entry: Sendable, Equatable {
        /// What a reader types: `slipped disc`.
        public var term: String
        /// What it means, as pages name it: `herniated disc`.
        public var targets: [String]
        /// Where the term is written, and each target (same order as `targets`).
        public var location: SourceLocation
        public var targetLocations: [SourceLocation]

        public init(term: String, targets: [String], location: SourceLocation, targetLocations: [SourceLocation]? = nil) {
            self.term = term
            self.targets = targets
            self.location = location
            self.targetLocations = targetLocations ?? targets.map { _ in location }
        }
    }

    /// The most words a target may have: names are matched by their runs of up to this many words,
    /// so the work stays linear in the names' length however long a title is.
    public static let maximumTargetWords = 12

    public let entries: [Entry]
    /// A target's words joined by spaces → the terms leading to it.
    private let termsByTarget: [String: [String]]
    /// The most words a target has: a name's runs of words longer than this cannot be one.
    private let longestTarget: Int

    public init(_ entries: [Entry] = []) {
        self.entries = entries
        var byTarget: [String: [String]] = [:]
        var longest = 0
        for entry in entries {
            for target in entry.targets {
                let words = Self.words(target)
                guard !words.isEmpty, words.count <= Self.maximumTargetWords else { continue }
                longest = max(longest, words.count)
                byTarget[words.joined(separator: " "), default: []].append(entry.term)
            }
        }
        termsByTarget = byTarget
        longestTarget = longest
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The list's terms that lead to a page with these names (title, synonyms, search terms), in the
    /// list's order of targets met, without repeats.
    public func terms(forNames names: [String]) -> [String] {
        guard !termsByTarget.isEmpty else { return [] }
        var found: [String] = []
        var seen = Set<String>()
        for name in names {
            Self.forEachRun(of: Self.words(name), upTo: longestTarget) { run in
                for term in termsByTarget[run] ?? [] where seen.insert(term).inserted { found.append(term) }
            }
        }
        return found
    }

    /// Every run of up to `limit` consecutive words, joined by spaces: a name of n words has at most
    /// n × limit runs.
    public static func forEachRun(of words: [String], upTo limit: Int, _ body: (String) -> Void) {
        for start in words.indices {
            var run = ""
            for end in start..<min(words.count, start + limit) {
                if end > start { run += " " }
                run += words[end]
                body(run)
            }
        }
    }

    /// A name's words as search reads them: lower-cased, accents removed, split on anything but the
    /// letters a–z and digits (the same rule as the search index's words).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        // One character at a time: decomposing a whole long string takes time growing with its square.
        for character in text.lowercased() {
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.unicodeScalars.append(scalar)
                } else if (0x300...0x36F).contains(value) {
                    continue
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
