import ContentModel

/// Search with no server: a compact index written at build time and a small script on the search page.
///
/// Salve writes its own index rather than running Pagefind: it needs no extra tool in the build, the
/// index holds exactly what a reader searches for on a health site (titles, synonyms, section headings,
/// summaries) and knows each page's type, and the search page still works as a plain form.
public enum Search {
    public static let indexFile = "search-index.json"
    public static let scriptFile = "search.js"

    /// One entry a page: title, type, path from the site root, summary and extra words.
    public static func index(graph: ContentGraph) -> String {
        let entries: [JSONValue] = graph.allPages.map { page in
            var summary = ""
            var words: [String] = page.body.headings.map(\.title)
            switch page {
            case let condition as Condition:
                summary = condition.summary.plain
                words += condition.synonyms + condition.symptoms.map(\.plain)
            case let article as Article:
                summary = article.summary.plain
                words += article.conditions.compactMap { graph.condition($0.value)?.name }
            case let card as ExerciseCard:
                summary = card.steps.first ?? ""
                words += card.bodyAreas + [card.exerciseKind.singular] + card.conditions.compactMap { graph.condition($0.value)?.name }
            case let program as Program:
                summary = program.summary.plain
                words += program.phases.map(\.name)
            case let expert as Expert:
                summary = expert.title
                words += expert.credentials
            default:
                break
            }
            return .object([
                ("t", .string(page.heading)),
                ("k", .string(type(of: page).kind.label)),
                ("u", .string(Route.page(page.ref).path)),
                ("s", .string(summary)),
                ("w", .string(words.joined(separator: " "))),
            ])
        }
        return JSONValue.array(entries).serialized + "\n"
    }

    public static func page(graph: ContentGraph) -> HTML {
        let linker = Linker(from: .search, site: graph.site)
        let main: HTML = """
            <header class="page-header">
            <h1>Search</h1>
            </header>
            <form class="search-page" role="search" action="./" method="get">
            <label for="search-q">Search for a condition, article or exercise</label>
            <input id="search-q" type="search" name="q" autocomplete="off">
            <button type="submit">Search</button>
            </form>
            <p id="search-status" role="status" aria-live="polite"></p>
            <ol id="search-results" class="search-results" data-root="\(linker.href(.home))"></ol>
            <noscript><p>Search needs JavaScript. You can browse <a href="\(linker.href(.index(.condition)))">conditions</a>, <a href="\(linker.href(.index(.article)))">articles</a> and <a href="\(linker.href(.index(.exercise)))">exercise cards</a> instead.</p></noscript>
            <script src="\(linker.asset(scriptFile))" defer></script>

            """
        return Layout.render(PageHead(title: "Search", description: "Search \(graph.site.title).", route: .search,
                                      pageClass: "page-search"), site: graph.site, main: main)
    }

    /// Builds results with DOM text nodes only, so nothing from the index is ever parsed as markup.
    public static let script = """
        (function () {
          "use strict";
          var list = document.getElementById("search-results");
          var input = document.getElementById("search-q");
          var status = document.getElementById("search-status");
          if (!list || !input || !status) { return; }
          var root = list.getAttribute("data-root") || "../";
          if (root === "./") { root = ""; }
          var index = [];
          function words(text) {
            return text.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
          }
          function prepare(entry) {
            entry.title = words(entry.t);
            entry.extra = words(entry.w + " " + entry.k);
            entry.summary = words(entry.s);
            return entry;
          }
          function matches(list, term) {
            for (var i = 0; i < list.length; i++) { if (list[i].indexOf(term) === 0) { return true; } }
            return false;
          }
          function score(entry, terms) {
            var total = 0;
            for (var i = 0; i < terms.length; i++) {
              var term = terms[i], points = 0;
              if (matches(entry.title, term)) { points += 5; }
              if (matches(entry.extra, term)) { points += 3; }
              if (matches(entry.summary, term)) { points += 1; }
              if (points === 0) { return 0; }
              total += points;
            }
            return total;
          }
          function show(query) {
            var terms = words(query);
            while (list.firstChild) { list.removeChild(list.firstChild); }
            if (terms.length === 0) { status.textContent = ""; return; }
            var found = index.map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
              .filter(function (r) { return r.score > 0; })
              .sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); })
              .slice(0, 50);
            status.textContent = found.length === 0 ? "No pages match \\u201c" + query + "\\u201d."
              : found.length + (found.length === 1 ? " page matches" : " pages match") + " \\u201c" + query + "\\u201d.";
            found.forEach(function (result) {
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = root + result.entry.u;
              link.textContent = result.entry.t;
              var kind = document.createElement("span");
              kind.className = "result-kind";
              kind.textContent = result.entry.k;
              var summary = document.createElement("p");
              summary.textContent = result.entry.s;
              item.appendChild(link);
              item.appendChild(document.createTextNode(" "));
              item.appendChild(kind);
              item.appendChild(summary);
              list.appendChild(item);
            });
          }
          var query = new URLSearchParams(window.location.search).get("q") || "";
          input.value = query;
          var timer = null;
          input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () { show(input.value); }, 120);
          });
          fetch(root + "search-index.json").then(function (response) { return response.json(); }).then(function (data) {
            index = data.map(prepare);
            show(query);
          }).catch(function () { status.textContent = "Search is not available right now."; });
        })();

        """
}
