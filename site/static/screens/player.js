/* The player of one screen: shows its playlist slide by slide, all day, unattended.
 *
 * - Two slide containers take turns (current / next): the next slide is built and its media
 *   preloaded while the current one shows, then it fades in over it. Nothing else is created
 *   per slide, so a browser left running for weeks does not grow: old content is removed, old
 *   videos let go of their source, there is one timer of each kind.
 * - The playlist is polled with If-None-Match (304 when nothing changed), at the interval the
 *   playlist gives. The last good playlist is kept in localStorage and, through the service
 *   worker, in the Cache API with the player page and the media; when the network or the server
 *   is down the player goes on with them and shows a small "offline since" mark.
 * - Clock, date and opening hours are in the playlist's time zone (utc_offset), not the device's;
 *   outside opening hours the screen shows a dark standby. An emergency notice covers the
 *   playlist until it expires or is cleared.
 * - A heartbeat after every poll tells the server the playlist version and the slide shown.
 * - Once a day (at about 04:00, or after 26 hours in any case) the page reloads at a slide
 *   boundary, only when the server answers.
 * Words come from the body's data attributes, which the template translates.
 */
(function () {
  "use strict";
  var body = document.body;
  var data = body.dataset;
  if (!data.playlist || !window.fetch || !window.Promise) { return; }

  var PLAYLIST_URL = data.playlist;
  var HEARTBEAT_URL = data.heartbeat;
  var STORE = "screen-playlist:" + PLAYLIST_URL;
  var OFFLINE_STORE = "screen-offline:" + PLAYLIST_URL;
  var FETCH_TIMEOUT = 10000;
  var FADE_MS = 800;
  var HOUR = 3600000;
  var STARTED = Date.now();
  var WEEKDAYS = (data.weekdays || "").split("|");
  // Opened from the admin to look at it: no heartbeat (the list must show whether the real
  // screen is alive) and no service worker.
  var PREVIEW = data.preview === "1";

  var slides = document.querySelectorAll("[data-slide]");
  var placeholder = document.querySelector("[data-placeholder]");
  var placeholderText = document.querySelector("[data-placeholder-text]");
  var progress = document.querySelector("[data-progress]");
  var emergencyBox = document.querySelector("[data-emergency]");
  var emergencyText = document.querySelector("[data-emergency-text]");
  var emergencyUntil = document.querySelector("[data-emergency-until]");
  var standbyBox = document.querySelector("[data-standby]");
  var statusMark = document.querySelector("[data-status]");
  var clocks = document.querySelectorAll("[data-clock]");
  var today = document.querySelector("[data-today]");

  var playlist = null;          // the last good playlist
  var seconds = clamp(Number(data.seconds), 5, 300, 15);
  var pollSeconds = clamp(Number(data.poll), 10, 600, 30);
  var offset = 480;             // minutes east of UTC of the clock and the opening hours
  var skew = 0;                 // the server's clock minus this device's, when they disagree
  var current = 0;              // which of the two containers is showing
  var shown = null;             // {id, key} of the slide showing, null when none
  var position = -1;            // its index in playlist.items
  var prepared = null;          // {key, failed} of the slide built in the other container
  var fading = false;
  var standby = false;
  var offlineSince = null;      // ms, when the first poll failed
  var repolled = false;
  var reloading = false;
  var timers = { slide: 0, poll: 0, clock: 0, fade: 0 };

  // ---- small helpers ------------------------------------------------------------------------

  function clamp(value, low, high, fallback) {
    if (!isFinite(value) || value <= 0) { return fallback; }
    return Math.min(high, Math.max(low, value));
  }

  function fill(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (match, name) {
      return values[name] === undefined ? match : values[name];
    });
  }

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  function now() { return Date.now() + skew; }

  // A Date whose UTC fields are the wall clock of the playlist's time zone.
  function wall(ms) { return new Date((ms === undefined ? now() : ms) + offset * 60000); }

  function hhmm(date) { return pad(date.getUTCHours()) + ":" + pad(date.getUTCMinutes()); }

  function weekday(date) { return (date.getUTCDay() + 6) % 7; }  // 0 = Monday

  function store(key, value) {
    try {
      if (value === null) { localStorage.removeItem(key); } else { localStorage.setItem(key, value); }
    } catch (error) { /* storage full or disabled: the service worker cache still has it */ }
  }

  function stored(key) {
    try { return localStorage.getItem(key); } catch (error) { return null; }
  }

  function request(url, options) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) { controller.abort(); } }, FETCH_TIMEOUT);
    options.credentials = "same-origin";
    if (controller) { options.signal = controller.signal; }
    return fetch(url, options).then(function (response) {
      clearTimeout(timer);
      return response;
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function items() { return playlist && playlist.items ? playlist.items : []; }

  function keyOf(item) { return JSON.stringify(item); }

  // ---- building a slide -----------------------------------------------------------------------

  function release(container) {
    var videos = container.querySelectorAll("video");
    for (var i = 0; i < videos.length; i += 1) {
      videos[i].pause();
      videos[i].removeAttribute("src");
      videos[i].removeAttribute("poster");
      videos[i].load();  // lets go of the decoder and the buffered data
    }
    container.textContent = "";
    container.className = "slide";
  }

  function qrCode(item) {
    var figure = element("figure", "qr");
    var image = element("img", "qr__code");
    image.src = item.qr;
    image.alt = data.qrAlt || "QR";
    image.width = 240;
    image.height = 240;
    figure.appendChild(image);
    figure.appendChild(element("figcaption", "qr__label", data.qrLabel));
    return figure;
  }

  function programme(item) {
    var box = element("div", "programme");
    if (item.video) {
      var video = element("video", "programme__film");
      video.muted = true;
      video.defaultMuted = true;
      video.loop = true;
      video.playsInline = true;
      video.preload = "auto";
      video.setAttribute("muted", "");
      video.setAttribute("playsinline", "");
      video.setAttribute("aria-hidden", "true");
      if (item.poster) { video.poster = item.poster; }
      video.addEventListener("error", function () {
        // No film (offline and not cached): the three parts take the room.
        video.removeAttribute("src");
        if (video.parentNode) { video.parentNode.removeChild(video); }
        box.className = "programme programme--no-film";
      }, { once: true });
      video.src = item.video;
      box.appendChild(video);
    } else {
      box.className = "programme programme--no-film";
    }
    var parts = element("ol", "parts");
    (item.parts || []).forEach(function (part) {
      var li = element("li", "part");
      li.appendChild(element("p", "part__label", part.label));
      li.appendChild(element("h3", "part__title", part.title || "—"));
      if (part.text) { li.appendChild(element("p", "part__text", part.text)); }
      parts.appendChild(li);
    });
    box.appendChild(parts);
    return box;
  }

  /* Builds ``item`` into ``container`` (hidden) and starts loading its media. The returned state
   * says whether the slide's own picture failed, in which case it is skipped. */
  function build(container, item) {
    release(container);
    var state = { key: keyOf(item), id: item.id, failed: false };
    var type = item.type || "page";
    container.classList.add("slide--" + type);
    container.setAttribute("data-item", item.id || "");
    var content = element("div", "slide__body");
    if (type === "image") {
      var picture = element("img", "slide__picture");
      picture.alt = item.alt || item.title || "";
      picture.decoding = "async";
      picture.addEventListener("error", function () { state.failed = true; }, { once: true });
      picture.src = item.image;
      content.appendChild(picture);
      if (item.title) { content.appendChild(element("h2", "slide__title", item.title)); }
    } else {
      var kicker = item.kicker || (type === "notice" ? data.notice : "");
      if (kicker) { content.appendChild(element("p", "slide__kicker", kicker)); }
      content.appendChild(element("h2", "slide__title", item.title || ""));
      if (item.meta && item.meta.length) {
        var meta = element("ul", "slide__meta");
        item.meta.forEach(function (line) { meta.appendChild(element("li", "", line)); });
        content.appendChild(meta);
      }
      if (type === "programme") {
        content.appendChild(programme(item));
      } else if (item.text) {
        content.appendChild(element("p", "slide__text", item.text));
      }
    }
    container.appendChild(content);
    if (item.qr && type !== "notice") { container.appendChild(qrCode(item)); }
    return state;
  }

  // ---- showing slides ----------------------------------------------------------------------

  function restartProgress(ms) {
    progress.style.transition = "none";
    progress.style.transform = "scaleX(0)";
    void progress.offsetWidth;  // lets the reset take effect before the new transition
    if (ms) {
      progress.style.transition = "transform " + ms + "ms linear";
      progress.style.transform = "scaleX(1)";
    }
  }

  function playVideos(container) {
    var videos = container.querySelectorAll("video");
    for (var i = 0; i < videos.length; i += 1) {
      var playing = videos[i].play();
      if (playing && playing.catch) { playing.catch(function () { /* shows the poster */ }); }
    }
  }

  function pauseVideos(container) {
    var videos = container.querySelectorAll("video");
    for (var i = 0; i < videos.length; i += 1) { videos[i].pause(); }
  }

  function nextPosition(from) {
    var list = items();
    return list.length ? (from + 1) % list.length : -1;
  }

  // Builds the slide after the one showing into the hidden container, so it is ready in time.
  function prepareFollowing() {
    var list = items();
    if (fading || !list.length) { return; }
    var item = list[nextPosition(position)];
    var key = keyOf(item);
    if (shown && key === shown.key) {  // one slide: nothing to swap
      if (prepared) { release(slides[1 - current]); prepared = null; }
      return;
    }
    if (prepared && prepared.key === key) { return; }
    prepared = build(slides[1 - current], item);
  }

  function schedule() {
    clearTimeout(timers.slide);
    restartProgress(seconds * 1000);
    timers.slide = setTimeout(advance, seconds * 1000);
  }

  var lastAdvance = Date.now();

  // One odd slide or playlist must never stop a screen: whatever goes wrong while changing
  // slides, the next change is still scheduled (and the clock's watchdog checks it happens).
  function advance() {
    lastAdvance = Date.now();
    try {
      changeSlide();
    } catch (error) {
      fading = false;
      prepared = null;
      schedule();
    }
  }

  function changeSlide() {
    clearTimeout(timers.slide);
    dailyReload();
    var list = items();
    if (!list.length) { showEmpty(); return; }
    if (standby) { return; }
    if (fading) { finishFade(); }
    var target = nextPosition(position);
    // Skip slides whose picture could not be loaded (offline and not cached), at most a round.
    for (var tries = 0; tries < list.length; tries += 1) {
      var key = keyOf(list[target]);
      if (shown && key === shown.key) { break; }
      if (!prepared || prepared.key !== key) {
        prepared = build(slides[1 - current], list[target]);
      }
      if (!prepared.failed) { break; }
      target = nextPosition(target);
    }
    var item = list[target];
    position = target;
    if (shown && keyOf(item) === shown.key) {  // the same slide again: just keep it
      playVideos(slides[current]);  // (paused if the screen was on standby)
      schedule();
      return;
    }
    var incoming = slides[1 - current];
    var outgoing = slides[current];
    incoming.classList.add("is-current");
    incoming.setAttribute("aria-hidden", "false");
    outgoing.classList.remove("is-current");
    outgoing.setAttribute("aria-hidden", "true");
    playVideos(incoming);
    current = 1 - current;
    shown = { id: item.id, key: prepared.key };
    prepared = null;
    body.setAttribute("data-item", item.id || "");
    fading = true;
    timers.fade = setTimeout(finishFade, FADE_MS + 100);
    schedule();
  }

  function finishFade() {
    clearTimeout(timers.fade);
    fading = false;
    var outgoing = slides[1 - current];
    pauseVideos(outgoing);
    release(outgoing);
    outgoing.setAttribute("aria-hidden", "true");
    if (shown) { placeholder.hidden = true; }  // only now, under the opaque slide
    prepareFollowing();
  }

  function showEmpty() {
    clearTimeout(timers.slide);
    clearTimeout(timers.fade);
    fading = false;
    shown = null;
    prepared = null;
    position = -1;
    for (var i = 0; i < slides.length; i += 1) {
      release(slides[i]);
      slides[i].setAttribute("aria-hidden", "true");
    }
    restartProgress(0);
    body.setAttribute("data-item", "");
    placeholderText.textContent = playlist ? data.empty : placeholderText.textContent;
    placeholder.hidden = false;
  }

  // ---- the playlist ------------------------------------------------------------------------

  function apply(next, fresh) {
    if (!next || !Array.isArray(next.items)) { throw new Error("not a playlist"); }
    var previousId = shown ? shown.id : null;
    playlist = next;
    if (fresh) { store(STORE, JSON.stringify(next)); }
    if (next.screen) {
      seconds = clamp(Number(next.screen.seconds), 5, 300, seconds);
      var portrait = next.screen.orientation === "portrait";
      body.classList.toggle("player--portrait", portrait);
      body.classList.toggle("player--landscape", !portrait);
    }
    pollSeconds = clamp(Number(next.poll), 10, 600, pollSeconds);
    if (typeof next.utc_offset === "number") { offset = next.utc_offset; }
    body.setAttribute("data-version", next.version || "");
    var list = items();
    position = -1;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].id === previousId) { position = i; break; }
    }
    tick();  // the emergency notice, the standby (which may wake the slides up)
    if (!list.length) {
      showEmpty();
    } else if (!shown || (position === -1 && !standby)) {
      // Nothing showing yet, or the slide showing has left the playlist (say, a withdrawn
      // disclosure): show the first slide now.
      position = -1;
      advance();
    } else {
      if (position === -1) { position = list.length - 1; }
      prepareFollowing();
    }
  }

  function goOnline(response) {
    var date = Date.parse(response.headers.get("Date") || "");
    if (isFinite(date)) {
      var measured = date - Date.now();
      skew = Math.abs(measured) > 60000 ? measured : 0;  // trust the device unless far off
    }
    if (offlineSince !== null) {
      offlineSince = null;
      store(OFFLINE_STORE, null);
      showStatus();
    }
  }

  function goOffline() {
    if (offlineSince === null) {
      offlineSince = now();
      store(OFFLINE_STORE, String(offlineSince));
      showStatus();
    }
  }

  function showStatus() {
    if (offlineSince === null) {
      statusMark.textContent = "";
      body.classList.remove("is-offline");
      return;
    }
    var then = wall(offlineSince);
    var time = hhmm(then);
    if (wall().toISOString().slice(0, 10) !== then.toISOString().slice(0, 10)) {
      time = pad(then.getUTCMonth() + 1) + "-" + pad(then.getUTCDate()) + " " + time;
    }
    statusMark.textContent = fill(data.offline, { time: time });
    body.classList.add("is-offline");
  }

  // The screen's address no longer exists (new token, screen deleted): stop showing content.
  function gone() {
    store(STORE, null);
    playlist = { items: [], hours: [], emergency: null };
    body.setAttribute("data-version", "");
    showEmpty();
    updateEmergency();
  }

  var polling = null;  // the poll under way: never two at once, never two timers

  function poll() {
    if (polling) { return polling; }
    clearTimeout(timers.poll);
    var headers = { Accept: "application/json" };
    if (playlist && playlist.version) { headers["If-None-Match"] = '"' + playlist.version + '"'; }
    polling = request(PLAYLIST_URL, { headers: headers, cache: "no-store" })
      .then(function (response) {
        // The service worker answers from its cache, marked so, when the server cannot.
        var cached = response.headers.get("X-Screens-Cache") === "1";
        if (cached) { goOffline(); } else if (response.status < 500) { goOnline(response); }
        if (response.status === 304) { return; }
        if (response.status === 404 || response.status === 410) { gone(); return; }
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json().then(function (next) {
          try {
            if (!cached) {
              if (!playlist || next.version !== playlist.version) { apply(next, true); }
            } else if (!playlist) {
              apply(next, false);
            }
          } catch (error) {
            /* A playlist this player cannot show: it keeps playing the one it has. */
          }
        });
      })
      .catch(goOffline)
      .then(function () {
        polling = null;
        clearTimeout(timers.poll);
        timers.poll = setTimeout(pollAgain, pollSeconds * 1000);
        if (offlineSince === null) { heartbeat(); }
      });
    return polling;
  }

  function pollAgain() {
    repolled = false;
    poll();
  }

  function heartbeat() {
    if (PREVIEW) { return; }
    var version = playlist && playlist.version ? playlist.version : "";
    request(HEARTBEAT_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: version, item: shown ? String(shown.id || "") : "" }),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // Changed since the poll (or another server process knew better): poll again, at
        // most once between two regular polls.
        if (answer && answer.current === false && answer.version !== version && !repolled) {
          repolled = true;
          poll();
        }
      })
      .catch(function () { /* the next poll says whether the server is back */ });
  }

  // ---- clock, opening hours, emergency, daily reload ----------------------------------------

  function minutes(text) {
    var parts = String(text).split(":");
    return Number(parts[0]) * 60 + Number(parts[1]);
  }

  function isOpen(date) {
    var hours = playlist && playlist.hours;
    if (!hours || !hours.length) { return true; }
    var day = weekday(date);
    var yesterday = (day + 6) % 7;
    var minute = date.getUTCHours() * 60 + date.getUTCMinutes();
    return hours.some(function (row) {
      var opens = minutes(row[1]);
      var closes = minutes(row[2]);
      if (opens < closes) { return row[0] === day && minute >= opens && minute < closes; }
      // Past midnight: open from ``opens`` on that day until ``closes`` the next morning.
      return (row[0] === day && minute >= opens) || (row[0] === yesterday && minute < closes);
    });
  }

  function emergencyActive() {
    var notice = playlist && playlist.emergency;
    if (!notice || !notice.text) { return null; }
    var until = Date.parse(notice.until || "");
    return isFinite(until) && until <= now() ? null : notice;
  }

  function updateEmergency() {
    var notice = emergencyActive();
    var key = notice ? notice.id + "|" + notice.text + "|" + notice.until : "";
    if (emergencyBox.getAttribute("data-key") === key) { return; }
    emergencyBox.setAttribute("data-key", key);
    if (!notice) {
      emergencyBox.hidden = true;
      emergencyText.textContent = "";
      emergencyUntil.textContent = "";
      return;
    }
    emergencyText.textContent = notice.text;
    var until = Date.parse(notice.until || "");
    var end = wall(until);
    var sameDay = isFinite(until) && end.toISOString().slice(0, 10) === wall().toISOString().slice(0, 10);
    var when = sameDay ? hhmm(end) : (end.getUTCMonth() + 1) + "/" + end.getUTCDate() + " " + hhmm(end);
    emergencyUntil.textContent = isFinite(until) ? fill(data.until, { time: when }) : "";
    emergencyBox.hidden = false;
  }

  function updateStandby() {
    var asleep = !isOpen(wall()) && !emergencyActive();
    if (asleep === standby) { return; }
    standby = asleep;
    standbyBox.hidden = !asleep;
    if (asleep) {
      clearTimeout(timers.slide);
      restartProgress(0);
      pauseVideos(slides[current]);
    } else if (items().length) {
      advance();
    }
  }

  function tick() {
    clearTimeout(timers.clock);
    try {
      updateClock();
    } finally {
      // Again just after the next minute starts (at most 30 s away, in case the clock jumps).
      timers.clock = setTimeout(tick, Math.min(30000, 60000 - (now() % 60000) + 50));
    }
  }

  function updateClock() {
    var date = wall();
    var time = hhmm(date);
    for (var i = 0; i < clocks.length; i += 1) {
      if (clocks[i].textContent !== time) { clocks[i].textContent = time; }
    }
    var day = fill(data.date, {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      weekday: WEEKDAYS[weekday(date)] || "",
    });
    if (today.textContent !== day) { today.textContent = day; }
    updateEmergency();
    updateStandby();
    showStatus();
    if (standby || !items().length) { dailyReload(); }  // no slide boundary to wait for
    // Watchdog: slides should change every few seconds; if they stopped, start them again.
    if (!standby && items().length > 1 && Date.now() - lastAdvance > 3 * seconds * 1000) {
      advance();
    }
  }

  function dailyReload() {
    var uptime = Date.now() - STARTED;
    var due = uptime > 26 * HOUR || (uptime > 2 * HOUR && wall().getUTCHours() === 4);
    if (!due || reloading || offlineSince !== null) { return; }
    reloading = true;
    // Only when the server itself answers: a reload while it is down would show an error page
    // should the service worker not be there.
    request(location.href, { cache: "no-store" })
      .then(function (response) {
        if (response.ok && response.headers.get("X-Screens-Cache") !== "1") {
          location.reload();
        } else {
          reloading = false;
        }
      })
      .catch(function () { reloading = false; });
  }

  // ---- service worker ------------------------------------------------------------------------

  function mediaUrls() {
    var urls = [];
    items().forEach(function (item) {
      ["image", "poster", "video"].forEach(function (field) {
        if (item[field] && urls.indexOf(item[field]) === -1) { urls.push(item[field]); }
      });
    });
    return urls;
  }

  // Tells the worker what to keep: this page and its playlist, its static files and the
  // playlist's media.
  function warmCache() {
    if (!playlist || !navigator.serviceWorker || !navigator.serviceWorker.controller) { return; }
    var statics = [];
    var nodes = document.querySelectorAll("link[href], script[src], img[src]");
    for (var i = 0; i < nodes.length; i += 1) {
      var url = nodes[i].href || nodes[i].src;
      if (url && url.indexOf("data:") !== 0 && statics.indexOf(url) === -1) {
        if (new URL(url, location.href).pathname.indexOf("/static/") === 0) { statics.push(url); }
      }
    }
    navigator.serviceWorker.controller.postMessage({
      type: "warm",
      page: location.href.split("#")[0],
      statics: statics,
      media: mediaUrls(),
    });
  }

  function registerWorker() {
    if (PREVIEW || !navigator.serviceWorker || !data.worker) { return; }
    // The worker has just taken over (first visit): have it keep what was loaded without it.
    navigator.serviceWorker.addEventListener("controllerchange", warmCache);
    navigator.serviceWorker
      .register(data.worker, { scope: data.workerScope || "./" })
      .catch(function () { /* plays on without offline support */ });
  }

  // ---- start ---------------------------------------------------------------------------------

  var since = Number(stored(OFFLINE_STORE));
  if (since > 0) { offlineSince = since; }
  var saved = stored(STORE);
  if (saved) {
    try { apply(JSON.parse(saved), false); } catch (error) { store(STORE, null); }
  }
  tick();
  registerWorker();
  poll().then(function () {
    warmCache();
    // Later playlists bring new media: warm the cache after each poll that changed something.
    var warmed = playlist ? playlist.version : null;
    setInterval(function () {
      if (playlist && playlist.version !== warmed) {
        warmed = playlist.version;
        warmCache();
      }
    }, 60000);
  });
})();
