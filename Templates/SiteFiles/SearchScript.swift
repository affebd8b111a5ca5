/// The search page's script, written into the site by Salve (`assets/search.js`): no dependencies.
///
/// It follows ``SearchText`` and ``Search/expand(_:vocabulary:)`` exactly (words, stop words, edit
/// distance, prefix and near matches, points), loads only the index files a query needs, and builds
/// results with DOM nodes and text only: page text is never parsed as markup (matched words are
/// `<mark>` elements whose text is set as text).
public enum SearchScript {
    public static var source: String {
        let weights = Search.weights.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
        return """
        (function () {
          "use strict";
          var list = document.getElementById("search-results");
          var input = document.getElementById("search-q");
          var status = document.getElementById("search-status");
          var form = document.getElementById("search-form");
          var more = document.getElementById("search-more");
          if (!list || !input || !status || !form || !more || !window.fetch) { return; }
          // The page's words (in the site's language), from the results list's data attributes.
          function text(name) { return list.getAttribute("data-" + name) || ""; }
          var root = list.getAttribute("data-root") || "../";
          if (root === "./") { root = ""; }
          var V = +list.getAttribute("data-v") || 1;
          var N = +list.getAttribute("data-n") || 0;
          var STOP = {};
          "\(SearchText.stopWords.joined(separator: " "))".split(" ").forEach(function (w) { STOP[w] = 1; });
          var WEIGHTS = [\(weights)], BONUS = \(Search.exactTitleBonus), PREFIXES = \(Search.prefixLimit), SHOWN = 10;

          function allWords(text) {
            return text.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
          }
          function queryWords(query) {
            var all = allWords(query).filter(function (w) { return w.length > 1 || /[0-9]/.test(w); });
            var seen = {}, out = [];
            all.forEach(function (w) { if (!STOP[w] && w.length <= 40 && !seen[w]) { seen[w] = 1; out.push(w); } });
            if (!out.length) { all.forEach(function (w) { if (!seen[w]) { seen[w] = 1; out.push(w); } }); }
            return out;
          }
          function allowed(n) { return n < 4 ? 0 : n < 8 ? 1 : 2; }
          // Optimal string alignment: an adjacent transposition is one edit; stops once past the limit.
          function distance(a, b, limit) {
            if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
            if (!a.length || !b.length) { return Math.max(a.length, b.length); }
            var before = [], prev = [], cur = [], i, j, t;
            for (j = 0; j <= b.length; j++) { before[j] = 0; prev[j] = j; cur[j] = 0; }
            for (i = 1; i <= a.length; i++) {
              cur[0] = i;
              var low = i;
              for (j = 1; j <= b.length; j++) {
                var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { v = Math.min(v, before[j - 2] + 1); }
                cur[j] = v;
                if (v < low) { low = v; }
              }
              if (low > limit) { return limit + 1; }
              t = before; before = prev; prev = cur; cur = t;
            }
            return Math.min(prev[b.length], limit + 1);
          }
          // A query word's index words, as [word, quality, place in the vocabulary]: exact (2), prefix
          // completions (1, shortest first) and near words (0, same first letter, within the allowed edits).
          function expand(term, vocab) {
            var low = 0, high = vocab.length, mid, k, out = [], seen = {}, prefixed = [];
            while (low < high) { mid = (low + high) >> 1; if (vocab[mid] < term) { low = mid + 1; } else { high = mid; } }
            for (k = low; k < vocab.length && vocab[k].lastIndexOf(term, 0) === 0; k++) { prefixed.push(k); }
            if (prefixed.length && vocab[prefixed[0]] === term) { out.push([term, 2, prefixed[0]]); seen[term] = 1; prefixed.shift(); }
            prefixed.sort(function (x, y) { return vocab[x].length - vocab[y].length || x - y; });
            prefixed.slice(0, PREFIXES).forEach(function (k) { out.push([vocab[k], 1, k]); seen[vocab[k]] = 1; });
            var limit = allowed(term.length);
            if (limit) {
              vocab.forEach(function (w, k) {
                if (!seen[w] && w[0] === term[0] && distance(term, w, limit) <= limit) { out.push([w, 0, k]); }
              });
            }
            return out;
          }
          // The postings file holding the vocabulary's k-th word: runs of words, [first word, file, …].
          function fileOf(runs, k) {
            var low = 0, high = runs.length / 2;
            while (high - low > 1) { var mid = (low + high) >> 1; if (runs[2 * mid] <= k) { low = mid; } else { high = mid; } }
            return runs[2 * low + 1];
          }
          function points(fields, quality) {
            var f = fields & 1 ? 0 : fields & 2 ? 1 : fields & 4 ? 2 : fields & 8 ? 3 : 4;
            return WEIGHTS[quality][f];
          }

          // Points by match quality and fields, looked up once per posting.
          var POINTS = new Int32Array(96), q, f;
          for (q = 0; q < 3; q++) { for (f = 1; f < 32; f++) { POINTS[q * 32 + f] = points(f, q); } }

          var cache = {};
          function load(path) {
            if (!cache[path]) {
              cache[path] = fetch(root + path).then(function (r) {
                if (!r.ok) { throw new Error(path); }
                return /\\.bin$/.test(path) ? r.arrayBuffer().then(postingsFile) : r.json();
              });
              cache[path].catch(function () { delete cache[path]; });
            }
            return cache[path];
          }
          // A postings file (count; each word's length, letters and size; then the postings): each
          // word's postings stay bytes, read where they are scored.
          function postingsFile(buffer) {
            var bytes = new Uint8Array(buffer), at = 0, spans = {}, heads = [], i, j;
            function number() {
              var v = 0, scale = 1, b;
              do { b = bytes[at++]; v += (b & 127) * scale; scale *= 128; } while (b & 128);
              return v;
            }
            var count = number();
            for (i = 0; i < count && at < bytes.length; i++) {
              var length = number(), word = "";
              for (j = 0; j < length; j++) { word += String.fromCharCode(bytes[at++]); }
              heads.push([word, number()]);
            }
            heads.forEach(function (h) { spans[h[0]] = [at, Math.min(at + h[1], bytes.length)]; at += h[1]; });
            return { bytes: bytes, spans: spans };
          }

          // Every page matching every query word, best first (ties: lower rank, i.e. kind then title):
          // sort keys, (most points - score) * 2^21 + rank, the first screen's picked without sorting.
          function find(query) {
            var terms = queryWords(query);
            if (!terms.length) { return Promise.resolve(null); }
            return Promise.all(terms.map(function (t) { return load("search/w" + (t.charCodeAt(0) % V) + ".json"); })).then(function (vocabs) {
              var needed = {}, matched = {};
              var expanded = terms.map(function (t, i) {
                return expand(t, vocabs[i].w).map(function (m) { return [m[0], m[1], fileOf(vocabs[i].c, m[2])]; });
              });
              var perTerm = expanded.map(function (e) {
                var set = {};
                e.forEach(function (m) { needed[m[2]] = 1; matched[m[0]] = 1; set[m[0]] = 1; });
                return set;
              });
              var names = Object.keys(needed);
              return Promise.all(names.map(function (b) { return load("search/i" + b + ".bin"); })).then(function (files) {
                var postings = {};
                names.forEach(function (b, i) { postings[b] = files[i]; });
                // Scores by rank in typed arrays (0: no match; every match scores more): a common
                // word reaches thousands of pages, and objects keyed by rank were slower to fill and walk.
                var total = null, exact = new Uint8Array(N), titleLength = new Uint8Array(N), r;
                expanded.forEach(function (matches) {
                  var best = new Int32Array(N), hit = new Uint8Array(N);
                  matches.forEach(function (m) {
                    var file = postings[m[2]], span = file.spans[m[0]];
                    if (!span) { return; }
                    var bytes = file.bytes, at = span[0], end = span[1], rank = 0, base = m[1] * 32, exactWord = m[1] === 2;
                    // Each posting: (rank gap << 5 | fields) in 7-bit groups, then the title's word
                    // count when the word is in the title.
                    while (at < end) {
                      var b = bytes[at++], v = b & 127, scale = 128;
                      while (b & 128) { b = bytes[at++]; v += (b & 127) * scale; scale *= 128; }
                      rank += Math.floor(v / 32);
                      if (rank >= N) { break; }
                      var fields = v & 31, p = POINTS[base + fields];
                      if (best[rank] < p) { best[rank] = p; }
                      if (fields & 1) {
                        var titleWords = bytes[at++];
                        if (exactWord) { hit[rank] = 1; titleLength[rank] = titleWords; }
                      }
                    }
                  });
                  if (total === null) {
                    total = best;
                  } else {
                    for (r = 0; r < N; r++) { total[r] = total[r] && best[r] ? total[r] + best[r] : 0; }
                  }
                  for (r = 0; r < N; r++) { exact[r] += hit[r]; }
                });
                var keys = new Float64Array(N), count = 0;
                for (r = 0; r < N; r++) {
                  if (total[r]) {
                    var bonus = exact[r] === terms.length && titleLength[r] === terms.length ? BONUS : 0;
                    keys[count++] = (TOP - total[r] - bonus) * RANKS + r;
                  }
                }
                keys = keys.subarray(0, count);
                return { query: query, words: matched, terms: perTerm, keys: keys, first: smallest(keys, SHOWN), sorted: false };
              });
            });
          }

          var TOP = 1048576, RANKS = 2097152;
          // The k smallest keys in order, in one pass (the first screen needs only these).
          function smallest(keys, k) {
            var out = [];
            for (var i = 0; i < keys.length; i++) {
              var x = keys[i];
              if (out.length === k && x >= out[k - 1]) { continue; }
              var j = out.length < k ? out.length : k - 1;
              while (j > 0 && out[j - 1] > x) { out[j] = out[j - 1]; j--; }
              out[j] = x;
            }
            return out;
          }
          // The ranks of results from..to, best first; the whole list is sorted only when asked for more.
          function ranks(found, from, to) {
            var keys;
            if (to <= found.first.length || found.first.length === found.keys.length) {
              keys = found.first.slice(from, to);
            } else {
              if (!found.sorted) { found.keys.sort(); found.sorted = true; }
              keys = Array.prototype.slice.call(found.keys.subarray(from, to));
            }
            return keys.map(function (key) { return key % RANKS; });
          }
          // Fragments are named by rank: fetched as soon as the postings are scored.
          function fragments(found, from, to) {
            return Promise.all(ranks(found, from, to).map(function (rank) { return load("search/f/" + rank + ".json"); }));
          }

          // Whether a word of the text is one of the index words the query reached: as the index
          // reads words (lower case, accents removed); plain ASCII words need no more than lower case.
          function matches(token, words) {
            var lower = token.toLowerCase();
            if (/^[a-z0-9]+$/.test(lower)) { return words[lower] === 1; }
            var w = allWords(lower);
            return w.length === 1 && words[w[0]] === 1;
          }
          var WORD = /[0-9A-Za-z\\u00c0-\\u024f]+/g;
          // Where the text's first matched word starts, or -1.
          function firstMatch(text, words) {
            WORD.lastIndex = 0;
            for (var m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
              if (matches(m[0], words)) { return m.index; }
            }
            return -1;
          }
          // Text with the matched words in <mark> elements: text nodes only, never markup.
          function mark(parent, text, words) {
            var last = 0, m;
            WORD.lastIndex = 0;
            while ((m = WORD.exec(text)) !== null) {
              if (matches(m[0], words)) {
                if (m.index > last) { parent.appendChild(document.createTextNode(text.slice(last, m.index))); }
                var el = document.createElement("mark");
                el.textContent = m[0];
                parent.appendChild(el);
                last = m.index + m[0].length;
              }
            }
            if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
          }
          // About 30 words of the text: ten before the one that starts at `at`, and the rest after.
          function clip(text, at) {
            while (at > 0 && !/\\s/.test(text.charAt(at - 1))) { at--; }
            var before = text.slice(0, at).split(/\\s+/).filter(Boolean), after = text.slice(at).split(/\\s+/).filter(Boolean);
            var start = Math.max(0, before.length - 10);
            var shown = before.slice(start).concat(after).slice(0, 30);
            return (start > 0 ? "\\u2026 " : "") + shown.join(" ") + (start + shown.length < before.length + after.length ? " \\u2026" : "");
          }
          // How many of the query's words (each a set of the index words it reached) the text holds.
          function covered(text, terms) {
            var have = {};
            allWords(text).forEach(function (w) { have[w] = 1; });
            return terms.filter(function (set) { return Object.keys(set).some(function (w) { return have[w]; }); }).length;
          }
          function item(page, words, terms) {
            var li = document.createElement("li");
            var link = document.createElement("a");
            link.href = root + page.u;
            mark(link, page.t, words);
            var kind = document.createElement("span");
            kind.className = "result-kind";
            kind.textContent = page.k;
            li.appendChild(link);
            li.appendChild(document.createTextNode(" "));
            li.appendChild(kind);
            // Which synonym or lay term matched, when it explains more of the query than the title.
            var inTitle = covered(page.t, terms);
            var name = null, most = inTitle;
            (page.n || []).forEach(function (n) { var c = covered(n, terms); if (c > most) { most = c; name = n; } });
            if (name) {
              var names = document.createElement("p");
              names.className = "result-names";
              var also = text("also").split("{names}");
              names.appendChild(document.createTextNode(also[0]));
              mark(names, name, words);
              if (also[1]) { names.appendChild(document.createTextNode(also[1])); }
              li.appendChild(names);
            }
            // From the summary when it has a matched word, else from the text where one first appears.
            var source = page.s, at = firstMatch(page.s, words);
            if (at < 0 && page.b) {
              var inText = firstMatch(page.b, words);
              if (inText >= 0) { source = page.b; at = inText; }
            }
            if (source) {
              var snippet = document.createElement("p");
              mark(snippet, clip(source, Math.max(at, 0)), words);
              li.appendChild(snippet);
            }
            return li;
          }

          var seq = 0, current = null, shown = 0;
          function show(query) {
            var mine = ++seq;
            return find(query).then(function (found) {
              if (mine !== seq) { return; }
              if (!found) {
                current = null;
                while (list.firstChild) { list.removeChild(list.firstChild); }
                more.hidden = true;
                status.textContent = "";
                list.setAttribute("data-for", "");
                return;
              }
              return fragments(found, 0, SHOWN).then(function (pages) {
                if (mine !== seq) { return; }
                current = found;
                shown = pages.length;
                while (list.firstChild) { list.removeChild(list.firstChild); }
                pages.forEach(function (page) { list.appendChild(item(page, found.words, found.terms)); });
                more.hidden = shown >= found.keys.length;
                var n = found.keys.length;
                status.textContent = text(n === 0 ? "none" : n === 1 ? "one" : "other")
                  .split("{n}").join(String(n)).split("{query}").join(query.trim());
                list.setAttribute("data-for", query);
              });
            }).catch(function () {
              if (mine === seq) { status.textContent = text("error"); }
            });
          }
          function remember(query) {
            var url = query.trim() ? "?q=" + encodeURIComponent(query).replace(/%20/g, "+") : "./";
            try { history.replaceState(null, "", url); } catch (e) { /* file: pages */ }
          }
          function now(query) {
            clearTimeout(timer);
            remember(query);
            return show(query);
          }

          var timer = 0;
          input.addEventListener("input", function () {
            // The vocabulary of each word being typed loads while the reader types, not after the last key.
            allWords(input.value).forEach(function (w) { load("search/w" + (w.charCodeAt(0) % V) + ".json"); });
            clearTimeout(timer);
            // A burst of input events (a paste, autofill, a fast typist's keys) makes one search.
            timer = setTimeout(function () { now(input.value); }, 10);
          });
          form.addEventListener("submit", function (event) {
            event.preventDefault();
            now(input.value);
            input.focus();
          });
          input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
              var first = list.querySelector("li > a");
              if (first) { event.preventDefault(); first.focus(); }
            } else if (event.key === "Escape") {
              event.preventDefault();
              input.value = "";
              now("");
            }
          });
          list.addEventListener("keydown", function (event) {
            if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
            var links = Array.prototype.slice.call(list.querySelectorAll("li > a"));
            var at = links.indexOf(document.activeElement);
            if (at < 0) { return; }
            event.preventDefault();
            if (event.key === "ArrowDown") { if (at + 1 < links.length) { links[at + 1].focus(); } }
            else if (at === 0) { input.focus(); }
            else { links[at - 1].focus(); }
          });
          more.addEventListener("click", function () {
            if (!current) { return; }
            var found = current, mine = seq;
            fragments(found, shown, shown + SHOWN).then(function (pages) {
              if (mine !== seq) { return; }
              var first = null;
              pages.forEach(function (page) {
                var li = item(page, found.words, found.terms);
                list.appendChild(li);
                first = first || li.querySelector("a");
              });
              shown += pages.length;
              more.hidden = shown >= found.keys.length;
              if (first) { first.focus(); }
            });
          });
          // The header's search box on this page searches here, without reloading.
          var header = document.querySelector("form.site-search");
          if (header) {
            header.addEventListener("submit", function (event) {
              var box = header.querySelector("input");
              event.preventDefault();
              input.value = box ? box.value : "";
              now(input.value);
              input.focus();
            });
          }
          function fromURL() { return new URLSearchParams(window.location.search).get("q") || ""; }
          window.addEventListener("popstate", function () { input.value = fromURL(); show(input.value); });
          window.salveSearch = { queryWords: queryWords, distance: distance, allowed: allowed, find: find };
          var initial = fromURL();
          input.value = initial;
          if (initial) {
            // Arrived from a search box: keep the reader in the field, one Tab from the first result.
            if (!document.activeElement || document.activeElement === document.body) { input.focus(); }
            show(initial);
          }
        })();

        """
    }
}
