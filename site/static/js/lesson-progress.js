/* Records which stretches of a lesson's videos actually played and reports them to the server.
 *
 * Only time that passes while the video plays normally counts: a jump (seeking, or a gap of more
 * than two seconds between time updates) starts a new stretch instead of extending the old one,
 * so dragging to the end adds nothing. The server merges the stretches and caps what a report can
 * add by the time since the previous one.
 */
(function () {
  var box = document.querySelector("[data-lesson-progress]");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-lesson-progress");
  var csrf = box.getAttribute("data-csrf");
  var status = document.getElementById("watch-status");
  var percentOut = document.getElementById("watched-percent");
  var pending = {};   // media id -> [[start, end], ...] not yet reported
  var durations = {};
  var done = false;
  var REPORT_EVERY_MS = 5000;

  function add(id, start, end) {
    if (end <= start) { return; }
    var list = pending[id] || (pending[id] = []);
    var last = list[list.length - 1];
    if (last && start <= last[1] + 0.01) { last[1] = Math.max(last[1], end); }
    else { list.push([start, end]); }
  }

  function report(useBeacon) {
    var videos = {};
    var any = false;
    Object.keys(pending).forEach(function (id) {
      if (pending[id].length) {
        videos[id] = { ranges: pending[id], duration: durations[id] || 0 };
        any = true;
      }
    });
    if (!any || done) { return; }
    pending = {};
    var body = JSON.stringify({ videos: videos });
    if (useBeacon && navigator.sendBeacon) {
      // A beacon cannot send the CSRF header; the form field is read instead.
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf);
      data.append("payload", body);
      navigator.sendBeacon(url, data);
      return;
    }
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: body
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      if (!result || !status) { return; }
      if (result.done) {
        done = true;
        status.textContent = status.getAttribute("data-done-text");
        status.classList.add("notice");
      } else if (percentOut) {
        percentOut.textContent = result.watched;
      }
    }).catch(function () {
      // Offline: put the stretches back to send with the next report.
      Object.keys(videos).forEach(function (id) {
        videos[id].ranges.forEach(function (r) { add(id, r[0], r[1]); });
      });
    });
  }

  Array.prototype.forEach.call(box.querySelectorAll("video[data-media-id]"), function (video) {
    var id = video.getAttribute("data-media-id");
    var last = null;
    video.addEventListener("loadedmetadata", function () { durations[id] = video.duration; });
    video.addEventListener("playing", function () { last = video.currentTime; });
    video.addEventListener("seeking", function () { last = null; });
    video.addEventListener("timeupdate", function () {
      var now = video.currentTime;
      if (video.seeking) { last = null; return; }
      // The update that comes with a pause or the end is dispatched once the video is already
      // paused; it still closes the stretch that played since the previous update.
      if (last !== null && now > last && now - last <= 2) { add(id, last, now); }
      last = video.paused ? null : now;
    });
    video.addEventListener("pause", function () { last = null; report(false); });
    video.addEventListener("ended", function () { add(id, last === null ? video.duration : last, video.duration); last = null; report(false); });
  });

  window.setInterval(function () { report(false); }, REPORT_EVERY_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { report(true); }
  });
})();
