import Foundation

/// What a DOI resolver (CSL-JSON) or PubMed (`esummary`) says a paper is: the fields a reference is compared on.
public struct RemoteWork: Sendable, Equatable {
    public var title: String?
    public var subtitle: String?
    public var firstFamily: String?
    public var authorCount = 0
    /// Every year the record gives (issued, in print, online first), the first the main one.
    public var years: [Int] = []
    /// The journal's names: full title and abbreviations.
    public var journals: [String] = []
    public var doi: String?
    public var pmid: String?
    public var pmcid: String?
    /// PubMed's publication types ("Retracted Publication"…).
    public var publicationTypes: [String] = []

    public init() {}

    /// "'Title' by Smith et al., Journal, 2019", for messages.
    public var summary: String {
        var parts: [String] = []
        let fullTitle = [title, subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        parts.append(fullTitle.isEmpty ? "an untitled record" : "'\(TitleMatching.plain(fullTitle))'")
        if let firstFamily { parts[0] += " by \(firstFamily)\(authorCount > 1 ? " et al." : "")" }
        if let journal = journals.first { parts.append(journal) }
        if let year = years.first { parts.append(String(year)) }
        return parts.joined(separator: ", ")
    }

    /// A CSL-JSON item, as a DOI resolver answers `Accept: application/vnd.citationstyles.csl+json`.
    public static func csl(_ data: Data) -> RemoteWork? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return csl(object)
    }

    static func csl(_ object: [String: Any]) -> RemoteWork {
        var work = RemoteWork()
        work.title = firstString(object["title"])
        work.subtitle = firstString(object["subtitle"])
        if let authors = object["author"] as? [[String: Any]], let first = authors.first {
            work.firstFamily = (first["family"] as? String) ?? (first["literal"] as? String) ?? (first["name"] as? String)
            work.authorCount = authors.count
        }
        for field in ["issued", "published-print", "published-online", "published"] {
            if let year = year(object[field]), !work.years.contains(year) { work.years.append(year) }
        }
        for field in ["container-title", "container-title-short", "journalAbbreviation", "short-container-title"] {
            if let name = firstString(object[field]), !name.isEmpty, !work.journals.contains(name) { work.journals.append(name) }
        }
        work.doi = object["DOI"] as? String
        work.pmid = (object["PMID"] as? String) ?? (object["PMID"] as? NSNumber)?.stringValue
        work.pmcid = object["PMCID"] as? String
        return work
    }

    /// One record of an E-utilities `esummary` answer (`retmode=json`), or nil when PubMed has none for `pmid`.
    public static func esummary(_ data: Data, pmid: String) -> RemoteWork? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let result = object["result"] as? [String: Any], let record = result[pmid] as? [String: Any],
              record["error"] == nil, record["title"] != nil else { return nil }
        var work = RemoteWork()
        work.title = record["title"] as? String
        if let authors = record["authors"] as? [[String: Any]] {
            let people = authors.filter { ($0["authtype"] as? String ?? "Author") == "Author" }
            work.authorCount = people.count
            if let name = people.first?["name"] as? String { work.firstFamily = familyOfPubMedName(name) }
        }
        for field in ["pubdate", "epubdate", "sortpubdate"] {
            if let text = record[field] as? String, let year = Int(text.prefix(4)), !work.years.contains(year) { work.years.append(year) }
        }
        for field in ["fulljournalname", "source"] {
            if let name = record[field] as? String, !name.isEmpty { work.journals.append(name) }
        }
        work.pmid = pmid
        for id in record["articleids"] as? [[String: Any]] ?? [] {
            switch id["idtype"] as? String {
            case "doi": work.doi = id["value"] as? String
            case "pmc": work.pmcid = id["value"] as? String
            default: break
            }
        }
        work.publicationTypes = record["pubtype"] as? [String] ?? []
        return work
    }

    /// "Belavý DL" → "Belavý"; "van der Windt DA" → "van der Windt"; a group name stays whole.
    static func familyOfPubMedName(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        if words.count > 1, let last = words.last, last.count <= 4, last.allSatisfy({ $0.isUppercase }) { words.removeLast() }
        return words.joined(separator: " ")
    }

    static func firstString(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        return (value as? [Any])?.first as? String
    }

    static func year(_ value: Any?) -> Int? {
        guard let date = value as? [String: Any] else { return nil }
        if let parts = date["date-parts"] as? [[Any]], let first = parts.first?.first {
            if let year = first as? Int { return year }
            if let year = first as? NSNumber { return year.intValue }
            if let text = first as? String { return Int(text) }
        }
        if let raw = (date["raw"] as? String) ?? (date["literal"] as? String) { return Int(raw.prefix(4)) }
        return nil
    }
}

/// Notices Crossref records against a work (`updated-by` in `works/{DOI}`: retractions, expressions of
/// concern, corrections), from publishers and from Retraction Watch.
public struct UpdateNotice: Sendable, Equatable {
    public var type: String
    public var doi: String?
    public var source: String?
    public var year: Int?

