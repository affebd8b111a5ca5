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
        if let title = item["title"]?.string {
            reference.title = RichText.plain(title)
            reference.titleRuns = RichText.runs(title)
        }
        reference.authors = names(item["author"])
        reference.editors = names(item["editor"])
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
        reference.publisherPlace = item["publisher-place"]?.string
        reference.edition = item["edition"]?.scalarText
        reference.genre = item["genre"]?.string
        reference.version = item["version"]?.scalarText
        reference.event = item["event-title"]?.string ?? item["event"]?.string
        reference.eventPlace = item["event-place"]?.string
        reference.eventDate = date(item["event-date"])
        reference.isbn = item["ISBN"]?.scalarText
        reference.note = item["note"]?.string
        return reference
    }

    /// CSL names, with their particles and suffix kept apart.
    private static func names(_ node: JSONNode?) -> [CSLName] {
        (node?.array ?? []).map { name in
            CSLName(family: name["family"]?.string, given: name["given"]?.string, literal: name["literal"]?.string,
                    nonDroppingParticle: name["non-dropping-particle"]?.string,
                    droppingParticle: name["dropping-particle"]?.string, suffix: name["suffix"]?.string)
        }
    }

    /// CSL dates: `{"date-parts": [[2017, 4, 6]]}`, a range `[[2023, 10, 2], [2023, 10, 6]]`, a season
    /// (month 21–24, or `"season"`), `{"literal": "Spring 2019"}`, or `{"raw": "May 20, 2019"}`.
    static func date(_ node: JSONNode?) -> CSLDate? {
        guard let node else { return nil }
        if let raw = node.string { return DateText.parse(raw) }
        var parsed: CSLDate?
        if let ranges = node["date-parts"]?.array, let first = ranges.first?.array {
            let numbers = first.map { $0.scalarText.flatMap { Int($0.trimmingWhitespace) } }
            if let year = numbers.first ?? nil, numbers.allSatisfy({ $0 != nil }) {
                var date = CSLDate(year: year)
                if numbers.count > 1, let month = numbers[1] {
                    if (21...24).contains(month) { date.season = month - 20 } else { date.month = month }
                }
                if numbers.count > 2, date.month != nil { date.day = numbers[2] }
                if ranges.count > 1, let last = ranges[1].array {
                    let ends = last.compactMap { $0.scalarText.flatMap { Int($0.trimmingWhitespace) } }
                    if let endYear = ends.first {
                        date.end = CSLDate.Bound(year: endYear, month: ends.count > 1 ? ends[1] : nil,
                                                 day: ends.count > 2 ? ends[2] : nil)
                    }
                }
                parsed = date
            }
        }
        if parsed == nil, let raw = node["raw"]?.string { parsed = DateText.parse(raw) }
        if parsed == nil, let literal = node["literal"]?.string {
            parsed = CSLDate(year: DateText.year(in: literal) ?? 0, literal: literal)
        }
        if var date = parsed, let season = node["season"] {
            if let number = season.scalarText.flatMap({ Int($0) }) {
                date.season = (21...24).contains(number) ? number - 20 : number
            } else if let name = season.string, let index = DateText.season(name) {
                date.season = index
            }
            parsed = date
        }
        return parsed
    }
}

/// Dates written as text: ISO dates and intervals (`2023-10-02/2023-10-06`), "May 20, 2019", "20 May 2019",
/// "Spring 2019". Anything else is kept as written (a literal date), never guessed at.
enum DateText {
    static func parse(_ text: String) -> CSLDate {
        let trimmed = text.trimmingWhitespace
        let halves = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if halves.count == 2, var start = simple(String(halves[0])), let end = simple(String(halves[1])),
           start.end == nil, end.end == nil, start.literal == nil, end.literal == nil {
            start.end = CSLDate.Bound(year: end.year, month: end.month, day: end.day)
            return start
        }
        return simple(trimmed) ?? CSLDate(year: year(in: trimmed) ?? 0, literal: trimmed)
    }

    private static func simple(_ text: String) -> CSLDate? {
        let text = text.trimmingWhitespace
        // ISO: 2019, 2019-05, 2019-05-20
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.first?.count == 4, iso.count <= 3, iso.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            let numbers = iso.compactMap { Int($0) }
            var date = CSLDate(year: numbers[0])
            if numbers.count > 1 {
                if (21...24).contains(numbers[1]) { date.season = numbers[1] - 20 } else { date.month = numbers[1] }
            }
            if numbers.count > 2 { date.day = numbers[2] }
            return date
        }
        // Words: "May 20, 2019", "20 May 2019", "May 2019", "Spring 2019", "2019 May 20".
        var date = CSLDate(year: 0)
        var sawYear = false
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            if token.count == 4, let number = Int(token), !sawYear {
                date.year = number
                sawYear = true
            } else if token.count <= 2, let number = Int(token), date.day == nil {
                date.day = number
            } else if let month = month(String(token)), date.month == nil, date.season == nil {
                date.month = month
            } else if let season = season(String(token)), date.month == nil, date.season == nil {
                date.season = season
            } else {
                return nil
            }
        }
        guard sawYear, date.day == nil || date.month != nil else { return nil }
        return date
    }

    static func month(_ word: String) -> Int? {
        let lower = word.lowercased().trimmingCharacters(in: ".")
        guard lower.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        return names.firstIndex { $0 == lower || ($0.hasPrefix(lower) && lower.count <= 4) || (lower == "sept" && $0 == "september") }
            .map { $0 + 1 }
    }

    static func season(_ word: String) -> Int? {
        switch word.lowercased() {
        case "spring": 1
        case "summer": 2
        case "autumn", "fall": 3
        case "winter": 4
        default: nil
        }
    }

    /// The first four-digit number in a text, as its year.
    static func year(in text: String) -> Int? {
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                if digits.count == 4 { return Int(digits) }
                digits = ""
            }
        }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
