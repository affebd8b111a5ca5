import Diagnostics

/// A person or organisation credited in a CSL-JSON entry, with the name parts CSL keeps apart:
/// `{"family": "Windt", "non-dropping-particle": "van der", "given": "Daniëlle A. W. M."}`.
public struct CSLName: Hashable, Sendable {
    public var family: String?
    public var given: String?
    /// An organisation or a name that should not be split.
    public var literal: String?
    /// "van der" in "van der Windt": printed before the family name, and kept with it.
    public var nonDroppingParticle: String?
    /// "de" in "Jean de La Fontaine" when written apart from the family name; printed before it too.
    public var droppingParticle: String?
    /// "Jr", "III": printed after the initials.
    public var suffix: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil, nonDroppingParticle: String? = nil,
                droppingParticle: String? = nil, suffix: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
        self.nonDroppingParticle = nonDroppingParticle
        self.droppingParticle = droppingParticle
        self.suffix = suffix
    }
}

/// A CSL date: year, and month and day when known; or a season; or a range; or words kept as written.
public struct CSLDate: Hashable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    /// 1 spring, 2 summer, 3 autumn, 4 winter (CSL's months 21–24, or `"season"`).
    public var season: Int?
    /// The last day of a range (`[[2023, 10, 2], [2023, 10, 6]]`, or `2023-10-02/2023-10-06`).
    public var end: Bound?
    /// A date that is not a calendar date ("Spring 2019 supplement"), printed as written.
    public var literal: String?

    /// The end of a range: a year, and month and day when known.
    public struct Bound: Hashable, Sendable {
        public var year: Int
        public var month: Int?
        public var day: Int?

        public init(year: Int, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil, season: Int? = nil, end: Bound? = nil, literal: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.season = season
        self.end = end
        self.literal = literal
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
    /// The title as plain text (rich-text tags removed): for checks, search and structured data.
    public var title: String?
    /// The title with CSL's rich text (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">`), when it has any.
    public var titleRuns: [StyledRun]?
    public var authors: [CSLName]
    public var editors: [CSLName] = []
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
    public var publisherPlace: String?
    /// `"20"`, `20` or `"2nd"`.
    public var edition: String?
    /// A thesis's "PhD thesis", a report's series ("NIH publication"), a preprint's "Preprint".
    public var genre: String?
    /// A data set's or program's version.
    public var version: String?
    /// The conference a paper was presented at, where and when.
    public var event: String?
    public var eventPlace: String?
    public var eventDate: CSLDate?
    /// One ISBN, or several as Zotero writes them ("9780071825009 0071825002").
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

    /// Each entry formatted in `style`, made once: every page that cites an entry lists it.
    private var formatted: [CitationKey: [StyledRun]] = [:]
    public private(set) var style: CitationStyle

    public init(_ entries: [Reference] = [], style: CitationStyle = .ama) {
        self.style = style
        for entry in entries where index[entry.id] == nil {
            index[entry.id] = self.entries.count
            self.entries.append(entry)
            formatted[entry.id] = ReferenceFormatter.format(entry, style: style)
        }
    }

    /// The same entries formatted in another style (itself when the style is the same).
    public func styled(_ style: CitationStyle) -> Bibliography {
        style == self.style ? self : Bibliography(entries, style: style)
    }

    /// The entry in the bibliography's style.
    public func formatted(_ key: CitationKey) -> [StyledRun]? { formatted[key] }

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
