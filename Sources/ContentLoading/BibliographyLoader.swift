import ContentModel
import Diagnostics

/// Reads `seeds/references.json` (CSL-JSON) into typed references, each with its line.
enum BibliographyLoader {
    static func load(_ text: String, file: String) -> (Bibliography, [Diagnostic]) {
        let (bibliography, diagnostics, _) = loadEntries(text, file: file)
        return (bibliography, diagnostics)
    }

    /// Also returns the ids of entries that were left out for an error, each with that error: their
    /// citations are not unknown keys, and are not reported as such.
    static func loadEntries(_ text: String, file: String) -> (Bibliography, [Diagnostic], failed: [CitationKey: Diagnostic]) {
        var failed: [CitationKey: Diagnostic] = [:]
        let (bibliography, diagnostics) = parse(text, file: file, failed: &failed)
        return (bibliography, diagnostics, failed)
    }

    private static func parse(_ text: String, file: String, failed: inout [CitationKey: Diagnostic]) -> (Bibliography, [Diagnostic]) {
        let root: JSONNode
        do {
            root = try JSONReader.parse(text)
        } catch {
            return (Bibliography(), [.error(.invalidBibliography, "the bibliography is not valid JSON: \(error.message)",
                                            at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        guard let items = root.array else {
            return (Bibliography(), [.error(.invalidBibliography, "the bibliography must be a JSON list ([ … ]) of CSL-JSON entries",
                                            at: SourceLocation(file: file, line: root.line, column: root.column))])
        }
        var diagnostics: [Diagnostic] = []
        var references: [Reference] = []
        var seen: [CitationKey: SourceLocation] = [:]
        for item in items {
            let location = SourceLocation(file: file, line: item.line, column: item.column)
            guard case .object = item.value else {
                diagnostics.append(.error(.invalidBibliography, "each bibliography entry must be a JSON object ({ … })", at: location))
                continue
            }
            guard let rawID = item["id"]?.scalarText else {
                diagnostics.append(.error(.invalidBibliography, "this bibliography entry has no 'id'; add one so pages can cite it", at: location))
                continue
            }
            guard let id = CitationKey(rawID) else {
                diagnostics.append(.error(.invalidBibliography,
                                          "'\(rawID)' cannot be cited; an id starts and ends with a letter or digit and uses no spaces",
                                          at: at(item["id"], file, location)))
                continue
            }
            if let first = seen[id] {
                diagnostics.append(.error(.duplicateReference, "the id '\(id)' is used twice in the bibliography (first at line \(first.line ?? 0))",
                                          at: at(item["id"], file, location)))
                continue
            }
            seen[id] = location
            guard let type = item["type"]?.string, !type.isEmpty else {
                let diagnostic = Diagnostic.error(.invalidBibliography, "the entry '\(id)' has no 'type' (such as article-journal or webpage)",
                                                  at: location)
                diagnostics.append(diagnostic)
                failed[id] = diagnostic
                continue
            }
            references.append(reference(from: item, id: id, type: type, location: location))
        }
        return (Bibliography(references), diagnostics)
    }

    private static func at(_ node: JSONNode?, _ file: String, _ fallback: SourceLocation) -> SourceLocation {
        node.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
    }

    private static func reference(from item: JSONNode, id: CitationKey, type: String, location: SourceLocation) -> Reference {
        var reference = Reference(id: id, type: type, location: location)
        if case .object(let members) = item.value {
            for member in members {
                reference.fieldLocations[member.key] = SourceLocation(file: location.file, line: member.value.line,
                                                                      column: member.value.column)
            }
        }
        reference.title = item["title"]?.string
        reference.authors = (item["author"]?.array ?? []).map { author in
            CSLName(family: author["family"]?.string, given: author["given"]?.string, literal: author["literal"]?.string)
        }
        reference.containerTitle = item["container-title"]?.string
        reference.containerTitleShort = item["container-title-short"]?.string ?? item["journalAbbreviation"]?.string
        reference.volume = item["volume"]?.scalarText
        reference.issue = item["issue"]?.scalarText
        reference.number = item["number"]?.scalarText
        reference.page = item["page"]?.scalarText
        reference.issued = date(item["issued"])
        reference.updated = date(item["updated"])
        reference.accessed = date(item["accessed"])
        reference.doi = item["DOI"]?.string
        reference.pmid = item["PMID"]?.scalarText
        reference.pmcid = item["PMCID"]?.string
        reference.url = item["URL"]?.string
        reference.publisher = item["publisher"]?.string
        reference.isbn = item["ISBN"]?.scalarText
        reference.note = item["note"]?.string
        return reference
    }

    /// CSL dates: `{"date-parts": [[2017, 4, 6]]}`, or `{"raw": "2017-04-06"}`.
    private static func date(_ node: JSONNode?) -> CSLDate? {
        guard let node else { return nil }
        if let parts = node["date-parts"]?.array?.first?.array {
            let numbers = parts.compactMap { $0.scalarText.flatMap { Int($0) } }
            guard let year = numbers.first else { return nil }
            return CSLDate(year: year, month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
        }
        if let raw = node["raw"]?.string {
            let numbers = raw.split(separator: "-").compactMap { Int($0) }
            guard let year = numbers.first else { return nil }
            return CSLDate(year: year, month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
        }
        return nil
    }
}
