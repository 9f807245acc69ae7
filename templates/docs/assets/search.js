// graphgen docs search: filters the index in search-index.js as you type. Runs from file:// and any static
// host: no fetch, no server, no framework. `index.html?q=word` opens with a search filled in.
(function () {
  "use strict";
  var index = window.graphgenSearchIndex || [];
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  if (!input || !results) return;
  var LIMIT = 50;

  function rank(entry, words) {
    var name = entry.n.toLowerCase();
    var text = name + " " + entry.d.toLowerCase();
    var score = 0;
    for (var i = 0; i < words.length; i++) {
      var at = name.indexOf(words[i]);
      if (at === 0) score += 3;
      else if (at > 0) score += 2;
      else if (text.indexOf(words[i]) >= 0) score += 1;
      else return 0;
    }
    return score;
  }

  function show(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (words.length === 0) return;
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var score = rank(index[i], words);
      if (score > 0) hits.push({ entry: index[i], score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.entry.n.length - b.entry.n.length || (a.entry.n < b.entry.n ? -1 : 1); });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.textContent = "Nothing matches \u201c" + query + "\u201d.";
      results.appendChild(none);
    }
    hits.slice(0, LIMIT).forEach(function (hit) {
      // Text nodes only: names and descriptions come from metadata and are never parsed as markup.
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.u.split("/").map(encodeURIComponent).join("/") + ".html";
      link.textContent = hit.entry.n;
      var kind = document.createElement("span");
      kind.className = "k";
      kind.textContent = hit.entry.k + (hit.entry.d ? " \u00b7 " + hit.entry.d : "");
      item.appendChild(link);
      item.appendChild(kind);
      results.appendChild(item);
    });
  }

  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
