/* 最近搜索: the reader's own last searches, kept only in this browser (localStorage), never
   sent to the server. A search that was run is remembered; the search page lists the others as
   links, newest first, with a button that forgets them all. Without storage (private windows,
   storage turned off) the list simply stays hidden. */
(function () {
  var KEY = "nanhu.recentSearches";
  var LIMIT = 8;
  var box = document.querySelector("[data-recent-searches]");
  if (!box) { return; }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (q) { return typeof q === "string"; }) : [];
    } catch (error) { return []; }
  }
  function save(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { /* no storage */ }
  }

  var current = (box.getAttribute("data-query") || "").trim();
  var recent = load();
  if (current) {
    recent = [current].concat(recent.filter(function (q) { return q !== current; })).slice(0, LIMIT);
    save(recent);
  }

  var list = box.querySelector("ul");
  var action = box.getAttribute("data-action");
  var shown = recent.filter(function (q) { return q !== current; });
  shown.forEach(function (query) {
    var link = document.createElement("a");
    link.href = action + "?q=" + encodeURIComponent(query);
    link.textContent = query;
    link.className = "chip";
    var item = document.createElement("li");
    item.appendChild(link);
    list.appendChild(item);
  });
  box.hidden = shown.length === 0;

  box.querySelector("[data-forget]").addEventListener("click", function () {
    save([]);
    try { window.localStorage.removeItem(KEY); } catch (error) { /* no storage */ }
    box.hidden = true;
    var input = document.getElementById("search-q");
    if (input) { input.focus(); }
  });
})();
