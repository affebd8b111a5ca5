import Diagnostics

/// A person or organisation credited in a CSL-JSON entry.
public struct CSLName: Hashable, Sendable {
    public var family: String?
    public var given: String?
    /// An organisation or a name that should not be split.
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
    }
}

/// A CSL date: year, and month and day when known.
public struct CSLDate: Hashable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The full date, when day and month are both known and valid.
    public var fullDay: Day? {
        guard let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// One bibliography entry from `seeds/references.json` (CSL-JSON, as Zotero exports and Pandoc reads).
public struct Reference: Sendable {
    public var id: CitationKey
    /// The CSL type: `article-journal`, `webpage`, `book`, `report`, `article`…
    public var type: String
    public var title: String?
    public var authors: [CSLName]
    public var containerTitle: String?
    public var containerTitleShort: String?
    public var volume: String?
    public var issue: String?
    /// Article number (CSL `number`), used by online-only journals instead of pages.
    public var number: String?
    public var page: String?
    public var issued: CSLDate?
    public var updated: CSLDate?
    public var accessed: CSLDate?
    public var doi: String?
    public var pmid: String?
    public var pmcid: String?
    public var url: String?
    public var publisher: String?
    public var isbn: String?
    public var note: String?
    /// Where the entry starts in `references.json`.
    public var location: SourceLocation
    /// Where each CSL field's value is written, so a check can point at the DOI itself.
    public var fieldLocations: [String: SourceLocation] = [:]

    public init(id: CitationKey, type: String, location: SourceLocation) {
        self.id = id
        self.type = type
        self.authors = []
        self.location = location
    }

    /// The location of a CSL field (`"DOI"`, `"URL"`…), or of the entry when the field is absent.
    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }
}

/// All entries, in file order, with lookup by key.
public struct Bibliography: Sendable {
    public private(set) var entries: [Reference] = []
    private var index: [CitationKey: Int] = [:]

    /// Each entry's AMA formatting, made once: every page that cites an entry lists it.
    private var formatted: [CitationKey: [StyledRun]] = [:]

    public init(_ entries: [Reference] = []) {
        for entry in entries where index[entry.id] == nil {
            index[entry.id] = self.entries.count
            self.entries.append(entry)
            formatted[entry.id] = AMAFormatter.format(entry)
        }
    }

    /// The entry in AMA style.
    public func ama(_ key: CitationKey) -> [StyledRun]? { formatted[key] }

    public subscript(key: CitationKey) -> Reference? {
        index[key].map { entries[$0] }
    }

    /// Whether an entry has this key, without copying the entry out as the subscript does: every
    /// citation of every page is checked.
    public func contains(_ key: CitationKey) -> Bool { index[key] != nil }

    /// An entry's DOI, read in place.
    public func doi(of key: CitationKey) -> String? { index[key].flatMap { entries[$0].doi } }

    public var keys: [CitationKey] { entries.map(\.id) }
}

/// `seeds/sources/<key>.yml`: a document the content was adapted from, and what was taken from it.
public struct SourceRecord: Sendable {
    public var reference: Located<CitationKey>
    public var file: String?
    public var description: String
    public var facts: [String]
    public var usedBy: [Located<String>]
    public var recordFile: String

    public init(reference: Located<CitationKey>, file: String?, description: String, facts: [String],
                usedBy: [Located<String>], recordFile: String) {
        self.reference = reference
        self.file = file
        self.description = description
        self.facts = facts
        self.usedBy = usedBy
        self.recordFile = recordFile
    }
}
