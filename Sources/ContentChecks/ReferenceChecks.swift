import ContentModel
import Diagnostics

/// Each bibliography entry is well-formed CSL-JSON with the fields its type needs, and its
/// identifiers and dates are valid.
enum ReferenceChecks {
    /// Every entry of the graph's bibliography. A problem in an entry no page cites is a warning: it
    /// cannot reach a page, so it must not stop the build; in a cited entry it is an error.
    static func check(_ graph: ContentGraph, today: Day) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for reference in graph.bibliography.entries {
            found += check(reference, today: today, cited: !graph.pages(citing: reference.id).isEmpty)
        }
        return found
    }

    static func check(_ reference: Reference, today: Day, cited: Bool = true) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let id = reference.id.rawValue
        func error(_ code: DiagnosticCode, _ message: String, _ field: String? = nil) {
            let location = field.map(reference.location(of:)) ?? reference.location
            if cited {
                found.append(.error(code, message, at: location))
            } else {
                found.append(.warning(code, message + " (no page cites it yet, so the build goes on)", at: location))
            }
        }
        // A missing field is a warning: record only what a source gives, never make a field up.
        // `--strict` turns these into failures for publishers who want complete entries.
        func missing(_ message: String) {
            found.append(.warning(.missingReferenceField, message, at: reference.location))
        }
        func require(_ value: Any?, _ field: String, _ what: String) {
            if value == nil { missing("'\(id)' (\(reference.type)) is missing \(what) ('\(field)')") }
        }

        switch reference.type {
        case "article-journal":
            if reference.authors.isEmpty { missing("'\(id)' (article-journal) is missing its authors ('author')") }
            require(reference.title, "title", "a title")
            require(reference.containerTitle ?? reference.containerTitleShort, "container-title", "the journal's name")
            require(reference.issued, "issued", "the year it was published")
            if reference.doi == nil && reference.pmid == nil && reference.url == nil {
                missing("'\(id)' (article-journal) is missing a DOI, a PMID or a URL, so readers cannot find it")
            }
        case "webpage", "post-weblog", "post":
            require(reference.title, "title", "a title")
            if reference.publisher == nil && reference.containerTitle == nil {
                missing("'\(id)' (webpage) is missing the site or publisher ('container-title' or 'publisher')")
            }
            require(reference.url, "URL", "its web address")
            require(reference.accessed, "accessed", "the date you read it")
        case "chapter":
            require(reference.title, "title", "a title")
            require(reference.containerTitle, "container-title", "the book's title")
        case "book":
            require(reference.title, "title", "a title")
            if reference.publisher == nil && reference.isbn == nil {
                missing("'\(id)' (book) is missing a publisher or an ISBN")
            }
        default:
            require(reference.title, "title", "a title")
        }

        if let doi = reference.doi, let problem = Identifiers.doiProblem(doi) {
            error(.invalidDOI, "invalid DOI in '\(id)': \(problem)", "DOI")
        }
        if let pmid = reference.pmid, !Identifiers.isValidPMID(pmid) {
            error(.invalidPMID, "invalid PMID in '\(id)': '\(pmid)' should be 1 to 8 digits with no leading zero", "PMID")
        }
        if let pmcid = reference.pmcid, !Identifiers.isValidPMCID(pmcid) {
            error(.invalidPMCID, "invalid PMCID in '\(id)': '\(pmcid)' should be 'PMC' followed by digits", "PMCID")
        }
        if let isbn = reference.isbn, !Identifiers.isValidISBN(isbn) {
            error(.invalidISBN, "invalid ISBN in '\(id)': '\(isbn)' has the wrong length or check digit", "ISBN")
        }
        if let url = reference.url {
            switch Identifiers.checkURL(url) {
            case .ok: break
            case .insecure:
                found.append(.warning(.insecureURL, "'\(id)' links with http://; use https:// if the site supports it",
                                      at: reference.location(of: "URL")))
            case .invalid(let why):
                error(.invalidURL, "invalid URL in '\(id)': \(why)", "URL")
            }
        }
        for (field, date) in [("issued", reference.issued), ("accessed", reference.accessed), ("updated", reference.updated),
                              ("event-date", reference.eventDate)] {
            guard let date else { continue }
            if let problem = dateProblem(date) {
                error(.invalidDate, "invalid '\(field)' date in '\(id)': \(problem)", field)
            } else if isFuture(date, today: today) {
                error(.invalidDate, "the '\(field)' date of '\(id)' (\(describe(date))) is in the future", field)
            }
        }
        return found
    }

    /// A literal date ("Spring 2019 supplement") is printed as written and not checked.
    static func dateProblem(_ date: CSLDate) -> String? {
        if date.literal != nil { return nil }
        if let problem = problem(date.year, date.month, date.day) { return problem }
        if let season = date.season, !(1...4).contains(season) {
            return "there is no season \(season); a season is 1 to 4, or a month of 21 to 24"
        }
        if let end = date.end {
            if let problem = problem(end.year, end.month, end.day) { return "the end of the range: " + problem }
            if (end.year, end.month ?? 12, end.day ?? 31) < (date.year, date.month ?? 1, date.day ?? 1) {
                return "the range ends (\(describe(end.year, end.month, end.day))) before it starts"
            }
        }
        return nil
    }

    private static func problem(_ year: Int, _ month: Int?, _ day: Int?) -> String? {
        if !(1000...9999).contains(year) { return "the year \(year) is not a four-digit year" }
        if let month, !(1...12).contains(month) { return "there is no month \(month)" }
        if let month, let day, Day(year: year, month: month, day: day) == nil {
            return "\(year)-\(month)-\(day) is not a real date"
        }
        return nil
    }

    static func isFuture(_ date: CSLDate, today: Day) -> Bool {
        if date.literal != nil { return date.year > today.year }
        let month = date.month ?? 1
        let day = date.day ?? 1
        return (date.year, month, day) > (today.year, today.month, today.day)
    }

    static func describe(_ date: CSLDate) -> String {
        if let literal = date.literal { return literal }
        return describe(date.year, date.month, date.day)
    }

    private static func describe(_ year: Int, _ month: Int?, _ day: Int?) -> String {
        [String(year), month.map { String($0) }, day.map { String($0) }].compactMap { $0 }.joined(separator: "-")
    }
}
