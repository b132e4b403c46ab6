/* Small behaviours of the site: the large-text toggle (适老化) and the phone menu. */
(function () {
  var root = document.documentElement;

  var sizeButton = document.querySelector("[data-text-size-toggle]");
  if (sizeButton) {
    var sync = function () {
      sizeButton.setAttribute("aria-pressed", root.classList.contains("text-large") ? "true" : "false");
    };
    sizeButton.hidden = false;
    sync();
    sizeButton.addEventListener("click", function () {
      var large = root.classList.toggle("text-large");
      try { window.localStorage.setItem("textSize", large ? "large" : "normal"); } catch (e) { /* not persisted */ }
      sync();
    });
  }

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
})();

/* Buttons that print the page (certificates, posters). */
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
