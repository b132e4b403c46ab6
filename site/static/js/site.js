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
