import ContentModel
import Foundation

/// An identifier given to `salve cite add`: a DOI (also as `doi:…` or a doi.org address) or a PMID.
public enum PaperIdentifier: Sendable, Equatable, CustomStringConvertible {
    case doi(String)
    case pmid(String)

    public init?(_ text: String) {
        var value = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:", "doi: "] where value.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            if let decoded = value.removingPercentEncoding { value = decoded }
        }
        for prefix in ["pmid:", "PMID:", "PMID "] where value.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        if Identifiers.doiProblem(value) == nil {
            self = .doi(value)
        } else if Identifiers.isValidPMID(value) {
            self = .pmid(value)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .doi(let doi): return "DOI \(doi)"
        case .pmid(let pmid): return "PMID \(pmid)"
        }
    }
}

/// A JSON value that keeps its objects' key order, so entries are written in a fixed, readable order.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.number(let x), .number(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var string: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .array(let values): return values.first?.string
        case .object: return nil
        }
    }

    /// From JSONSerialization's output; booleans and nulls are dropped (no CSL field kept here uses them).
    static func from(_ value: Any) -> JSONValue? {
        switch value {
        case let text as String: return .string(text)
        case let number as NSNumber:
            let double = number.doubleValue
            return .number(double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double))
        case let values as [Any]: return .array(values.compactMap(from))
        case let object as [String: Any]:
            return .object(object.keys.sorted().compactMap { key in from(object[key]!).map { (key, $0) } })
        default: return nil
        }
    }

    /// Compact JSON, with a space after ':' and ',' as the project's files have.
    public var compact: String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .array(let values): return "[" + values.map(\.compact).joined(separator: ", ") + "]"
        case .object(let pairs): return "{" + pairs.map { Self.quoted($0.0) + ": " + $0.1.compact }.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// `salve cite add`: CSL-JSON for DOIs and PMIDs, made into entries of `seeds/references.json`.
public enum CitationAdder {
    /// The CSL fields kept, in the order they are written; the rest (funders, licences, reference
    /// lists, counts) are what Crossref knows, not what a reference list needs.
    static let fieldOrder = ["id", "type", "author", "editor", "title", "container-title", "container-title-short",
                             "volume", "issue", "page", "number", "issued", "publisher", "publisher-place", "edition",
                             "genre", "ISBN", "DOI", "PMID", "PMCID", "URL"]
    static let nameFields = ["family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal"]
    /// Crossref's own type names, when a resolver gives them instead of CSL's.
    static let typeNames = ["journal-article": "article-journal", "book-chapter": "chapter", "proceedings-article": "paper-conference",
                            "posted-content": "article", "monograph": "book", "edited-book": "book", "reference-entry": "entry-encyclopedia"]

