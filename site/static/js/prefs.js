/* Applied before the first paint so a reader who chose large text never sees the page jump. */
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  try {
    if (window.localStorage.getItem("textSize") === "large") root.classList.add("text-large");
  } catch (e) { /* storage blocked: default size */ }
})();
