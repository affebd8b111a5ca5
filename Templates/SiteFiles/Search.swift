import ContentModel

/// Search with no server: an index split into small files at build time, and a small script on the
/// search page that loads only the files a query needs.
///
/// Salve writes its own index rather than running Pagefind: it needs no extra tool in the build, the
/// index holds exactly what a reader searches for on a health site (titles, synonyms and lay terms,
/// section headings, summaries, the pages' text) and knows each page's type, and the search page still
/// works as a plain form. See ``SearchIndexBuilder`` for the files.
public enum Search {
    public static let scriptFile = "search.js"

    /// Points for a query word by match quality (near, prefix, exact) and field (title, names, heading,
    /// summary, body): exact title > title prefix > synonym or lay term > heading > summary > body, and a
    /// near (misspelt) match below every exact and prefix match.
    public static let weights: [[Int]] = [
        [60, 50, 40, 30, 20],
        [500, 380, 280, 180, 80],
        [600, 400, 300, 200, 100],
    ]
    /// Added when the query's words are exactly the title's words.
    public static let exactTitleBonus = 1000
    /// At most this many prefix completions of one query word, shortest first.
    public static let prefixLimit = 30

    /// Ties go to conditions, then articles, programs, exercise cards, experts and plain pages.
    public static func kindOrder(_ kind: ContentKind) -> Int { kind.descriptor.searchRank }

    /// How many files the index is split into, from the number of pages alone (so the list of files is
    /// known before the index is made).
    public struct Split: Sendable {
        public var vocabularyFiles: Int
        public var postingFiles: Int

        public init(pageCount: Int) {
            func powerOfTwo(_ value: Int, max limit: Int) -> Int {
                var result = 1
                while result < value && result < limit { result *= 2 }
                return result
            }
            vocabularyFiles = powerOfTwo(pageCount / 300, max: 32)
            postingFiles = powerOfTwo(pageCount / 32, max: 512)
        }
    }

    /// Every index file but the fragments.
    public static func indexFiles(pageCount: Int) -> [String] {
        let layout = Split(pageCount: pageCount)
        return (0..<layout.vocabularyFiles).map { "search/w\($0).json" }
            + (0..<layout.postingFiles).map { "search/i\($0).bin" }
    }

    /// The fragment of the page ranked `rank` (``SearchOrder``): named by rank, so the script fetches a
    /// result's fragment as soon as it has scored the postings, with no table in between.
    public static func fragmentFile(rank: Int) -> String { "\(fragmentFolder)\(rank).json" }
    public static let fragmentFolder = "search/f/"

    /// A query word's index words: exact (quality 2), prefix completions (1, at most ``prefixLimit``,
    /// shortest first) and near words (0): same first letter, within ``SearchText/allowedEdits(_:)``.
    public static func expand(_ term: String, vocabulary: [String]) -> [(word: String, quality: Int)] {
        var low = 0, high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < term { low = middle + 1 } else { high = middle }
        }
        var prefixed: [String] = []
        var position = low
        while position < vocabulary.count && vocabulary[position].hasPrefix(term) {
            prefixed.append(vocabulary[position])
            position += 1
        }
        var out: [(word: String, quality: Int)] = []
        var seen = Set<String>()
        if prefixed.first == term {
            out.append((term, 2))
            seen.insert(term)
            prefixed.removeFirst()
        }
        prefixed.sort { $0.utf8.count != $1.utf8.count ? $0.utf8.count < $1.utf8.count : $0 < $1 }
        for word in prefixed.prefix(prefixLimit) {
            out.append((word, 1))
            seen.insert(word)
        }
        let limit = SearchText.allowedEdits(term.utf8.count)
        if limit > 0 {
            let first = term.utf8.first
            for word in vocabulary where !seen.contains(word) && word.utf8.first == first
                && SearchText.distance(term, word, limit: limit) <= limit {
                out.append((word, 0))
            }
        }
        return out
    }

    public static func page(graph: ContentGraph) -> HTML {
        let linker = Linker(from: .search, site: graph.site)
        let strings = graph.site.strings
        let layout = Split(pageCount: graph.allPages.count)
        func list(_ kind: ContentKind, _ name: UIText) -> HTML {
            "<a href=\"\(linker.href(.index(kind)))\">\(strings[name].lowercased())</a>"
        }
        let noScript = strings.html(.searchNoScript, ["conditions": list(.condition, .conditions),
                                                      "articles": list(.article, .articles),
                                                      "exercises": list(.exercise, .exerciseCards)])
        // The script's words come from the page, so they follow the site's language and strings.
        let main: HTML = """
            <header class="page-header">
            <h1>\(strings[.search])</h1>
            </header>
            <script>document.documentElement.classList.add("js")</script>
            <form id="search-form" class="search-page" role="search" action="./" method="get">
            <label for="search-q">\(strings[.searchLabel])</label>
            <input id="search-q" type="search" name="q" autocomplete="off" enterkeyhint="search" aria-controls="search-results">
            <button type="submit">\(strings[.searchSubmit])</button>
            </form>
            <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
            <ol id="search-results" class="search-results" data-root="\(linker.href(.home))" data-v="\(String(layout.vocabularyFiles))" data-n="\(String(graph.allPages.count))" data-none="\(strings[.searchNone])" data-one="\(strings[.searchOne])" data-other="\(strings[.searchOther])" data-error="\(strings[.searchUnavailable])" data-also="\(strings[.alsoCalled])"></ol>
            <button id="search-more" class="search-more" type="button" hidden>\(strings[.searchMore])</button>
            <noscript><p>\(noScript)</p></noscript>
            <script src="\(linker.asset(scriptFile))" defer></script>

            """
        return Layout.render(PageHead(title: strings[.search], description: strings(.searchDescription, ["site": graph.site.title]),
                                      route: .search, pageClass: "page-search"), site: graph.site, main: main)
    }
}
