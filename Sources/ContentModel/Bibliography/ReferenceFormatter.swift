/// Formats a reference in a citation style: one engine over one field model, interpreting the
/// style's small declarative description (`StyleDefinition`) element by element.
public enum ReferenceFormatter {
    public static func format(_ reference: Reference, style: CitationStyle) -> [StyledRun] {
        // Never invent a title: say plainly that the source's details were not recorded.
        if reference.title == nil && reference.authors.isEmpty && reference.editors.isEmpty && reference.containerTitle == nil
            && reference.url == nil && reference.doi == nil {
            return [.plain("[Untitled source document; its title, author, publisher and date were not recorded.]")]
        }
        let definition = style.definition
        let kind = SourceKind(reference)
        let context = Context(reference: reference, style: definition, kind: kind)
        var output = Output()
        for element in definition.layouts[kind] ?? [] {
            for block in context.blocks(for: element) { output.add(block) }
        }
        return output.finished()
    }

    /// The formatted text without styling, for tests and plain-text output.
    public static func plainText(_ reference: Reference, style: CitationStyle) -> String {
        format(reference, style: style).map(\.text).joined()
    }
}

/// The runs of a reference as its blocks are added: ". " between blocks, never after a block that
/// already ends a sentence ("Does rest help? Knee Res."), and a full stop at the end unless a link ends it.
private struct Output {
    var runs: [StyledRun] = []

    mutating func add(_ block: [StyledRun]) {
        guard block.contains(where: { !$0.text.isEmpty }) else { return }
        if let last = lastCharacter {
            RichText.append(&runs, .plain(".?!".contains(last) ? " " : ". "))
        }
        for run in block { RichText.append(&runs, run) }
    }

    var lastCharacter: Character? { runs.last?.text.last }

    mutating func finished() -> [StyledRun] {
        if case .link? = runs.last { return runs }
        if let last = lastCharacter, !".?!".contains(last) { RichText.append(&runs, .plain(".")) }
        return runs
    }
}

private struct Context {
    let reference: Reference
    let style: StyleDefinition
    let kind: SourceKind

    /// Read online: a URL and no DOI (the DOI wins over the URL).
    var isOnline: Bool { reference.doi == nil && reference.url != nil }

    func blocks(for element: Element) -> [[StyledRun]] {
        let r = reference
        switch element {
        case .contributors:
            if let authors = names(r.authors) { return [[.plain(authors)]] }
            if kind != .chapter, let editors = editorList() { return [[.plain(editors)]] }
            return []
        case .title(let italic, let marker):
            guard let title = r.title?.trimmingWhitespace, !title.isEmpty else { return [] }
            var runs = r.titleRuns ?? [.plain(title)]
            if italic {
                if style.titleCaseItalicTitles { runs = Fields.titleCase(runs) }
                // Rich text inside an italic title flips: a species name in a book title is roman.
                runs = runs.map { run in
                    let style = run.style.symmetricDifference(.italic)
                    return style == .italic ? .italic(run.text) : .rich(run.text, style)
                }
            }
            if let marker = markerText(marker) { runs.append(.plain(" [\(marker)]")) }
            return [runs]
        case .genre:
            return r.genre.map { [[.plain($0)]] } ?? []
        case .container(let italic, let internetMarker):
            let name = kind == .preprint ? (r.containerTitle ?? r.publisher) : journalName
            guard let name else { return [] }
            var runs: [StyledRun] = [.run(name, italic ? .italic : [])]
            if internetMarker && isOnline { runs.append(.plain(" [Internet]")) }
            return [runs]
        case .inContainer(let italic):
            guard let book = r.containerTitle else { return [] }
            var runs: [StyledRun] = [.plain("In: ")]
            if let editors = editorList() { runs.append(.plain(editors + (editors.hasSuffix(".") ? " " : ". "))) }
            let title = italic && style.titleCaseItalicTitles ? Fields.titleCase([.plain(book)]).map(\.text).joined() : book
            runs.append(.run(title, italic ? .italic : []))
            return [runs]
        case .edition:
            return r.edition.flatMap(Fields.edition).map { [[.plain($0)]] } ?? []
        case .secondaryEditors:
            guard !r.authors.isEmpty, let editors = editorList() else { return [] }
            return [[.plain(editors)]]
        case .version:
            guard let version = r.version else { return [] }
            return [[.plain(version.first?.isNumber == true ? "Version \(version)" : version)]]
        case .publication(let pagesAfterDate):
            return publication(pagesAfterDate: pagesAfterDate)
        case .date:
            guard let issued = r.issued else { return [] }
            return [[.plain(fullDate(issued) + cited())]]
        case .chapterPages:
            guard let page = r.page else { return [] }
            return [[.plain(style.chapterPagesPrefix + Fields.pages(page, style.pages))]]
        case .journalLocator:
            return journalLocator()
        case .periodicalLocator:
            return periodicalLocator()
        case .site:
            return (r.containerTitle ?? r.publisher).map { [[.plain($0.trimmingWhitespace)]] } ?? []
        case .webDates:
            var blocks: [[StyledRun]] = []
            if let issued = r.issued { blocks.append([.plain("Published " + fullDate(issued))]) }
            if let updated = r.updated { blocks.append([.plain("Updated " + fullDate(updated))]) }
            return blocks
        case .preprintPosted:
            return r.issued.map { [[.plain("Preprint posted online " + fullDate($0))]] } ?? []
        case .reportNumber:
            guard let number = r.number else { return r.genre.map { [[.plain($0)]] } ?? [] }
            if let genre = r.genre { return [[.plain("\(genre) \(number)")]] }
            return [[.plain(style.reportNumberLabel + number)]]
        case .event:
            let date = r.eventDate ?? r.issued
            let parts = [r.event, date.map(fullDate), r.eventPlace].compactMap { $0 }
            guard !parts.isEmpty else { return [] }
            let label = r.genre.map { "\($0) presented at: " } ?? "Paper presented at: "
            return [[.plain(label + parts.joined(separator: "; "))]]
        case .access:
            return access()
        }
    }

