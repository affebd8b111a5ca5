/// The reference styles a site can choose with `citation-style` in `site.yml`.
public enum CitationStyle: String, Sendable, CaseIterable {
    /// AMA Manual of Style, 11th edition.
    case ama
    /// Vancouver: the NLM's *Citing Medicine*, 2nd edition.
    case vancouver

    var definition: StyleDefinition {
        switch self {
        case .ama: .ama
        case .vancouver: .vancouver
        }
    }
}

/// What kind of source an entry is, as far as formatting goes: CSL types map onto these.
enum SourceKind: Hashable, Sendable {
    case journal, magazine, newspaper, book, chapter, report, thesis, webpage, preprint, dataset, presentation

    init(_ reference: Reference) {
        switch reference.type {
        case "article-journal", "review", "review-book": self = .journal
        case "article-magazine": self = .magazine
        case "article-newspaper": self = .newspaper
        case "book", "classic", "collection", "periodical": self = .book
        case "chapter", "entry", "entry-dictionary", "entry-encyclopedia": self = .chapter
        case "paper-conference", "speech", "presentation":
            self = reference.containerTitle != nil ? .chapter : .presentation
        case "report", "standard", "regulation", "legislation", "pamphlet": self = .report
        case "thesis": self = .thesis
        case "preprint", "posted-content": self = .preprint
        case "article", "manuscript":
            // CSL's catch-all for unpublished work: a preprint when it says so or sits on a preprint server.
            let words = [reference.genre, reference.containerTitle, reference.publisher].compactMap { $0?.lowercased() }
            let isPreprint = words.contains { text in
                ["preprint", "rxiv", "ssrn", "research square"].contains { text.contains($0) }
            }
            self = isPreprint ? .preprint : .webpage
        case "dataset", "software": self = .dataset
        default: self = .webpage
        }
    }
}

/// One element of a reference, in the order a style lists them. The engine (`ReferenceFormatter`)
/// knows how to make each from the field model; a style only says which, in what order, and how.
enum Element: Hashable, Sendable {
    /// Authors; for a book with none, its editors ("…, eds.").
    case contributors
    /// The title, italic or roman, with a medium marker after it when the style uses them.
    case title(italic: Bool, marker: Marker?)
    /// A thesis's genre, as a sentence of its own ("PhD thesis.").
    case genre
    /// The journal, magazine, newspaper or preprint server.
    case container(italic: Bool, internetMarker: Bool)
    /// "In: Editors, eds. *Book*": a chapter's book, a paper's proceedings.
    case inContainer(italic: Bool)
    case edition
    /// A book's editors when it has authors too ("Moreau C, ed."); without authors they lead the entry.
    case secondaryEditors
    case version
    /// Place, publisher and date ("McGraw-Hill Education; 2018:111-123"); a web page's site here when
    /// the style puts it there.
    case publication(pagesAfterDate: Bool)
    /// The date alone, with the date it was read when online (a Vancouver preprint).
    case date
    /// A chapter's pages as a sentence of their own ("p. 93-113.").
    case chapterPages
    /// "2019;10(2):100-110", or "Published online March 15, 2024" for an article online first.
    case journalLocator
    /// A magazine's or newspaper's full date, then volume, issue and pages.
    case periodicalLocator
    /// A web page's site or publisher.
    case site
    /// "Published May 30, 2023. Updated …" (AMA web pages).
    case webDates
    /// "Preprint posted online May 20, 2020" (AMA).
    case preprintPosted
    /// A report's series and number.
    case reportNumber
    /// "Paper presented at: Meeting; October 2-6, 2023; Place".
    case event
    /// The DOI, else the URL (with the date it was read), in the style's words.
    case access

    enum Marker: Hashable, Sendable {
        /// "[Internet]" when the entry is read online (a URL and no DOI).
        case internet
        /// "[PhD thesis]": the genre, or the fallback.
        case genre(fallback: String)
        case fixed(String)
    }
}

/// A small declarative description of a reference style, interpreted by `ReferenceFormatter`.
struct StyleDefinition: Sendable {
    enum DateForm: Sendable {
        /// March 15, 2024
        case monthDayYear
        /// 2024 Mar 15
        case yearMonthDay
    }

    enum PageForm: Sendable {
        /// 632-644
        case expanded
        /// 632-44
        case minimal
    }

    /// More than `etAlMin` names: the first `etAlUseFirst`, then `etAl`.
    var etAlMin: Int
    var etAlUseFirst: Int
    var etAl: String
    /// Initials kept from the given names (nil: all).
    var maxInitials: Int?
    var editorLabel: (one: String, many: String)
    var dateForm: DateForm
    /// Whether a journal article shows its full date ("2002 Jul 25;347(4)") or the year alone.
    var journalFullDate: Bool
    var pages: PageForm
    /// Whether the place of publication is shown before the publisher.
    var showsPlace: Bool
    var doiPrefix: String
    /// Online sources read from a URL: AMA's "Accessed …. URL", or Vancouver's "[cited …]" and "Available from: URL".
    var citedInBrackets: Bool
    var accessedPrefix: String
    var availablePrefix: String
    var onlineFirst: (prefix: String, suffix: String)
    var reportNumberLabel: String
    var chapterPagesPrefix: String
    var newspaperPageSeparator: String
    /// How a supplement issue is written: AMA "(suppl 1)", Vancouver "(Suppl 1)".
    var supplementWord: String
    /// Whether italic titles (books, reports, theses, data sets, a chapter's book) are set in title case.
    var titleCaseItalicTitles: Bool
    var layouts: [SourceKind: [Element]]