    /// Withdrawn from the record: cite it no more.
    public var isRetraction: Bool { ["retraction", "withdrawal", "removal", "partial_retraction"].contains(type) }
    public var isExpressionOfConcern: Bool { type == "expression_of_concern" }

    /// The `updated-by` notices of a Crossref REST `works/{DOI}` answer.
    public static func crossref(_ data: Data) -> [UpdateNotice] {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let message = object["message"] as? [String: Any] else { return [] }
        return (message["updated-by"] as? [[String: Any]] ?? []).compactMap { notice in
            guard let type = notice["type"] as? String else { return nil }
            return UpdateNotice(type: type.lowercased().replacingOccurrences(of: "-", with: "_"),
                                doi: notice["DOI"] as? String, source: notice["source"] as? String,
                                year: RemoteWork.year(notice["updated"]))
        }
    }
}

/// Comparing what an entry says with what the record says, forgiving what editors forgive.
public enum TitleMatching {
    /// How alike two normalised texts are: 1 the same, 0 nothing alike (edit distance over the longer length).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let longest = max(x.count, y.count)
        guard longest > 0 else { return 1 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        let distance = x.isEmpty ? y.count : previous[y.count]
        return 1 - Double(distance) / Double(longest)
    }

    /// Text without HTML or JATS tags and with the common entities decoded.
    public static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " ")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Lowercase, without accents, tags or punctuation, "&" read as "and", single spaces.
    public static func normalised(_ text: String) -> String {
        let folded = plain(text).replacingOccurrences(of: "&", with: " and ")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var word = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The title before its subtitle (text before the first ':', '?' kept, or ' - ').
    static func mainTitle(_ text: String) -> String {
        let plainText = plain(text)
        for separator in [": ", " - ", " — ", ". "] {
            if let range = plainText.range(of: separator) { return String(plainText[..<range.lowerBound]) }
        }
        return plainText
    }

    public enum Verdict: Equatable {
        case same
        /// One has a subtitle the other lacks, or the subtitles differ.
        case subtitle
        case different
    }

    /// Compares an entry's title with a record's (title, and subtitle when the record keeps it apart).
    public static func compare(_ entry: String, _ record: String, recordSubtitle: String? = nil, threshold: Double = 0.9) -> Verdict {
        let mine = normalised(entry)
        var theirs = [normalised(record)]
        if let recordSubtitle, !recordSubtitle.isEmpty { theirs.append(normalised(record + ": " + recordSubtitle)) }
        if theirs.contains(where: { $0 == mine || similarity($0, mine) >= threshold }) { return .same }
        let myMain = normalised(mainTitle(entry)), theirMain = normalised(mainTitle(record))
        let mains = [(myMain, theirs[0]), (mine, theirMain), (myMain, theirMain)]
        if mains.contains(where: { !$0.0.isEmpty && !$0.1.isEmpty && ($0.0 == $0.1 || similarity($0.0, $0.1) >= threshold) }) {
            return .subtitle
        }
        return .different
    }

    /// Family names, forgiving accents, case, particles ("van der") and hyphens.
    public static func sameFamily(_ a: String, _ b: String) -> Bool {
        let x = normalised(a).replacingOccurrences(of: " ", with: ""), y = normalised(b).replacingOccurrences(of: " ", with: "")
        guard !x.isEmpty, !y.isEmpty else { return true }
        return x == y || x.hasSuffix(y) || y.hasSuffix(x) || normalised(a).split(separator: " ").contains { normalised(b).split(separator: " ").contains($0) && $0.count > 3 }
    }

    private static let minorWords: Set<String> = ["of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "und", "der", "fur", "to"]

    /// Journal names: the same after normalising, or one the NLM-style abbreviation of the other
    /// ("J Orthop Sports Phys Ther" for "Journal of Orthopaedic & Sports Physical Therapy").
    public static func sameJournal(_ a: String, _ b: String) -> Bool {
        let x = normalised(a), y = normalised(b)
        if x == y || similarity(x, y) >= 0.9 { return true }
        let xs = x.split(separator: " ").filter { !minorWords.contains(String($0)) }
        let ys = y.split(separator: " ").filter { !minorWords.contains(String($0)) }
        guard xs.count == ys.count, !xs.isEmpty else { return false }
        return zip(xs, ys).allSatisfy { abbreviates($0.0, $0.1) || abbreviates($0.1, $0.0) }
    }

    /// "orthop" abbreviates "orthopaedic"; "phys" abbreviates "physical" and "physiotherapy".
    private static func abbreviates(_ short: Substring, _ long: Substring) -> Bool {
        if long.hasPrefix(short) { return true }
        // "ther" for "therapy", "orthop" for "orthopedic" and "orthopaedic": the letters in order, same first letter.
        guard short.first == long.first else { return false }
        var rest = long[...]
        for character in short {
            guard let index = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: index)...]
        }
        return true
    }
}
