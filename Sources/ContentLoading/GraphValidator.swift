import ContentModel
import Diagnostics

/// link: every id a page names must resolve. Reports dangling ids with a did-you-mean.
public enum GraphValidator {
    static func validate(_ graph: ContentGraph, discovered: [DiscoveredPage], draftsExcluded: Bool,
                         contentRoot: String) -> [Diagnostic] {
        validate(graph, discovered: discovered, draftsExcluded: draftsExcluded, contentRoot: contentRoot,
                 failedPages: [], bibliographyUnavailable: false).diagnostics
    }

    /// References that were not checked because what they point to failed to load: reporting each
    /// one would bury the one real cause under knock-on errors.
    struct Unchecked: Sendable {
        /// References to each page file that exists but failed to load.
        var pages: [PageRef: Int] = [:]
        /// Citations and `sources:` keys, when the bibliography is missing or failed to load.
        var citations = 0
        /// Citations of each bibliography entry that was left out for an error.
        var entries: [CitationKey: Int] = [:]

        mutating func add(_ other: Unchecked) {
            pages.merge(other.pages, uniquingKeysWith: +)
            citations += other.citations
            entries.merge(other.entries, uniquingKeysWith: +)
        }
    }

    /// - Parameters:
    ///   - failedPages: page files that exist but failed to load; references to them are counted, not reported.
    ///   - bibliographyUnavailable: `references.json` is missing or failed to load; citations are counted, not reported.
    static func validate(_ graph: ContentGraph, discovered: [DiscoveredPage], draftsExcluded: Bool, contentRoot: String,
                         failedPages: Set<PageRef>, bibliographyUnavailable: Bool, failedEntries: Set<CitationKey> = [])
        -> (diagnostics: [Diagnostic], unchecked: Unchecked) {
        let (existing, duplicates) = pageRefs(discovered)
        let context = PageContext(existing: existing, draftsExcluded: draftsExcluded, contentRoot: contentRoot,
                                  failedPages: failedPages, bibliographyUnavailable: bibliographyUnavailable,
                                  failedEntries: failedEntries)
        var unchecked = Unchecked()
        let (recordDiagnostics, recordUnchecked) = sourceRecords(graph, discovered: discovered, context: context)
        unchecked.add(recordUnchecked)
        var diagnostics = duplicates + recordDiagnostics
        for (found, skipped) in graph.allPages.concurrentMap({ check($0, in: graph, context: context) }) {
            diagnostics += found
            unchecked.add(skipped)
        }
        return (diagnostics, unchecked)
    }

    /// What a page's own checks need to know about the site beyond the graph.
    public struct PageContext: Sendable {
        /// Every page file found, including drafts and pages that failed to load.
        var existing: Set<PageRef>
        var draftsExcluded: Bool
        var contentRoot: String
        /// Page files that exist but failed to load: references to them are not reported one by one.
        var failedPages: Set<PageRef> = []
        /// `references.json` is missing or failed to load: citations are not reported one by one.
        var bibliographyUnavailable = false
        /// Bibliography entries left out for an error: their citations are not reported one by one.
        var failedEntries: Set<CitationKey> = []
        /// Did-you-mean indexes and section ids, made once and shared by the checks of every page.
        let suggestions = SuggestionsCache()
    }

    /// One page's ids and links. Depends only on the page and the graph's ids, so a rebuild after an
    /// edit can check the edited page alone.
    public static func validate(_ page: any ContentPage, in graph: ContentGraph, context: PageContext) -> [Diagnostic] {
        check(page, in: graph, context: context).diagnostics
    }

