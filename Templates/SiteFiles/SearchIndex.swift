import ContentModel
import Foundation

/// What search knows of one page: the text of each field it ranks by, and the text results show.
public struct SearchDocument: Sendable {
    /// Where a word was found; a word found in several fields keeps them all. Ranked in this order.
    public struct Fields: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let title = Fields(rawValue: 1)
        /// Synonyms, lay terms (`search-terms`) and the site-wide synonyms (`seeds/synonyms.yml`) that
        /// lead to the page.
        public static let names = Fields(rawValue: 2)
        public static let heading = Fields(rawValue: 4)
        /// The summary, and short facts about the page (its conditions, symptoms, body areas…).
        public static let summary = Fields(rawValue: 8)
        public static let body = Fields(rawValue: 16)
    }

    public var ref: PageRef
    public var title: String
    /// The page's path from the site root (`conditions/sciatica/`).
    public var path: String
    public var names: [String]
    public var headings: [String]
    public var summary: String
    /// Facts indexed with the summary but not shown.
    public var about: [String]
    /// The body's prose, shown in snippets.
    public var body: String

    public init(ref: PageRef, title: String, path: String, names: [String] = [], headings: [String] = [],
                summary: String = "", about: [String] = [], body: String = "") {
        self.ref = ref
        self.title = title
        self.path = path
        self.names = names
        self.headings = headings
        self.summary = summary
        self.about = about
        self.body = body
    }

    public init(_ page: any ContentPage, graph: ContentGraph) {
        if let article = page as? Article {
            self.init(article: article, graph: graph)
            return
        }
        let fields = page.searchFields
        let summary = fields.summary, extra = fields.text
        var names = fields.names
        let about = fields.about + page.linkedConditions.compactMap { graph.condition($0.value)?.name }
        names += SearchTerms.of(page)
        names += graph.searchSynonyms.terms(forNames: [page.heading] + names)
        let read = SearchBodyCache.shared.read(page.ref, html: page.body.html.utf8, cached: true)
        let body = ([read.text] + extra).filter { !$0.isEmpty }
        self.init(ref: page.ref, title: page.heading, path: Route.page(page.ref).path, names: names,
                  headings: page.body.headings.map(\.title), summary: summary, about: about + extra,
                  body: body.joined(separator: " "))
        bodyWords = read.words
        kindLabel = graph.site.strings.label(page.ref.kind)
    }

    /// - Parameter cached: false where the article's body is about to be dropped (a build): the
    ///   preview, whose graph keeps bodies, reads an unchanged body only once.
    public init(article: Article, graph: ContentGraph, cached: Bool = true) {
        let read = SearchBodyCache.shared.read(article.ref, html: article.body.html.utf8, cached: cached)
        let names = SearchTerms.of(article)
        self.init(ref: article.ref, title: article.title, path: Route.page(article.ref).path,
                  names: names + graph.searchSynonyms.terms(forNames: [article.title] + names), headings: article.body.headings.map(\.title),
                  summary: article.summary.plain,
                  about: article.conditions.compactMap { graph.condition($0.value)?.name },
                  body: read.text)
        bodyWords = read.words
        kindLabel = graph.site.strings.label(.article)
    }

    /// The kind of page as a result shows it, in the site's language.
    public var kindLabel: String?

    /// The body's distinct words, when already known (the extras of a condition's body are in `about`).
    var bodyWords: PageWords?

    /// Each searchable word of the page and the fields it is in, read once.
    public var words: PageWords {
        // The body's table grows by the few other words: its words are not inserted again.
        var words = bodyWords ?? PageWords(expected: 256)
        words.add(title, .title)
        names.forEach { words.add($0, .names) }
        headings.forEach { words.add($0, .heading) }
        words.add(summary, .summary)
        about.forEach { words.add($0, .summary) }
        if bodyWords == nil { words.add(body, .body) }
        return words
    }

    /// Each searchable word of the page and the fields it is in.
    public var terms: [String: Fields] { words.terms }

    /// How many distinct searchable words the title has (at most 7): a query with exactly the title's
    /// words is an exact title match.
    public var titleLength: Int {
        var words = PageWords()
        words.add(title, .title)
        return words.titleLength
    }

    /// The page's fragment file: what a result shows. Loaded only for the results on screen.
    /// Written as bytes: the body's text is most of it.
    public var fragment: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.utf8.count + summary.utf8.count + 256)
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        out.append(UInt8(ascii: "{"))
        key("t", first: true)
        JSONValue.writeString(title, to: &out)
        key("k")
        JSONValue.writeString(kindLabel ?? ref.kind.label, to: &out)
        key("u")
        JSONValue.writeString(path, to: &out)
        if !names.isEmpty {
            key("n")
            out.append(UInt8(ascii: "["))
            for (index, name) in names.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(name, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("s")
        JSONValue.writeString(summary, to: &out)
        key("b")
        JSONValue.writeString(body, to: &out)
        out.append(contentsOf: "}\n".utf8)
        return out
    }
}

