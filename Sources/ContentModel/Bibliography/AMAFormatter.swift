/// A piece of a formatted reference; templates decide the markup.
public enum StyledRun: Hashable, Sendable {
    case plain(String)
    case italic(String)
    case link(String)
}

/// Formats references in AMA style (AMA Manual of Style, 11th edition), the medical standard.
public enum AMAFormatter {
    public static func format(_ reference: Reference) -> [StyledRun] {
        // Never invent a title: say plainly that the source's details were not recorded.
        if reference.title == nil && reference.authors.isEmpty && reference.containerTitle == nil && reference.url == nil
            && reference.doi == nil {
            return [.plain("[Untitled source document; its title, author, publisher and date were not recorded.]")]
        }
        switch reference.type {
        case "article-journal", "article-magazine", "article-newspaper":
            return journalArticle(reference)
        case "book", "report", "thesis":
            return book(reference)
        default:
            return webPage(reference)
        }
    }

    /// The formatted text without styling, for tests and plain-text output.
    public static func plainText(_ reference: Reference) -> String {
        format(reference).map { run in
            switch run {
            case .plain(let text), .italic(let text), .link(let text): text
            }
        }.joined()
    }

    /// Belavý DL, Quittner MJ, Ridgers N, et al. Title. *Sci Rep*. 2017;7(1):45975. doi:10.1038/srep45975
    static func journalArticle(_ r: Reference) -> [StyledRun] {
        var runs: [StyledRun] = []
        if let authors = authorList(r.authors) { runs.append(.plain(authors + " ")) }
        if let title = r.title { runs.append(.plain(sentence(title) + " ")) }
        if let journal = r.containerTitleShort ?? r.containerTitle {
            runs.append(.italic(journal))
            runs.append(.plain(". "))
        }
        var locator = r.issued.map { "\($0.year)" } ?? ""
        if let volume = r.volume {
            locator += ";\(volume)"
            if let issue = r.issue { locator += "(\(issue))" }
        }
        if let pages = r.page ?? r.number { locator += ":\(pages)" }
        if !locator.isEmpty { runs.append(.plain(locator + ". ")) }
        if let doi = r.doi {
            runs.append(.plain("doi:"))
            runs.append(.link(doi))
        } else if let pmid = r.pmid {
            runs.append(.plain("PMID: \(pmid)"))
        } else if let url = r.url {
            appendAccessedAndURL(r, url, to: &runs)
        }
        return trimmed(runs)
    }

    /// Author. Title. Site. Published date. Updated date. Accessed date. URL
    static func webPage(_ r: Reference) -> [StyledRun] {
        var runs: [StyledRun] = []
        if let authors = authorList(r.authors) { runs.append(.plain(authors + " ")) }
        if let title = r.title { runs.append(.plain(sentence(title) + " ")) }
        if let site = r.containerTitle ?? r.publisher { runs.append(.plain(sentence(site) + " ")) }
        if let issued = r.issued { runs.append(.plain("Published \(amaDate(issued)). ")) }
        if let updated = r.updated { runs.append(.plain("Updated \(amaDate(updated)). ")) }
        if let url = r.url {
            appendAccessedAndURL(r, url, to: &runs)
        } else if let accessed = r.accessed {
            runs.append(.plain("Accessed \(amaDate(accessed)). "))
        }
        return trimmed(runs)
    }

    /// Author. *Title*. Publisher; Year.
    static func book(_ r: Reference) -> [StyledRun] {
        var runs: [StyledRun] = []
        if let authors = authorList(r.authors) { runs.append(.plain(authors + " ")) }
        if let title = r.title {
            runs.append(.italic(title))
            runs.append(.plain(". "))
        }
        let tail = [r.publisher, r.issued.map { "\($0.year)" }].compactMap { $0 }.joined(separator: "; ")
        if !tail.isEmpty { runs.append(.plain(tail + ". ")) }
        if let url = r.url { appendAccessedAndURL(r, url, to: &runs) }
        return trimmed(runs)
    }

    private static func appendAccessedAndURL(_ r: Reference, _ url: String, to runs: inout [StyledRun]) {
        if let accessed = r.accessed { runs.append(.plain("Accessed \(amaDate(accessed)). ")) }
        runs.append(.link(url))
    }

    /// AMA: up to six authors; more than six → the first three, then "et al".
    static func authorList(_ names: [CSLName]) -> String? {
        guard !names.isEmpty else { return nil }
        let shown = names.count > 6 ? Array(names.prefix(3)) : names
        var list = shown.map(amaName).joined(separator: ", ")
        if names.count > 6 { list += ", et al" }
        return list.hasSuffix(".") ? list : list + "."
    }

    /// "Belavý DL": family name, then given-name initials without periods.
    static func amaName(_ name: CSLName) -> String {
        if let literal = name.literal { return literal }
        let initials = (name.given ?? "")
            .split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
            .compactMap { $0.first.map { String($0).uppercased() } }
            .joined()
        return [name.family, initials.isEmpty ? nil : initials].compactMap { $0 }.joined(separator: " ")
    }

    /// "March 25, 2020", "March 2020" or "2020".
    static func amaDate(_ date: CSLDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        guard let month = date.month, (1...12).contains(month) else { return "\(date.year)" }
        guard let day = date.day else { return "\(months[month - 1]) \(date.year)" }
        return "\(months[month - 1]) \(day), \(date.year)"
    }

    private static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        guard let last = trimmed.last else { return trimmed }
        return ".?!".contains(last) ? trimmed : trimmed + "."
    }

    private static func trimmed(_ runs: [StyledRun]) -> [StyledRun] {
        guard case .plain(let text)? = runs.last else { return runs }
        return runs.dropLast() + [.plain(text.trimmingWhitespace)]
    }
}
