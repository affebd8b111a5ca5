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
  var V = +list.getAttribute("data-v") || 1, B = +list.getAttribute("data-b") || 1, C = +list.getAttribute("data-c") || 128;
  var N = +list.getAttribute("data-n") || 0;
  var STOP = {};
  "a an and are as at be but by can do for from has have how i if in into is it its my of on or our so than that the their then there these they this to was we were what when which will with you your".split(" ").forEach(function (w) { STOP[w] = 1; });
  var WEIGHTS = [[60,50,40,30,20],[500,380,280,180,80],[600,400,300,200,100]], BONUS = 1000, PREFIXES = 30, SHOWN = 10;

  function allWords(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
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
  function bucket(word) {
    var h = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) { h = Math.imul(h ^ word.charCodeAt(i), 16777619) >>> 0; }
    return h % B;
  }
  function expand(term, vocab) {
    var low = 0, high = vocab.length, mid, k, out = [], seen = {}, prefixed = [];
    while (low < high) { mid = (low + high) >> 1; if (vocab[mid] < term) { low = mid + 1; } else { high = mid; } }
    for (k = low; k < vocab.length && vocab[k].lastIndexOf(term, 0) === 0; k++) { prefixed.push(vocab[k]); }
    if (prefixed[0] === term) { out.push([term, 2]); seen[term] = 1; prefixed.shift(); }
    prefixed.sort(function (x, y) { return x.length - y.length || (x < y ? -1 : 1); });
    prefixed.slice(0, PREFIXES).forEach(function (w) { out.push([w, 1]); seen[w] = 1; });
    var limit = allowed(term.length);
    if (limit) {
      vocab.forEach(function (w) {
        if (!seen[w] && w[0] === term[0] && distance(term, w, limit) <= limit) { out.push([w, 0]); }
      });
    }
    return out;
  }
  function points(fields, quality) {
    var f = fields & 1 ? 0 : fields & 2 ? 1 : fields & 4 ? 2 : fields & 8 ? 3 : 4;
    return WEIGHTS[quality][f];
  }

  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) {
        if (!r.ok) { throw new Error(path); }
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  // Every page matching every query word, best first (ties: lower rank, i.e. kind then title).
  function find(query) {
    var terms = queryWords(query);
    if (!terms.length) { return Promise.resolve(null); }
    return Promise.all(terms.map(function (t) { return load("search/w" + (t.charCodeAt(0) % V) + ".json"); })).then(function (vocabs) {
      var expanded = terms.map(function (t, i) { return expand(t, vocabs[i]); });
      var needed = {}, matched = {};
      var perTerm = expanded.map(function (e) {
        var set = {};
        e.forEach(function (m) { needed[bucket(m[0])] = 1; matched[m[0]] = 1; set[m[0]] = 1; });
        return set;
      });
      var names = Object.keys(needed);
      return Promise.all(names.map(function (b) { return load("search/i" + b + ".json"); })).then(function (files) {
        var postings = {};
        names.forEach(function (b, i) { postings[b] = files[i]; });
        // Scores by rank in typed arrays (0: no match; every match scores more): a common
        // word reaches thousands of pages, and objects keyed by rank were slower to fill and walk.
        var total = null, exact = new Uint8Array(N), titleLength = new Uint8Array(N), r;
        expanded.forEach(function (matches) {
          var best = new Int32Array(N), hit = new Uint8Array(N);
          matches.forEach(function (m) {
            var values = postings[bucket(m[0])][m[0]] || [], rank = 0;
            for (var k = 0; k < values.length; k++) {
              var v = values[k];
              rank += Math.floor(v / 256);
              var fields = v & 31, p = points(fields, m[1]);
              if (best[rank] < p) { best[rank] = p; }
              if (m[1] === 2 && (fields & 1)) { hit[rank] = 1; titleLength[rank] = (v >> 5) & 7; }
            }
          });
          if (total === null) {
            total = best;
          } else {
            for (r = 0; r < N; r++) { total[r] = total[r] && best[r] ? total[r] + best[r] : 0; }
          }
          for (r = 0; r < N; r++) { exact[r] += hit[r]; }
        });
        var results = [];
        for (r = 0; r < N; r++) {
          if (total[r]) {
            var bonus = exact[r] === terms.length && titleLength[r] === terms.length ? BONUS : 0;
            results.push({ rank: r, score: total[r] + bonus });
          }
        }
        results.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
        return { query: query, words: matched, terms: perTerm, results: results };
      });
    });
  }

  function fragments(results) {
    return Promise.all(results.map(function (r) {
      return load("search/p" + Math.floor(r.rank / C) + ".json").then(function (table) {
        return load("search/f/" + table[r.rank % C] + ".json");
      });
    }));
  }

  function hasMatch(text, words) {
    return allWords(text).some(function (w) { return words[w] === 1; });
  }
  // Text with the matched words in <mark> elements: text nodes only, never markup.
  function mark(parent, text, words) {
    var re = /[0-9A-Za-z\u00c0-\u024f]+/g, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      var w = allWords(m[0]);
      if (w.length === 1 && words[w[0]] === 1) {
        if (m.index > last) { parent.appendChild(document.createTextNode(text.slice(last, m.index))); }
        var el = document.createElement("mark");
        el.textContent = m[0];
        parent.appendChild(el);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }
  // About 30 words of the text, around its first matched word.
  function clip(text, words) {
    var tokens = text.split(/\s+/).filter(Boolean), at = 0;
    for (var i = 0; i < tokens.length; i++) { if (hasMatch(tokens[i], words)) { at = i; break; } }
    var start = Math.max(0, at - 10), end = Math.min(tokens.length, start + 30);
    return (start > 0 ? "\u2026 " : "") + tokens.slice(start, end).join(" ") + (end < tokens.length ? " \u2026" : "");
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
    var source = hasMatch(page.s, words) || !hasMatch(page.b || "", words) ? page.s : page.b;
    if (source) {
      var snippet = document.createElement("p");
      mark(snippet, clip(source, words), words);
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
      return fragments(found.results.slice(0, SHOWN)).then(function (pages) {
        if (mine !== seq) { return; }
        current = found;
        shown = pages.length;
        while (list.firstChild) { list.removeChild(list.firstChild); }
        pages.forEach(function (page) { list.appendChild(item(page, found.words, found.terms)); });
        more.hidden = shown >= found.results.length;
        var n = found.results.length;
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
    clearTimeout(timer);
    timer = setTimeout(function () { now(input.value); }, 30);
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
    fragments(found.results.slice(shown, shown + SHOWN)).then(function (pages) {
      if (mine !== seq) { return; }
      var first = null;
      pages.forEach(function (page) {
        var li = item(page, found.words, found.terms);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      shown += pages.length;
      more.hidden = shown >= found.results.length;
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