/// Bodies' text, kept from one rebuild of the preview to the next: a page whose body is the very same
/// buffer as last time (unchanged pages share it across rebuilds) is not read again. Only pages whose
/// graph keeps its bodies use it; a build's articles are read once, as they are written.
final class SearchBodyCache: @unchecked Sendable {
    static let shared = SearchBodyCache()
    private let lock = NSLock()
    /// The buffer is held, so its address cannot be reused by another body while it is cached.
    private var entries: [PageRef: (html: [UInt8], text: String, words: PageWords)] = [:]

    /// The body's text and its distinct searchable words.
    func read(_ ref: PageRef, html: [UInt8], cached: Bool) -> (text: String, words: PageWords) {
        guard cached else { return Self.read(html) }
        let address = html.withUnsafeBufferPointer { $0.baseAddress }
        if let hit = lock.withLock({ entries[ref] }), hit.html.count == html.count,
           hit.html.withUnsafeBufferPointer({ $0.baseAddress }) == address {
            return (hit.text, hit.words)
        }
        let (text, words) = Self.read(html)
        lock.withLock { entries[ref] = (html, text, words) }
        return (text, words)
    }

    private static func read(_ html: [UInt8]) -> (text: String, words: PageWords) {
        var text = SearchText.plainText(of: html)
        var words = PageWords(expected: 512)
        text.withUTF8 { words.add(utf8: $0, .body) }
        return (text, words)
    }
}

/// Lay terms for a page (its `search-terms`).
enum SearchTerms {
    static func of(_ page: any ContentPage) -> [String] { page.searchTerms }
    static func of(_ article: Article) -> [String] { article.searchTerms }
}

/// Every page's rank: by kind (condition, article, program, exercise card, expert, page), then title
/// (lower-cased), then id, so a lower rank wins a tie. Postings name pages by rank, and a page's
/// fragment file is named by it (``Search/fragmentFile(rank:)``).
public struct SearchOrder: Sendable {
    /// Page refs by rank.
    public let pages: [PageRef]
    private let ranks: [PageRef: Int]

    public init(_ pages: [(ref: PageRef, title: String)]) {
        // Keys made once per page: lower-casing titles inside the comparison made two strings per
        // comparison, 300,000 on a 10,000-page site.
        self.pages = pages.map { (ref: $0.ref, kind: Search.kindOrder($0.ref.kind), title: $0.title.lowercased()) }
            .sorted { a, b in
                if a.kind != b.kind { return a.kind < b.kind }
                if a.title != b.title { return a.title < b.title }
                return a.ref < b.ref
            }
            .map(\.ref)
        ranks = Dictionary(uniqueKeysWithValues: self.pages.enumerated().map { ($1, $0) })
    }

    /// The order of every page the graph publishes.
    public init(graph: ContentGraph) {
        self.init(graph.allPages.map { (ref: $0.ref, title: $0.heading) })
    }

    public func rank(of ref: PageRef) -> Int? { ranks[ref] }

    public func fragmentFile(of ref: PageRef) -> String? { rank(of: ref).map(Search.fragmentFile(rank:)) }
}

