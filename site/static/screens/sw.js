/* Service worker of the screens' player: lets a screen play on when the network or the server
 * is down. Served from /screens/sw.js and registered for one player's address.
 *
 * - The player page and its playlist.json: network first (with a timeout), the last 200 kept;
 *   when the network fails the kept copy is answered, marked with "X-Screens-Cache: 1" so that
 *   the player knows it is offline. A 404 (new token, deleted screen) drops the kept copies.
 * - /static/: the cached copy at once, refreshed in the background.
 * - /media/ (pictures, posters, films): cache first. A film is asked for in byte ranges: with
 *   the whole file cached, the range is cut from it (206); without, the request goes to the
 *   network and the whole file is fetched once in the background to be cached.
 * - The player posts {type: "warm"} with its page, static files and media: missing ones (and
 *   the playlist) are fetched, those no longer listed are dropped, so the caches do not grow.
 * Only 200 responses of this origin are cached; nothing but GET is touched (so never the
 * heartbeat). Caches carry the version in their names; older ones go on activation.
 */
"use strict";

var VERSION = "v1";
var PREFIX = "screens-";
var PAGES = PREFIX + VERSION + "-pages";
var STATIC = PREFIX + VERSION + "-static";
var MEDIA = PREFIX + VERSION + "-media";
var NETWORK_TIMEOUT = 8000;
var CACHED_HEADER = "X-Screens-Cache";
var fetching = {};  // url -> promise of a whole media file being cached

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (name.indexOf(PREFIX) === 0 && [PAGES, STATIC, MEDIA].indexOf(name) === -1) {
          return caches.delete(name);
        }
        return null;
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

function cacheable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

function withoutSearch(url) {
  var parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

function timeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
      function (error) { clearTimeout(timer); reject(error); });
  });
}

function marked(response) {
  var headers = new Headers(response.headers);
  headers.set(CACHED_HEADER, "1");
  return new Response(response.body, {
    status: response.status, statusText: response.statusText, headers: headers,
  });
}

function isPlaylist(url) { return /\/playlist\.json$/.test(new URL(url).pathname); }

// The player page and its playlist: the network, else the last good copy.
function networkFirst(event) {
  var request = event.request;
  var key = withoutSearch(request.url);
  var network = fetch(request).then(function (response) {
    if (response.status >= 500) {
      // The server (or a proxy in front of it, or a maintenance page) is down: as if offline.
      var failure = new Error("HTTP " + response.status);
      failure.response = response;
      throw failure;
    }
    if (cacheable(response)) {
      var copy = response.clone();
      event.waitUntil(caches.open(PAGES).then(function (cache) { return cache.put(key, copy); }));
    } else if (response.status === 404 || response.status === 410) {
      // The screen's address is gone: forget its page and playlist.
      var page = isPlaylist(key) ? key.replace(/playlist\.json$/, "") : key;
      event.waitUntil(caches.open(PAGES).then(function (cache) {
        return Promise.all([cache.delete(page), cache.delete(page + "playlist.json")]);
      }));
    }
    return response;
  });
  return timeout(network, NETWORK_TIMEOUT).catch(function (error) {
    return caches.open(PAGES)
      .then(function (cache) { return cache.match(key, { ignoreVary: true }); })
      .then(function (hit) {
        if (hit) { return marked(hit); }
        if (error && error.response) { return error.response; }
        throw error;
      });
  });
}

// Static files: the cached copy at once, the network refreshes it for next time.
function staleWhileRevalidate(event) {
  var request = event.request;
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request, { ignoreVary: true, ignoreSearch: false }).then(function (hit) {
      var network = fetch(request).then(function (response) {
        if (cacheable(response)) { return cache.put(request, response.clone()).then(function () { return response; }); }
        return response;
      });
      if (hit) {
        event.waitUntil(network.catch(function () { return null; }));
        return hit;
      }
      return network;
    });
  });
}

// The whole file, fetched without a range, into the media cache (once at a time per file).
function cacheWhole(url) {
  if (fetching[url]) { return fetching[url]; }
  fetching[url] = caches.open(MEDIA).then(function (cache) {
    return cache.match(url, { ignoreVary: true }).then(function (hit) {
      if (hit) { return null; }
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        return cacheable(response) ? cache.put(url, response) : null;
      });
    });
  }).catch(function () { return null; }).then(function () { delete fetching[url]; });
  return fetching[url];
}