    /// The entry for a resolver's CSL-JSON answer, trimmed to the fields a reference needs (without an `id`).
    public static func entry(fromCSL data: Data) -> [(String, JSONValue)]? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        var fields: [String: JSONValue] = [:]
        for (key, value) in object {
            let name = key == "journalAbbreviation" || key == "short-container-title" ? "container-title-short"
                : key == "article-number" ? "number" : key
            guard fieldOrder.contains(name), name != "id", fields[name] == nil || key == name, let converted = JSONValue.from(value) else { continue }
            fields[name] = converted
        }
        if let type = fields["type"]?.string { fields["type"] = .string(typeNames[type] ?? type) }
        // Titles and journal names come as one string, or as a list holding one.
        for key in ["title", "container-title", "container-title-short", "publisher"] {
            if let text = fields[key]?.string { fields[key] = text.isEmpty ? nil : .string(key == "title" ? cleanTitle(text) : text) } else { fields[key] = nil }
        }
        if let title = fields["title"]?.string, let subtitle = RemoteWork.firstString(object["subtitle"]), !subtitle.isEmpty,
           !TitleMatching.normalised(title).contains(TitleMatching.normalised(subtitle)) {
            fields["title"] = .string(title + ": " + cleanTitle(subtitle))
        }
        for key in ["author", "editor"] {
            guard case .array(let names)? = fields[key] else { continue }
            fields[key] = .array(names.compactMap { name in
                guard case .object(let parts) = name else { return nil }
                let kept = nameFields.compactMap { field in parts.first { $0.0 == field } }
                return kept.isEmpty ? nil : .object(kept)
            })
        }
        if case .object(let date)? = fields["issued"] {
            let parts = date.first { $0.0 == "date-parts" }
            fields["issued"] = parts.map { .object([$0]) } ?? .object(date)
        } else if let date = ["published-print", "published-online", "published"].lazy.compactMap({ object[$0] }).first.flatMap(JSONValue.from) {
            fields["issued"] = date
        }
        // A doi.org address adds nothing to the DOI (which is printed instead), and would be checked twice.
        if let url = fields["URL"]?.string, url.contains("doi.org/") { fields["URL"] = nil }
        for key in ["volume", "issue", "page", "number"] {
            if let value = fields[key], case .number(let text) = value { fields[key] = .string(text) }
        }
        return fieldOrder.compactMap { key in fields[key].map { (key, $0) } }
    }

    /// A journal-article entry from a PubMed `esummary` record, for papers without a DOI.
    public static func entry(fromESummary data: Data, pmid: String) -> [(String, JSONValue)]? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let result = object["result"] as? [String: Any], let record = result[pmid] as? [String: Any],
              record["error"] == nil, let title = record["title"] as? String else { return nil }
        var fields: [(String, JSONValue)] = [("type", .string("article-journal"))]
        let authors = (record["authors"] as? [[String: Any]] ?? []).filter { ($0["authtype"] as? String ?? "Author") == "Author" }
        let names: [JSONValue] = authors.compactMap { author in
            guard let name = author["name"] as? String else { return nil }
            let family = RemoteWork.familyOfPubMedName(name)
            let initials = name.dropFirst(family.count).trimmingCharacters(in: .whitespaces)
            return initials.isEmpty ? .object([("literal", .string(name))]) : .object([("family", .string(family)), ("given", .string(initials))])
        }
        if !names.isEmpty { fields.append(("author", .array(names))) }
        var plainTitle = title.trimmingCharacters(in: .whitespaces)
        if plainTitle.hasSuffix(".") { plainTitle.removeLast() }
        fields.append(("title", .string(plainTitle)))
        if let journal = record["fulljournalname"] as? String, !journal.isEmpty { fields.append(("container-title", .string(journal))) }
        if let short = record["source"] as? String, !short.isEmpty { fields.append(("container-title-short", .string(short))) }
        for (key, field) in [("volume", "volume"), ("issue", "issue"), ("pages", "page")] {
            if let value = record[key] as? String, !value.isEmpty { fields.append((field, .string(value))) }
        }
        if let date = record["pubdate"] as? String, let year = Int(date.prefix(4)) {
            var parts: [JSONValue] = [.number(String(year))]
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let words = date.split(separator: " ")
            if words.count > 1, let month = months.firstIndex(of: String(words[1])) {
                parts.append(.number(String(month + 1)))
                if words.count > 2, let day = Int(words[2]) { parts.append(.number(String(day))) }
            }
            fields.append(("issued", .object([("date-parts", .array([.array(parts)]))])))
        }
        fields.append(("PMID", .string(pmid)))
        for id in record["articleids"] as? [[String: Any]] ?? [] where id["idtype"] as? String == "pmc" {
            if let value = id["value"] as? String { fields.append(("PMCID", .string(value))) }
        }
        return fields
    }

    /// Sets a field, keeping the written order.
    public static func setting(_ key: String, _ value: JSONValue, in fields: [(String, JSONValue)]) -> [(String, JSONValue)] {
        var result = fields.filter { $0.0 != key }
        result.append((key, value))
        return fieldOrder.flatMap { name in result.filter { $0.0 == name } } + result.filter { !fieldOrder.contains($0.0) }
    }

    /// JATS markup as CSL rich text: italics, bold, sub- and superscripts kept, other tags removed.
    static func cleanTitle(_ title: String) -> String {
        var text = title
        for (jats, csl) in [("italic", "i"), ("bold", "b"), ("sub", "sub"), ("sup", "sup")] {
            text = text.replacingOccurrences(of: "<jats:\(jats)>", with: "<\(csl)>").replacingOccurrences(of: "</jats:\(jats)>", with: "</\(csl)>")
        }
        text = text.replacingOccurrences(of: "</?jats:[^>]*>", with: "", options: .regularExpression)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A key in the project's style: the first author's family name and the year, lowercase ASCII
    /// (`belavy2017`), with `a`, `b`… added when the key is taken.
    public static func key(for fields: [(String, JSONValue)], taken: Set<String>) -> String {
        func value(_ key: String) -> JSONValue? { fields.first { $0.0 == key }?.1 }
        var stem = ""
        if case .array(let names)? = value("author") ?? value("editor"), let first = names.first {
            if let family = first["family"]?.string {
                stem = family
            } else if let literal = first["literal"]?.string {
                stem = literal.split(separator: " ").first.map(String.init) ?? literal
            }
        }
        if ascii(stem).isEmpty, let title = value("title")?.string {
            stem = TitleMatching.normalised(title).split(separator: " ").first { !["a", "an", "the", "of", "on"].contains($0) }.map(String.init) ?? ""
        }
        var base = ascii(stem)
        if base.isEmpty { base = "ref" }
        if case .object(let date)? = value("issued"), let parts = date.first(where: { $0.0 == "date-parts" })?.1,
           case .array(let rows) = parts, case .array(let first)? = rows.first, let year = first.first?.string {
            base += year
        }
        if !taken.contains(base) { return base }
        for letter in "abcdefghijklmnopqrstuvwxyz" where !taken.contains(base + String(letter)) { return base + String(letter) }
        var number = 2
        while taken.contains(base + "-\(number)") { number += 1 }
        return base + "-\(number)"
    }

    /// Lowercase ASCII letters and digits: "Belavý" → "belavy", "O'Sullivan" → "osullivan".
    static func ascii(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "đ", with: "d")
        return String(folded.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// What an existing bibliography holds: ids, and which id has each DOI (lowercased) and PMID.
    public struct Existing: Sendable {
        public var ids: Set<String> = []
        public var keyByDOI: [String: String] = [:]
        public var keyByPMID: [String: String] = [:]
    }

    public enum FileProblem: Error, CustomStringConvertible {
        case notAnArray
        case invalidJSON(String)

        public var description: String {
            switch self {
            case .notAnArray: return "it is not a JSON array of entries"
            case .invalidJSON(let reason): return "it is not valid JSON: \(reason)"
            }
        }
    }

    public static func existing(in text: String) throws -> Existing {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw FileProblem.invalidJSON(error.localizedDescription)
        }
        guard let entries = parsed as? [Any] else { throw FileProblem.notAnArray }
        var existing = Existing()
        for case let entry as [String: Any] in entries {
            guard let id = entry["id"] as? String ?? (entry["id"] as? NSNumber)?.stringValue else { continue }
            existing.ids.insert(id)
            if let doi = entry["DOI"] as? String { existing.keyByDOI[doi.lowercased()] = existing.keyByDOI[doi.lowercased()] ?? id }
            if let pmid = entry["PMID"] as? String ?? (entry["PMID"] as? NSNumber)?.stringValue {
                existing.keyByPMID[pmid] = existing.keyByPMID[pmid] ?? id
            }
        }
        return existing
    }

    /// `text` with `entries` appended before the array's closing `]`, in the file's own layout: its
    /// indentation and line endings, one field a line when its entries are written so, or one line for a
    /// file written on one line. Nothing before the insertion point changes.
    public static func appending(_ entries: [[(String, JSONValue)]], to text: String) throws -> String {
        guard !entries.isEmpty else { return text }
        guard let close = text.lastIndex(of: "]") else { throw FileProblem.notAnArray }
        let before = text[..<close]
        guard let last = before.lastIndex(where: { !$0.isWhitespace }) else { throw FileProblem.notAnArray }
        let empty = text[last] == "["
        // Split on scalars: "\r\n" is one Character, which "\n" would not match.
        let newline = text.utf8.contains(13) ? "\r\n" : "\n"
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        let multiline = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count > 2
        var inserted = ""
        if multiline || empty {
            // The entries' indentation, and their fields', as the file has them (two and four spaces by default).
            let entryIndent = lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{") }
                .map { String($0.prefix { $0 == " " || $0 == "\t" }) } ?? "  "
            let fieldIndent = lines.first { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("\"") && line.prefix { $0 == " " || $0 == "\t" }.count > entryIndent.count
            }.map { String($0.prefix { $0 == " " || $0 == "\t" }) } ?? entryIndent + (entryIndent.hasPrefix("\t") ? "\t" : "  ")
            let inner = fieldIndent + String(fieldIndent.dropFirst(entryIndent.count))
            let oneLineEntries = multiline && !lines.contains { $0.hasPrefix(fieldIndent) && $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"") }
            let written = entries.map { fields -> String in
                if oneLineEntries { return entryIndent + JSONValue.object(fields).compact }
                let body = fields.map { key, value -> String in
                    if (key == "author" || key == "editor"), case .array(let names) = value, !names.isEmpty {
                        return fieldIndent + JSONValue.quoted(key) + ": [" + newline
                            + names.map { inner + $0.compact }.joined(separator: "," + newline) + newline + fieldIndent + "]"
                    }
                    return fieldIndent + JSONValue.quoted(key) + ": " + value.compact
                }
                return entryIndent + "{" + newline + body.joined(separator: "," + newline) + newline + entryIndent + "}"
            }.joined(separator: "," + newline)
            inserted = (empty ? newline : "," + newline) + written
            // Keep what followed the last entry (its newline and the bracket's indentation).
            let tail = text[text.index(after: last)..<close]
            return String(text[...last]) + inserted + (tail.unicodeScalars.contains("\n") ? String(tail) : newline) + String(text[close...])
        }
        inserted = entries.map { ", " + JSONValue.object($0).compact }.joined()
        return String(text[...last]) + inserted + String(text[text.index(after: last)...])
    }
}