    static func check(_ page: any ContentPage, in graph: ContentGraph, context: PageContext)
        -> (diagnostics: [Diagnostic], unchecked: Unchecked) {
        var diagnostics: [Diagnostic] = []
        var unchecked = Unchecked()
        let suggestions = context.suggestions.suggestions(for: graph)
        /// Whether `ref` is a page that failed to load; then the reference is counted for its cause.
        func failedToLoad(_ ref: PageRef) -> Bool {
            guard context.failedPages.contains(ref) else { return false }
            unchecked.pages[ref, default: 0] += 1
            return true
        }
        func checkExists(_ slug: Located<Slug>, _ kind: ContentKind, _ code: DiagnosticCode, _ noun: String) {
            guard !graph.contains(PageRef(kind, slug.value)), !failedToLoad(PageRef(kind, slug.value)) else { return }
            diagnostics.append(.error(code, "unknown \(noun) '\(slug.value)'\(suggestions.page(slug.value.rawValue, kind: kind))",
                                      at: slug.location))
        }
        func checkCitation(_ key: Located<CitationKey>, _ noun: String) {
            guard !graph.bibliography.contains(key.value) else { return }
            if context.bibliographyUnavailable {
                unchecked.citations += 1
                return
            }
            if context.failedEntries.contains(key.value) {
                unchecked.entries[key.value, default: 0] += 1
                return
            }
            diagnostics.append(.error(.unknownCitation, "unknown \(noun) '\(key.value)'\(suggestions.citation(key.value.rawValue))",
                                      at: key.location))
        }

        for key in page.citedKeys { checkCitation(key, "citation key") }
        for key in page.sources { checkCitation(key, "source document") }
        for embed in page.body.exerciseEmbeds { checkExists(embed, .exercise, .unknownExercise, "exercise card") }
        if case .reviewed(let completed)? = page.review {
            checkExists(completed.reviewer, .expert, .unknownExpert, "reviewer")
        }
        for link in page.body.links {
            guard graph.contains(link.target) else {
                if failedToLoad(link.target) { continue }
                let reason = context.existing.contains(link.target)
                    ? (context.draftsExcluded ? "points to a page that is not published (a draft, or a page with errors)"
                                              : "points to a page that has errors")
                    : "points to \(context.contentRoot)/\(link.target.contentPath), which does not exist"
                diagnostics.append(.error(.brokenLink, "the link to '\(link.target.contentPath)' \(reason)", at: link.location))
                continue
            }
            // A page's section ids are listed once, however many links name them.
            if let fragment = link.fragment, !suggestions.sections(of: link.target).contains(fragment) {
                let hint = suggestions.section(fragment, of: link.target)
                diagnostics.append(.error(.brokenLink, "'\(link.target.contentPath)' has no section '#\(fragment)'\(hint)",
                                          at: link.location))
            }
        }
        for slug in page.linkedConditions { checkExists(slug, .condition, .unknownCondition, "condition") }
        for expert in page.creditedExperts { checkExists(expert, .expert, .unknownExpert, "expert") }
        return (diagnostics, unchecked)
    }

    /// Each source record names a bibliography entry and content files that exist.
    private static func sourceRecords(_ graph: ContentGraph, discovered: [DiscoveredPage], context: PageContext)
        -> ([Diagnostic], Unchecked) {
        var diagnostics: [Diagnostic] = []
        var unchecked = Unchecked()
        guard !graph.sourceRecords.isEmpty else { return ([], unchecked) }
        let suggestions = context.suggestions.suggestions(for: graph)
        // A `used-by` entry names a file by its path below Content/ or by any tail of it
        // ("walking.md", "articles/walking.md"): every tail of every file, listed once, so each use
        // is one lookup rather than a scan of every file.
        var names = Set<Substring>(minimumCapacity: discovered.count * 2)
        for page in discovered {
            let file = Substring(page.file)
            names.insert(file)
            var index = file.startIndex
            while let slash = file[index...].firstIndex(of: "/") {
                index = file.index(after: slash)
                names.insert(file[index...])
            }
        }
        for record in graph.sourceRecords {
            if context.bibliographyUnavailable && !graph.bibliography.contains(record.reference.value) {
                unchecked.citations += 1
            } else if context.failedEntries.contains(record.reference.value) {
                unchecked.entries[record.reference.value, default: 0] += 1
            } else if !graph.bibliography.contains(record.reference.value) {
                diagnostics.append(.error(.unknownCitation,
                                          "unknown source document '\(record.reference.value)'\(suggestions.citation(record.reference.value.rawValue))",
                                          at: record.reference.location))
            }
            for use in record.usedBy {
                if !names.contains(Substring(use.value)) {
                    diagnostics.append(.error(.missingFile, "'\(use.value)' in used-by is not a content file", at: use.location))
                }
            }
        }
        return (diagnostics, unchecked)
    }

    /// Every page file's id, and an error for each file whose id an earlier file has already.
    static func pageRefs(_ discovered: [DiscoveredPage]) -> (Set<PageRef>, [Diagnostic]) {
        var refs = Set<PageRef>(minimumCapacity: discovered.count)
        var diagnostics: [Diagnostic] = []
        for (index, page) in discovered.enumerated() where !refs.insert(PageRef(page.kind, page.slug)).inserted {
            // Rare, so the earlier file is searched for rather than remembered for every page.
            let earlier = discovered[..<index].first { $0.kind == page.kind && $0.slug == page.slug }
            diagnostics.append(.error(.duplicateSlug,
                                      "two \(page.kind.folder) have the id '\(page.slug)': this file and \(earlier?.file ?? ""); rename one",
                                      at: SourceLocation(file: page.file, line: 1, column: 1)))
        }
        return (refs, diagnostics)
    }
}