// A 206 with the asked bytes of a cached whole response.
function partial(response, range) {
  return response.blob().then(function (blob) {
    var size = blob.size;
    var match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    var type = response.headers.get("Content-Type") || "application/octet-stream";
    if (!match || (match[1] === "" && match[2] === "")) {
      return new Response(blob, { status: 200, headers: { "Content-Type": type } });
    }
    var start;
    var end;
    if (match[1] === "") {  // the last N bytes
      start = Math.max(0, size - Number(match[2]));
      end = size - 1;
    } else {
      start = Number(match[1]);
      end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
    }
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
    }
    var part = blob.slice(start, end + 1, type);
    return new Response(part, {
      status: 206,
      statusText: "Partial Content",
      headers: {
        "Content-Type": type,
        "Content-Length": String(part.size),
        "Content-Range": "bytes " + start + "-" + end + "/" + size,
        "Accept-Ranges": "bytes",
      },
    });
  });
}

// Pictures and films: the cache, else the network (and then the cache).
function cacheFirst(event) {
  var request = event.request;
  var url = withoutSearch(request.url);
  var range = request.headers.get("Range");
  return caches.open(MEDIA).then(function (cache) {
    return cache.match(url, { ignoreVary: true }).then(function (hit) {
      if (hit) { return range ? partial(hit, range) : hit; }
      if (range) {
        event.waitUntil(cacheWhole(url));
        return fetch(request);
      }
      return fetch(request).then(function (response) {
        if (cacheable(response)) {
          var copy = response.clone();
          event.waitUntil(cache.put(url, copy));
        }
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var scope = new URL(self.registration.scope);
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staleWhileRevalidate(event));
  } else if (url.pathname.indexOf("/media/") === 0) {
    event.respondWith(cacheFirst(event));
  } else if (url.pathname === scope.pathname || url.pathname === scope.pathname + "playlist.json") {
    event.respondWith(networkFirst(event));
  }
});

// Keeps what the player lists and nothing else.
function keepOnly(name, urls, fetchMissing) {
  var wanted = urls.map(withoutSearch);
  return caches.open(name).then(function (cache) {
    return cache.keys().then(function (requests) {
      var have = requests.map(function (request) { return withoutSearch(request.url); });
      var drops = requests.filter(function (request) {
        return wanted.indexOf(withoutSearch(request.url)) === -1;
      }).map(function (request) { return cache.delete(request); });
      var missing = urls.filter(function (url) { return have.indexOf(withoutSearch(url)) === -1; });
      // One at a time: a screen's network is often slow, films are large.
      var chain = Promise.resolve();
      missing.forEach(function (url) {
        chain = chain.then(function () { return fetchMissing(cache, url); });
      });
      return Promise.all(drops).then(function () { return chain; });
    });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type !== "warm") { return; }
  var statics = (message.statics || []).filter(function (url) {
    return new URL(url).origin === self.location.origin;
  });
  var media = (message.media || []).map(function (url) {
    return new URL(url, self.location.origin).href;
  }).filter(function (url) { return new URL(url).origin === self.location.origin; });
  var page = message.page ? withoutSearch(new URL(message.page, self.location.origin).href) : "";
  var scope = new URL(self.registration.scope);
  var pageWork = null;
  if (page && new URL(page).origin === scope.origin && new URL(page).pathname === scope.pathname) {
    // The page and playlist the player was loaded with before this worker was there.
    pageWork = caches.open(PAGES).then(function (cache) {
      return Promise.all([page, page + "playlist.json"].map(function (url) {
        return cache.match(url, { ignoreVary: true }).then(function (hit) {
          if (hit) { return null; }
          return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
            return cacheable(response) ? cache.put(url, response) : null;
          });
        }).catch(function () { return null; });
      }));
    });
  }
  event.waitUntil(Promise.all([
    pageWork,
    keepOnly(STATIC, statics, function (cache, url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        return cacheable(response) ? cache.put(url, response) : null;
      }).catch(function () { return null; });
    }),
    keepOnly(MEDIA, media, function (cache, url) { return cacheWhole(withoutSearch(url)); }),
  ]));
});