/// The split index: every page's words, gathered as pages are rendered (from any thread), then written
/// as many small files so a browser loads only the ones a query needs.
///
/// Files under `search/`:
/// - `w<n>.json` — the vocabulary, split by the first letter (`n` = its code modulo the file count):
///   a sorted list of words, from which a query word finds its exact, prefix and near (typo) matches,
///   and which postings file holds each run of them;
/// - `i<n>.bin` — postings, split by runs of the sorted vocabulary (``Index/files()``;
///   ``Index/postingsFile(_:)`` describes the bytes): for each word, the ranks of the pages it is in,
///   with the fields it is in and the title's word count;
/// - `f/<rank>.json` — a page's fragment (title, type, path, names, summary, body text).
public final class SearchIndexBuilder: @unchecked Sendable {
    private struct Entry {
        var ref: PageRef
        var title: String
        var titleLength: Int
        /// Interned word id << 8 | fields.
        var terms: [UInt32]
    }

    private let lock = NSLock()
    private let table: WordTable
    private var entries: [PageRef: Entry] = [:]
    private var built: Index?

    public init() {
        table = WordTable()
    }

    private init(table: WordTable, entries: [PageRef: Entry]) {
        self.table = table
        self.entries = entries
    }

    /// A builder that starts with this one's pages but `changed`, for the preview's next rebuild: an
    /// edit to one page reads that page's words again, not every page's. Only for edits that change
    /// nothing other pages show (titles and names are in other pages' words: a condition's name is
    /// in its articles').
    public func carryingOver(except changed: Set<PageRef>) -> SearchIndexBuilder {
        lock.withLock {
            // Copied, not filtered: the copy keeps the table's layout instead of hashing every page again.
            var kept = entries
            for ref in changed { kept.removeValue(forKey: ref) }
            return SearchIndexBuilder(table: table, entries: kept)
        }
    }

    /// Records a page's words.
    public func add(_ document: SearchDocument) {
        let words = document.words
        var packed = table.ids(of: words)
        for index in packed.indices { packed[index] = packed[index] << 8 | UInt32(words.fields[index]) }
        let entry = Entry(ref: document.ref, title: document.title, titleLength: words.titleLength, terms: packed)
        lock.withLock { entries[document.ref] = entry }
    }

    /// The index's files (``Index/files()``), made once.
    public func files(graph: ContentGraph, order: SearchOrder? = nil) -> [String: [UInt8]] {
        let index = index(graph: graph, order: order)
        return filesLock.withLock {
            if let madeFiles { return madeFiles }
            let files = index.files()
            madeFiles = files
            return files
        }
    }
    private let filesLock = NSLock()
    private var madeFiles: [String: [UInt8]]?

    /// The whole index, made once: pages not added yet are read from the graph.
    /// - Parameter order: the graph's ``SearchOrder``, when already made.
    public func index(graph: ContentGraph, order: SearchOrder? = nil) -> Index {
        let order = order ?? SearchOrder(graph: graph)
        lock.lock()
        if let built { lock.unlock(); return built }
        // By ref: the preview's graph holds every page, and boxing each to look it up costs more than
        // reading the few missing ones.
        let missing = order.pages.filter { entries[$0] == nil }
        lock.unlock()
        for ref in missing {
            if let page = graph.page(ref) { add(SearchDocument(page, graph: graph)) }
        }
        return sortedIndex(order: order)
    }

    /// The index of the pages added (those in `order`, when given, in its order), made once.
    public func sortedIndex(order given: SearchOrder? = nil) -> Index {
        lock.withLock {
            if let built { return built }
            let order = given ?? SearchOrder(entries.values.map { (ref: $0.ref, title: $0.title) })
            let sorted = order.pages.compactMap { entries[$0] }
            let words = table.allWords()
            var postings = [[UInt32]](repeating: [], count: words.count)
            for (rank, entry) in sorted.enumerated() {
                // The title's word count only where the word is in the title: all the script reads.
                let titleLength = UInt32(entry.titleLength) << 5
                for term in entry.terms {
                    postings[Int(term >> 8)].append(UInt32(rank) << 8 | (term & 1 != 0 ? titleLength : 0) | (term & 0x1F))
                }
            }
            var byWord: [String: [UInt32]] = [:]
            for (id, word) in words.enumerated() where !postings[id].isEmpty { byWord[word] = postings[id] }
            let index = Index(pages: sorted.map(\.ref), titles: sorted.map(\.title), postings: byWord)
            built = index
            return index
        }
    }

