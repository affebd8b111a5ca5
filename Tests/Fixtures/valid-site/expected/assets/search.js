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
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
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
    status.textContent = found.length === 0 ? "No pages match \u201c" + query + "\u201d."
      : found.length + (found.length === 1 ? " page matches" : " pages match") + " \u201c" + query + "\u201d.";
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
