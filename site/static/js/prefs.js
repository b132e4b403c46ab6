/* Reading preferences (适老化, GB/T 37668): large text and high contrast.
 *
 * Loaded without `defer` in <head>, so a reader's choice is on <html> before the first paint and
 * the page never jumps or flashes. Choices are kept in this browser's localStorage rather than a
 * cookie: every reader gets the same HTML, which caches may then share. The top bar's buttons
 * (`data-pref="<key>"`, hidden until this script shows them) switch a preference on and off.
 * High contrast follows the system's "more contrast" setting until the reader chooses.
 */
(function () {
  var root = document.documentElement;
  var PREFERENCES = [
    { key: "textSize", on: "large", off: "normal", className: "text-large" },
    {
      key: "contrast", on: "high", off: "normal", className: "contrast-high",
      media: "(prefers-contrast: more)"
    }
  ];

  function stored(pref) {
    try { return window.localStorage.getItem(pref.key); } catch (e) { return null; }
  }

  function store(pref, value) {
    try { window.localStorage.setItem(pref.key, value); } catch (e) { /* not kept: this page only */ }
  }

  function wanted(pref) {
    var value = stored(pref);
    if (value) { return value === pref.on; }
    return Boolean(pref.media && window.matchMedia && window.matchMedia(pref.media).matches);
  }

  function button(pref) {
    return document.querySelector('[data-pref="' + pref.key + '"]');
  }

  function apply() {
    PREFERENCES.forEach(function (pref) {
      var on = wanted(pref);
      root.classList.toggle(pref.className, on);
      var toggle = button(pref);
      if (toggle) { toggle.setAttribute("aria-pressed", on ? "true" : "false"); }
    });
  }

  function wire() {
    PREFERENCES.forEach(function (pref) {
      var toggle = button(pref);
      if (!toggle) { return; }
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        store(pref, root.classList.contains(pref.className) ? pref.off : pref.on);
        apply();
      });
    });
    apply();
  }

  root.classList.remove("no-js");
  root.classList.add("js");
  apply();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
  // A page restored from the back/forward cache shows the choices made on later pages.
  window.addEventListener("pageshow", function (event) { if (event.persisted) { apply(); } });
})();