    // MARK: Elements

    private func publication(pagesAfterDate: Bool) -> [[StyledRun]] {
        let r = reference
        var publisher = r.publisher
        if kind == .webpage { publisher = r.publisher ?? r.containerTitle }
        var holder = publisher?.trimmingWhitespace
        if style.showsPlace, let place = r.publisherPlace {
            holder = holder.map { "\(place): \($0)" } ?? place
        }
        var date: String?
        if let issued = r.issued {
            let full = style.dateForm == .yearMonthDay && [.webpage, .report, .dataset, .preprint].contains(kind)
            date = full ? fullDate(issued) : yearText(issued)
            if pagesAfterDate, let page = r.page { date! += ":" + Fields.pages(page, style.pages) }
        }
        let bracket = cited()
        let text: String
        switch (holder, date) {
        case let (holder?, date?): text = "\(holder); \(date)\(bracket)"
        case let (holder?, nil): text = holder + bracket
        case let (nil, date?): text = date + bracket
        case (nil, nil): text = bracket.trimmingWhitespace
        }
        return text.isEmpty ? [] : [[.plain(text)]]
    }

    private func journalLocator() -> [[StyledRun]] {
        let r = reference
        if r.volume == nil && r.issue == nil && r.page == nil && r.number == nil, let issued = r.issued,
           issued.month != nil || issued.literal != nil {
            // Online first: no volume, issue or pages yet, and the day it went online.
            return [[.plain(style.onlineFirst.prefix + fullDate(issued) + cited() + style.onlineFirst.suffix)]]
        }
        var text = r.issued.map { (style.journalFullDate ? fullDate($0) : yearText($0)) + cited() } ?? ""
        text += volumeIssueLocator(r.number ?? r.page, separator: text.isEmpty ? "" : ";")
        return [[.plain(text)]]
    }

    private func periodicalLocator() -> [[StyledRun]] {
        let r = reference
        var text = ""
        if let issued = r.issued {
            let date = fullDate(issued)
            let bare = r.volume == nil && r.issue == nil && r.page == nil
            text = (bare && r.url != nil && style.dateForm == .monthDayYear ? "Published " : "") + date + cited()
        }
        if kind == .newspaper, r.volume == nil, r.issue == nil, let page = r.page {
            // A newspaper's section and page: "August 12, 2002:A2" (AMA), "2002 Aug 12;A2" (Vancouver).
            return [[.plain(text + (text.isEmpty ? "" : style.newspaperPageSeparator) + page)]]
        }
        text += volumeIssueLocator(r.page, separator: text.isEmpty ? "" : ";")
        return text.isEmpty ? [] : [[.plain(text)]]
    }