    /// The index as loaded by a browser, and a Swift twin of the script's query, for tests.
    public struct Index: Sendable {
        /// Page refs by rank.
        public let pages: [PageRef]
        public let titles: [String]
        /// Word → packed postings (`rank << 8 | titleLength << 5 | fields`, the title's length only when
        /// the word is in the title), ranks ascending.
        public let postings: [String: [UInt32]]
        public let vocabulary: [String]

        init(pages: [PageRef], titles: [String], postings: [String: [UInt32]]) {
            self.pages = pages
            self.titles = titles
            self.postings = postings
            vocabulary = postings.keys.sorted()
        }

        /// The files under `search/`, named as ``Search/indexFiles(pageCount:)`` lists them.
        ///
        /// Postings are split by ranges of the sorted vocabulary, so a word and its prefix completions
        /// (and most of its near words) are in one or two files: each vocabulary file's words are cut
        /// into runs of about equal bytes, and the vocabulary file says where each run starts and which
        /// postings file holds it (`{"w": [words], "c": [first word, file, …]}`).
        public func files() -> [String: [UInt8]] {
            let layout = Search.Split(pageCount: pages.count)
            var vocab = [[String]](repeating: [], count: layout.vocabularyFiles)
            for word in vocabulary { vocab[Int(word.utf8.first!) % layout.vocabularyFiles].append(word) }
            let encoded = vocab.map { words in words.map { Self.encode(postings[$0]!) } }
            // Each run but a vocabulary file's last holds at least `target` bytes, so the runs number at
            // most total / target + vocabulary files: no more than the postings files.
            let total = encoded.joined().reduce(0) { $0 + $1.count }
            let spare = layout.postingFiles - layout.vocabularyFiles
            let target = spare > 0 ? max(1, (total + spare - 1) / spare) : Int.max
            var files: [String: [UInt8]] = [:]
            var next = 0
            for (number, words) in vocab.enumerated() {
                var starts: [JSONValue] = []
                var run: [(word: String, postings: [UInt8])] = []
                var size = 0
                for (position, word) in words.enumerated() {
                    if run.isEmpty { starts += [.number(position), .number(next)] }
                    run.append((word, encoded[number][position]))
                    size += encoded[number][position].count
                    if size >= target || position == words.count - 1 {
                        files["search/i\(next).bin"] = Self.postingsFile(run)
                        next += 1
                        run = []
                        size = 0
                    }
                }
                let file = JSONValue.object([("w", .array(words.map(JSONValue.string))), ("c", .array(starts))])
                files["search/w\(number).json"] = Array((file.serialized + "\n").utf8)
            }
            assert(next <= layout.postingFiles)
            for unused in next..<layout.postingFiles { files["search/i\(unused).bin"] = Self.postingsFile([]) }
            return files
        }

        /// One word's postings: `gap << 5 | fields` for each page (the rank's difference from the
        /// previous one's, the first from 0), followed by one byte with the title's word count when the
        /// word is in the title. Numbers are unsigned LEB128 (7 bits a byte, low first): a page after
        /// the previous one with the word in its body takes one byte.
        static func encode(_ list: [UInt32]) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(list.count + list.count / 2)
            var previous: UInt32 = 0
            for value in list {
                let rank = value >> 8, fields = value & 0x1F
                appendNumber((rank - previous) << 5 | fields, to: &bytes)
                if fields & 1 != 0 { bytes.append(UInt8((value >> 5) & 7)) }
                previous = rank
            }
            return bytes
        }

        /// A postings file: most of the index's bytes, so binary, read by the script without parsing.
        /// `count`, then for each word `length`, its bytes (ASCII) and the length in bytes of its
        /// postings (``encode(_:)``); then each word's postings in turn.
        static func postingsFile(_ words: [(word: String, postings: [UInt8])]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(words.reduce(16) { $0 + $1.postings.count + $1.word.utf8.count + 8 })
            appendNumber(UInt32(words.count), to: &out)
            for (word, postings) in words {
                appendNumber(UInt32(word.utf8.count), to: &out)
                out.append(contentsOf: word.utf8)
                appendNumber(UInt32(postings.count), to: &out)
            }
            for (_, postings) in words { out.append(contentsOf: postings) }
            return out
        }