    static let ama = StyleDefinition(
        etAlMin: 6, etAlUseFirst: 3, etAl: "et al", maxInitials: nil, editorLabel: ("ed.", "eds."),
        dateForm: .monthDayYear, journalFullDate: false, pages: .expanded, showsPlace: false, doiPrefix: "doi:",
        citedInBrackets: false, accessedPrefix: "Accessed ", availablePrefix: "",
        onlineFirst: ("Published online ", ""), reportNumberLabel: "Report No. ", chapterPagesPrefix: "",
        newspaperPageSeparator: ":", supplementWord: "suppl", titleCaseItalicTitles: true,
        layouts: [
            .journal: [.contributors, .title(italic: false, marker: nil), .container(italic: true, internetMarker: false),
                       .journalLocator, .access],
            .magazine: [.contributors, .title(italic: false, marker: nil), .container(italic: true, internetMarker: false),
                        .periodicalLocator, .access],
            .newspaper: [.contributors, .title(italic: false, marker: nil), .container(italic: true, internetMarker: false),
                         .periodicalLocator, .access],
            .book: [.contributors, .title(italic: true, marker: nil), .edition, .secondaryEditors,
                    .publication(pagesAfterDate: false), .access],
            .chapter: [.contributors, .title(italic: false, marker: nil), .inContainer(italic: true), .edition,
                       .publication(pagesAfterDate: true), .access],
            .report: [.contributors, .title(italic: true, marker: nil), .publication(pagesAfterDate: false), .reportNumber,
                      .access],
            .thesis: [.contributors, .title(italic: true, marker: nil), .genre, .publication(pagesAfterDate: false), .access],
            .webpage: [.contributors, .title(italic: false, marker: nil), .site, .webDates, .access],
            .preprint: [.contributors, .title(italic: false, marker: nil), .container(italic: true, internetMarker: false),
                        .preprintPosted, .access],
            .dataset: [.contributors, .title(italic: true, marker: nil), .version, .publication(pagesAfterDate: false),
                       .access],
            .presentation: [.contributors, .title(italic: false, marker: nil), .event, .access],
        ])

    static let vancouver = StyleDefinition(
        etAlMin: 6, etAlUseFirst: 6, etAl: "et al.", maxInitials: 2, editorLabel: ("editor", "editors"),
        dateForm: .yearMonthDay, journalFullDate: true, pages: .minimal, showsPlace: true, doiPrefix: "doi: ",
        citedInBrackets: true, accessedPrefix: "", availablePrefix: "Available from: ",
        onlineFirst: ("", " [Epub ahead of print]"), reportNumberLabel: "Report No.: ", chapterPagesPrefix: "p. ",
        newspaperPageSeparator: ";", supplementWord: "Suppl", titleCaseItalicTitles: false,
        layouts: [
            .journal: [.contributors, .title(italic: false, marker: nil), .container(italic: false, internetMarker: true),
                       .journalLocator, .access],
            .magazine: [.contributors, .title(italic: false, marker: nil), .container(italic: false, internetMarker: true),
                        .periodicalLocator, .access],
            .newspaper: [.contributors, .title(italic: false, marker: nil), .container(italic: false, internetMarker: true),
                         .periodicalLocator, .access],
            .book: [.contributors, .title(italic: false, marker: .internet), .edition, .secondaryEditors,
                    .publication(pagesAfterDate: false), .access],
            .chapter: [.contributors, .title(italic: false, marker: nil), .inContainer(italic: false), .edition,
                       .publication(pagesAfterDate: false), .chapterPages, .access],
            .report: [.contributors, .title(italic: false, marker: .internet), .publication(pagesAfterDate: false),
                      .reportNumber, .access],
            .thesis: [.contributors, .title(italic: false, marker: .genre(fallback: "dissertation")),
                      .publication(pagesAfterDate: false), .access],
            .webpage: [.contributors, .title(italic: false, marker: .internet), .publication(pagesAfterDate: false), .access],
            .preprint: [.contributors, .title(italic: false, marker: .fixed("Preprint")),
                        .container(italic: false, internetMarker: false), .date, .access],
            .dataset: [.contributors, .title(italic: false, marker: .fixed("dataset")), .version,
                       .publication(pagesAfterDate: false), .access],
            .presentation: [.contributors, .title(italic: false, marker: nil), .event, .access],
        ])
}