    /// ";7(1):45975", ";(2):CD007431", ":A1".
    private func volumeIssueLocator(_ locator: String?, separator: String) -> String {
        let r = reference
        var text = ""
        let issue = r.issue.map(Fields.supplement(style.supplementWord))
        if let volume = r.volume {
            text += separator + volume
            if let issue { text += "(\(issue))" }
        } else if let issue {
            text += separator + "(\(issue))"
        }
        if let locator { text += ":" + Fields.pages(locator, style.pages) }
        return text
    }

    private func access() -> [[StyledRun]] {
        let r = reference
        if let doi = r.doi { return [[.plain(style.doiPrefix), .link(doi)]] }
        if let url = r.url {
            if style.citedInBrackets { return [[.plain(style.availablePrefix), .link(url)]] }
            var blocks: [[StyledRun]] = []
            if let accessed = r.accessed { blocks.append([.plain(style.accessedPrefix + fullDate(accessed))]) }
            blocks.append([.link(url)])
            return blocks
        }
        if !style.citedInBrackets, kind == .webpage, let accessed = r.accessed {
            return [[.plain(style.accessedPrefix + fullDate(accessed))]]
        }
        return []
    }

    /// Vancouver's " [updated 2023 Feb 1; cited 2026 Jan 5]" for a source read online.
    private func cited() -> String {
        guard style.citedInBrackets else { return "" }
        var parts: [String] = []
        if kind == .webpage, let updated = reference.updated { parts.append("updated " + fullDate(updated)) }
        if isOnline, let accessed = reference.accessed { parts.append("cited " + fullDate(accessed)) }
        return parts.isEmpty ? "" : " [" + parts.joined(separator: "; ") + "]"
    }

    private func markerText(_ marker: Element.Marker?) -> String? {
        switch marker {
        case nil: nil
        case .internet: isOnline ? "Internet" : nil
        case .genre(let fallback): reference.genre ?? fallback
        case .fixed(let text): text
        }
    }

    /// The journal's abbreviation, else its name, without the periods of an abbreviation ("N Engl J Med").
    private var journalName: String? {
        (reference.containerTitleShort ?? reference.containerTitle).map(Fields.withoutAbbreviationPeriods)
    }

    // MARK: Names and dates

    /// "Moher D, Liberati A, Tetzlaff J, Altman DG; PRISMA Group": a group named after the people is set
    /// off with a semicolon, and stays when the people are cut to "et al".
    func names(_ list: [CSLName]) -> String? {
        guard !list.isEmpty else { return nil }
        var people = list[...]
        if list.first?.literal == nil {
            while let last = people.last, last.literal != nil { people.removeLast() }
        }
        let groups = list[people.endIndex...]
        let shown = people.count > style.etAlMin ? people.prefix(style.etAlUseFirst) : people
        var text = shown.map { Fields.name($0, maxInitials: style.maxInitials) }.joined(separator: ", ")
        if shown.count < people.count { text += ", " + style.etAl }
        for group in groups { text += "; " + Fields.name(group) }
        return text
    }

    func editorList() -> String? {
        guard let list = names(reference.editors) else { return nil }
        return list + ", " + (reference.editors.count == 1 ? style.editorLabel.one : style.editorLabel.many)
    }

    func fullDate(_ date: CSLDate) -> String {
        Fields.date(date, style.dateForm)
    }

    func yearText(_ date: CSLDate) -> String {
        if let literal = date.literal { return literal }
        if let end = date.end, end.year != date.year { return "\(date.year)-\(end.year)" }
        return String(date.year)
    }
}