        static func appendNumber(_ value: UInt32, to out: inout [UInt8]) {
            var rest = value
            while rest >= 0x80 {
                out.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            out.append(UInt8(rest))
        }

        /// A postings file read back as the script reads it (word → `rank << 8 | titleLength << 5 |
        /// fields`), for tests and tools; nil when the bytes are not one.
        public static func readPostings(_ bytes: [UInt8]) -> [String: [UInt32]]? {
            var position = 0
            func number() -> UInt32? {
                var value: UInt32 = 0, shift: UInt32 = 0
                while position < bytes.count, shift < 35 {
                    let byte = bytes[position]
                    position += 1
                    value |= UInt32(byte & 0x7F) << shift
                    if byte & 0x80 == 0 { return value }
                    shift += 7
                }
                return nil
            }
            guard let count = number() else { return nil }
            var heads: [(String, Int)] = []
            for _ in 0..<count {
                guard let length = number().map(Int.init), position + length <= bytes.count else { return nil }
                let word = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
                position += length
                guard let size = number() else { return nil }
                heads.append((word, Int(size)))
            }
            var result: [String: [UInt32]] = [:]
            for (word, size) in heads {
                let end = position + size
                guard end <= bytes.count else { return nil }
                var rank: UInt32 = 0
                var list: [UInt32] = []
                while position < end {
                    guard let value = number() else { return nil }
                    rank += value >> 5
                    let fields = value & 0x1F
                    var titleLength: UInt32 = 0
                    if fields & 1 != 0 {
                        guard position < end else { return nil }
                        titleLength = UInt32(bytes[position])
                        position += 1
                    }
                    list.append(rank << 8 | titleLength << 5 | fields)
                }
                guard position == end else { return nil }
                result[word] = list
            }
            return position == bytes.count ? result : nil
        }

        /// Points for one query word matched in `fields`: `quality` 2 exact, 1 prefix, 0 near (typo).
        public static func points(fields: UInt32, quality: Int) -> Int {
            let field = fields & 1 != 0 ? 0 : fields & 2 != 0 ? 1 : fields & 4 != 0 ? 2 : fields & 8 != 0 ? 3 : 4
            return Search.weights[quality][field]
        }

        /// The index words a query word reaches, with their quality: exact (2), prefix (1), near (0).
        public func expansions(of term: String) -> [(word: String, quality: Int)] {
            Search.expand(term, vocabulary: vocabulary)
        }

        /// Ranks of the pages matching every query word, best first: the script's algorithm.
        public func search(_ query: String) -> [PageRef] {
            let terms = SearchText.queryWords(query)
            guard !terms.isEmpty else { return [] }
            var total: [Int: Int] = [:]
            var titleExact: [Int: Int] = [:]
            var titleLength: [Int: Int] = [:]
            for (position, term) in terms.enumerated() {
                var best: [Int: Int] = [:]
                var exactTitle = Set<Int>()
                for (word, quality) in expansions(of: term) {
                    for value in postings[word] ?? [] {
                        let rank = Int(value >> 8)
                        let fields = value & 0x1F
                        best[rank] = max(best[rank] ?? 0, Self.points(fields: fields, quality: quality))
                        if quality == 2 && fields & 1 != 0 {
                            exactTitle.insert(rank)
                            titleLength[rank] = Int((value >> 5) & 7)
                        }
                    }
                }
                if position == 0 {
                    total = best
                } else {
                    total = total.filter { best[$0.key] != nil }.reduce(into: [:]) { $0[$1.key] = $1.value + best[$1.key]! }
                }
                for rank in exactTitle { titleExact[rank, default: 0] += 1 }
            }
            let scored = total.map { rank, score -> (Int, Int) in
                let bonus = titleExact[rank] == terms.count && titleLength[rank] == terms.count ? Search.exactTitleBonus : 0
                return (rank, score + bonus)
            }
            return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { pages[$0.0] }
        }
    }
}
