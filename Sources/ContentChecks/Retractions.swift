import ContentModel
import Diagnostics

/// DOIs of retracted papers, from `seeds/retractions.csv` (a CSV with a DOI column, as the Retraction
/// Watch export has: its column is `OriginalPaperDOI`).
public struct RetractionList: Sendable {
    public private(set) var dois: Set<String> = []
    public let file: String

    public init(dois: Set<String> = [], file: String = "") {
        self.dois = Set(dois.map { $0.lowercased() })
        self.file = file
    }

    public func isRetracted(_ doi: String) -> Bool { dois.contains(doi.lowercased()) }

    /// Reads the CSV; the first row names the columns, and the DOI column is found by name.
    public static func parse(_ text: String, file: String) -> (RetractionList, [Diagnostic]) {
        // Spreadsheets' "CSV UTF-8" starts with a byte-order mark, which would hide the first column's name.
        let rows = CSV.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first else { return (RetractionList(file: file), []) }
        let names = header.map { $0.trimmingWhitespace.lowercased() }
        guard let column = names.firstIndex(where: { ["doi", "originalpaperdoi", "original paper doi"].contains($0) }) else {
            return (RetractionList(file: file), [.error(.invalidRetractionList,
                "the retraction list has no DOI column; name one column 'DOI' (or 'OriginalPaperDOI')",
                at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var dois = Set<String>()
        for row in rows.dropFirst() where column < row.count {
            let doi = row[column].trimmingWhitespace
            if !doi.isEmpty && doi.lowercased() != "unavailable" { dois.insert(doi) }
        }
        return (RetractionList(dois: dois, file: file), [])
    }

    /// Every citation of a retracted paper on a page, at the place it is cited.
    func check(_ page: any ContentPage, in graph: ContentGraph) -> [Diagnostic] {
        guard !dois.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for key in page.citedKeys + page.sources {
            guard let doi = graph.bibliography.doi(of: key.value), isRetracted(doi) else { continue }
            found.append(.error(.retractedCitation, "'\(key.value)' (doi:\(doi)) has been retracted; do not cite it",
                                at: key.location))
        }
        return found
    }
}

/// RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes.
enum CSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            case "\r": continue
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