/// The field model's normalisations: names, dates, page ranges, editions, journal abbreviations.
public enum Fields {
    /// "Belavý DL", "van der Windt DAWM", "Smith SC Jr": family name with its particles, initials
    /// without periods, suffix.
    public static func name(_ name: CSLName, maxInitials: Int? = nil) -> String {
        if let literal = name.literal { return literal }
        var letters = (name.given ?? "")
            .split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
            .compactMap { $0.first.map { String($0).uppercased() } }
        if let maxInitials, letters.count > maxInitials { letters = Array(letters.prefix(maxInitials)) }
        let initials = letters.joined()
        let family = [name.droppingParticle, name.nonDroppingParticle, name.family]
            .compactMap { $0?.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
        return [family, initials, name.suffix ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let seasons = ["Spring", "Summer", "Autumn", "Winter"]

    /// "March 25, 2020", "October 2-6, 2023", "Spring 2019" (AMA); "2020 Mar 25", "2023 Oct 2-6",
    /// "2019 Spring" (Vancouver); a literal date as written.
    static func date(_ date: CSLDate, _ form: StyleDefinition.DateForm) -> String {
        if let literal = date.literal { return literal }
        let names = form == .monthDayYear ? monthNames : monthAbbreviations
        func month(_ m: Int?) -> String? { m.flatMap { (1...12).contains($0) ? names[$0 - 1] : nil } }
        let startMonth = month(date.month)
        let season = date.season.flatMap { (1...4).contains($0) ? seasons[$0 - 1] : nil }
        let startDay = startMonth == nil ? nil : date.day
        guard let end = date.end, end != CSLDate.Bound(year: date.year, month: date.month, day: date.day) else {
            switch form {
            case .monthDayYear:
                guard let startMonth else { return season.map { "\($0) \(date.year)" } ?? String(date.year) }
                return startDay.map { "\(startMonth) \($0), \(date.year)" } ?? "\(startMonth) \(date.year)"
            case .yearMonthDay:
                return [String(date.year), startMonth ?? season, startDay.map(String.init)].compactMap { $0 }
                    .joined(separator: " ")
            }
        }
        let endMonth = month(end.month)
        let endDay = endMonth == nil ? nil : end.day
        switch form {
        case .monthDayYear:
            func part(_ m: String?, _ d: Int?) -> String { [m, d.map(String.init)].compactMap { $0 }.joined(separator: " ") }
            if end.year != date.year {
                let first = [part(startMonth, startDay), String(date.year)].filter { !$0.isEmpty }
                let last = [part(endMonth, endDay), String(end.year)].filter { !$0.isEmpty }
                return first.joined(separator: startDay == nil ? " " : ", ") + "-"
                    + last.joined(separator: endDay == nil ? " " : ", ")
            }
            var range = part(startMonth, startDay)
            if endMonth == startMonth, let endDay { range += "-\(endDay)" } else { range += "-" + part(endMonth, endDay) }
            return range + (startDay == nil && endDay == nil ? " " : ", ") + String(date.year)
        case .yearMonthDay:
            let first = [String(date.year), startMonth, startDay.map(String.init)].compactMap { $0 }.joined(separator: " ")
            let last: String
            if end.year != date.year {
                last = [String(end.year), endMonth, endDay.map(String.init)].compactMap { $0 }.joined(separator: " ")
            } else if endMonth == startMonth, let endDay {
                last = String(endDay)
            } else {
                last = [endMonth, endDay.map(String.init)].compactMap { $0 }.joined(separator: " ")
            }
            return first + "-" + last
        }
    }

    /// Page ranges with a hyphen, the end written in full ("632-644") or as few digits as needed ("632-44").
    static func pages(_ text: String, _ form: StyleDefinition.PageForm) -> String {
        text.split(separator: ",").map { piece -> String in
            let piece = piece.trimmingWhitespace
            guard let dash = piece.firstIndex(where: { "-–—‐‑−".contains($0) }) else { return piece }
            let first = piece[..<dash].trimmingWhitespace
            var last = piece[piece.index(after: dash)...].trimmingWhitespace.drop { "-–—‐‑−".contains($0) }
                .trimmingWhitespace
            let (prefix, startDigits) = split(first)
            var (endPrefix, endDigits) = split(last)
            guard !startDigits.isEmpty, !endDigits.isEmpty, endPrefix.isEmpty || endPrefix == prefix else {
                return first + "-" + last
            }
            if endDigits.count < startDigits.count {
                endDigits = String(startDigits.prefix(startDigits.count - endDigits.count)) + endDigits
            }
            endPrefix = prefix
            switch form {
            case .expanded:
                last = endPrefix + endDigits
            case .minimal:
                var start = Array(startDigits)
                var end = Array(endDigits)
                if start.count == end.count {
                    while end.count > 1, start.first == end.first {
                        start.removeFirst()
                        end.removeFirst()
                    }
                }
                last = String(end)
            }
            return first + "-" + last
        }.joined(separator: ", ")
    }

    /// "S12" → ("S", "12"); "123" → ("", "123"); "xii" → ("xii", "").
    private static func split(_ text: String) -> (String, String) {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        let prefix = text.dropLast(digits.count)
        guard prefix.allSatisfy({ $0.isLetter }) else { return (text, "") }
        return (String(prefix), String(digits.reversed()))
    }

    /// Words AMA leaves lowercase in a title: articles, coordinating conjunctions, prepositions of three
    /// letters or fewer.
    private static let minorWords: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at",
                                                  "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs"]

    /// Title case as AMA sets book titles: each word capitalised (each part of a hyphenated one too) but
    /// minor words, which are capitalised first and after a colon. A word with a capital after its first
    /// letter ("mRNA", "McGraw-Hill"), or in rich text (a species name, a `nocase` span), is left as written.
    static func titleCase(_ runs: [StyledRun]) -> [StyledRun] {
        var startsPhrase = true
        return runs.map { run in
            // Rich text (a species name, a nocase span) keeps its case; so does a link.
            if case .plain = run {} else {
                startsPhrase = false
                return run
            }
            var result = ""
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                let bare = word.lowercased().filter { $0.isLetter }
                if startsPhrase || !minorWords.contains(bare) {
                    // Each part of "fear-avoidance" on its own; a part with a capital after its first
                    // letter ("mRNA", "McGraw") is left as written.
                    result += word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                        // The first letter or digit: "16s" and "3rd" stay as they are.
                        guard let first = part.firstIndex(where: { $0.isLetter || $0.isNumber }), part[first].isLetter,
                              !part[part.index(after: first)...].contains(where: { $0.isUppercase }) else { return String(part) }
                        return part[..<first] + part[first].uppercased() + part[part.index(after: first)...]
                    }.joined(separator: "-")
                } else {
                    result += word
                }
                startsPhrase = word.last.map { ":?!".contains($0) } ?? false
                word = ""
            }
            for character in run.text {
                if character == " " {
                    flush()
                    result.append(character)
                } else {
                    word.append(character)
                }
            }
            flush()
            return run.with(text: result)
        }
    }

