/* Small behaviours of the site: the phone search box and menu (reading preferences: prefs.js). */
(function () {
  // Phones: the search box opens from a button in the header, and takes the cursor.
  var searchButton = document.querySelector(".search-toggle");
  var search = document.getElementById("site-search");
  if (searchButton && search) {
    searchButton.hidden = false;
    searchButton.addEventListener("click", function () {
      var open = search.classList.toggle("is-open");
      searchButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) { search.querySelector("input").focus(); }
    });
  }

  var navButton = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (navButton && nav) {
    navButton.hidden = false;
    navButton.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      navButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Escape closes the open menu or search box and gives the focus back to its button, so a
  // keyboard reader is never left on something that has just disappeared.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    [[navButton, nav], [searchButton, search]].forEach(function (pair) {
      var toggle = pair[0];
      var panel = pair[1];
      if (!toggle || !panel || !panel.classList.contains("is-open")) { return; }
      panel.classList.remove("is-open");
      toggle.setAttribute("aria-expanded", "false");
      if (panel.contains(document.activeElement)) { toggle.focus(); }
    });
  });
})();

/* Buttons that print the page (certificates, posters). */
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();

/* Phones: a listing's filters start folded behind 筛选; wider screens always show them open. */
(function () {
  var fold = document.querySelector("[data-filters-fold]");
  if (!fold) { return; }
  var wide = window.matchMedia ? window.matchMedia("(min-width: 768px)") : null;
  var sync = function () { fold.open = !wide || wide.matches; };
  sync();
  fold.classList.add("is-ready");
  if (wide && wide.addEventListener) { wide.addEventListener("change", sync); }
  else if (wide && wide.addListener) { wide.addListener(sync); }
})();