extension CitationAdder {
    public enum Lookup: Sendable {
        case found([(String, JSONValue)])
        /// The service has no such identifier.
        case notFound(String)
        /// No usable answer.
        case failed(String)
    }

    /// The entry for an identifier: a DOI's CSL-JSON from the resolver; a PMID's PubMed record, and
    /// the CSL-JSON of its DOI when it has one (richer, with full names), with the PMID and PMCID added.
    public static func lookUp(_ identifier: PaperIdentifier, client: MetadataClient) async -> Lookup {
        switch identifier {
        case .doi(let doi):
            return await lookUpDOI(doi, client: client)
        case .pmid(let pmid):
            switch await client.get(client.esummaryURL(pmid: pmid), accept: MetadataClient.json) {
            case .answer(let answer) where answer.status == 200:
                guard let fields = entry(fromESummary: answer.body, pmid: pmid), let work = RemoteWork.esummary(answer.body, pmid: pmid) else {
                    return .notFound("PubMed has no record with PMID \(pmid)")
                }
                if let doi = work.doi, case .found(var viaDOI) = await lookUpDOI(doi, client: client) {
                    viaDOI = setting("PMID", .string(pmid), in: viaDOI)
                    if let pmcid = work.pmcid { viaDOI = setting("PMCID", .string(pmcid), in: viaDOI) }
                    return .found(viaDOI)
                }
                return .found(fields)
            case .answer(let answer):
                return .failed("PubMed answered \(answer.status) for PMID \(pmid)")
            case .failed(let reason):
                return .failed("PubMed could not be reached for PMID \(pmid): \(reason)")
            }
        }
    }

    static func lookUpDOI(_ doi: String, client: MetadataClient) async -> Lookup {
        switch await client.get(client.resolverURL(doi: doi), accept: MetadataClient.cslJSON) {
        case .answer(let answer) where answer.status == 200:
            guard var fields = entry(fromCSL: answer.body), !fields.isEmpty else {
                return .failed("the DOI resolver's answer for \(doi) is not CSL-JSON")
            }
            if !fields.contains(where: { $0.0 == "DOI" }) { fields = setting("DOI", .string(doi), in: fields) }
            if !fields.contains(where: { $0.0 == "type" }) { fields = setting("type", .string("article-journal"), in: fields) }
            return .found(fields)
        case .answer(let answer) where answer.status == 404:
            return .notFound("no DOI \(doi) is registered: the resolver answered 404")
        case .answer(let answer):
            return .failed("the DOI resolver answered \(answer.status) for \(doi)")
        case .failed(let reason):
            return .failed("the DOI resolver could not be reached for \(doi): \(reason)")
        }
    }
}