    /// "Suppl 1", "suppl. 1", "Supplement 1" → "suppl 1" (AMA) or "Suppl 1" (Vancouver); other issues as given.
    static func supplement(_ word: String) -> (String) -> String {
        { issue in
            let lower = issue.lowercased()
            for prefix in ["supplement", "suppl.", "suppl"] where lower.hasPrefix(prefix) {
                let rest = issue.dropFirst(prefix.count).trimmingWhitespace
                return rest.isEmpty ? word : word + " " + rest
            }
            return issue
        }
    }

    private static let ordinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                       "tenth", "eleventh", "twelfth"]

    /// "20th ed." from 20, "20", "20th", "20th edition" or "twentieth"…; nil for a first edition, which
    /// neither style mentions.
    static func edition(_ text: String) -> String? {
        var core = text.trimmingWhitespace
        let lower = core.lowercased()
        for ending in [" edition", " ed.", " ed"] where lower.hasSuffix(ending) {
            core = String(core.dropLast(ending.count)).trimmingWhitespace
            break
        }
        let number: Int?
        if let value = Int(core) {
            number = value
        } else if let index = ordinalWords.firstIndex(of: core.lowercased()) {
            number = index + 1
        } else {
            let digits = core.prefix { $0.isASCII && $0.isNumber }
            let rest = core.dropFirst(digits.count).lowercased()
            number = !digits.isEmpty && ["st", "nd", "rd", "th"].contains(rest) ? Int(digits) : nil
        }
        guard let number else { return core.isEmpty ? nil : core + " ed." }
        return number == 1 ? nil : ordinal(number) + " ed."
    }

    static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// NLM abbreviations carry no periods: "N. Engl. J. Med." → "N Engl J Med", "U.S.A." → "USA".
    static func withoutAbbreviationPeriods(_ title: String) -> String {
        guard title.contains(".") else { return title.trimmingWhitespace }
        var result = ""
        var previous: Character?
        for character in title {
            if character == ".", previous?.isLetter == true {
                previous = character
                continue
            }
            result.append(character)
            previous = character
        }
        return result.trimmingWhitespace
    }
}
