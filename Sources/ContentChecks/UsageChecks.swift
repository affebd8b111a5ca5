import ContentModel
import Diagnostics

/// What the graph holds but nothing uses, and identifiers entered twice.
enum UsageChecks {
    /// An exercise card no page embeds or links to.
    static func unusedExercises(_ graph: ContentGraph) -> [Diagnostic] {
        var linked = Set<Slug>()
        for page in graph.allPages {
            for link in page.body.links where link.target.kind == .exercise { linked.insert(link.target.slug) }
        }
        return graph.exercises.compactMap { card in
            guard graph.pages(embedding: card.slug).isEmpty, !linked.contains(card.slug) else { return nil }
            return .warning(.unusedExercise, "no page embeds or links to the exercise card '\(card.slug)'; it is only listed on its conditions' pages",
                            at: SourceLocation(file: card.file, line: 1, column: 1))
        }
    }

    /// A condition with no articles, cards or programs.
    static func emptyConditions(_ graph: ContentGraph) -> [Diagnostic] {
        graph.conditions.compactMap { condition in
            guard !graph.hasContent(about: condition.slug) else { return nil }
            return .warning(.emptyCondition, "no article, exercise card or program is about '\(condition.name)' yet",
                            at: SourceLocation(file: condition.file, line: 1, column: 1))
        }
    }

    /// A bibliography entry no page cites.
    static func uncitedReferences(_ graph: ContentGraph) -> [Diagnostic] {
        graph.bibliography.entries.compactMap { reference in
            guard graph.pages(citing: reference.id).isEmpty else { return nil }
            return .warning(.uncitedReference, "no page cites '\(reference.id)'; cite it or remove it from the bibliography",
                            at: reference.location)
        }
    }

    /// Two entries with the same DOI, PMID or URL are almost always one source entered twice.
    static func duplicateIdentifiers(_ graph: ContentGraph) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (field, value) in [("DOI", { (r: Reference) in r.doi?.lowercased() }),
                               ("PMID", { (r: Reference) in r.pmid }),
                               ("URL", { (r: Reference) in r.url.map(normalisedURL) })] {
            var first: [String: Reference] = [:]
            for reference in graph.bibliography.entries {
                guard let key = value(reference) else { continue }
                if let earlier = first[key] {
                    found.append(.warning(.duplicateIdentifier,
                                          "'\(reference.id)' has the same \(field) as '\(earlier.id)'; merge the two entries",
                                          at: reference.location(of: field)))
                } else {
                    first[key] = reference
                }
            }
        }
        return found
    }

    private static func normalisedURL(_ url: String) -> String {
        var text = url.lowercased()
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        return text.replacingPrefix("http://", with: "https://")
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
