"""The screens' player in a real browser.

It shows the first slide and advances; it plays on from its caches while the server is stopped
(and after a reload then); it picks up a changed playlist and reports back once the server is
there again; both orientations pass axe; an emergency notice arrives within one poll interval;
outside opening hours the screen is a dark standby.

The session's shared site must keep running, so these tests start their own gunicorn on a copy
of its database and media, and stop and restart that one (on the same port: the service worker
belongs to the origin).
"""

import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from tests.browser.conftest import ROOT, axe_violations, free_port, screenshot
from tests.browser.site_builder import server_env

SECONDS = 5  # per slide (the least a screen allows)
POLL = 10  # seconds between polls (the least a screen allows)
FADE = 1.0  # the cross-fade and a little more
NOTICE = "测试通知：服务器恢复后，屏幕应显示这条新通知"
EMERGENCY = "紧急通知测试：大厅临时关闭，请从东门出入"


# The player's page, playlist and media are in the service worker's caches.
KEPT = """async () => {
    if (!navigator.serviceWorker.controller) return false;
    const playlist = JSON.parse(localStorage.getItem('screen-playlist:' + location.pathname
        + 'playlist.json') || 'null');
    if (!playlist) return false;
    const urls = [location.href, location.href + 'playlist.json'];
    for (const item of playlist.items) if (item.video) urls.push(item.video);
    const hits = await Promise.all(urls.map(url => caches.match(url)));
    return hits.every(Boolean);
}"""


def stamp(moment=None):
    """A datetime as Django keeps it in SQLite (UTC, no zone)."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S.%f")


class ScreensSite:
    """A gunicorn of its own on a copy of the live site's database, that can stop and restart."""

    def __init__(self, live_site, tmp):
        self.tmp = tmp
        self.db = tmp / "site.sqlite3"
        source = sqlite3.connect(live_site.var_dir.parent / "site.sqlite3")
        target = sqlite3.connect(self.db)
        with target:
            source.backup(target)
        source.close()
        target.close()
        shutil.copytree(live_site.var_dir.parent / "media", tmp / "media")
        (tmp / "var").mkdir()
        self.env = server_env(tmp)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.log = None

    def sql(self, query, *params):
        connection = sqlite3.connect(self.db, timeout=10)
        try:
            with connection:
                return connection.execute(query, params).fetchall()
        finally:
            connection.close()

    def token(self, orientation):
        return self.sql("SELECT token FROM screens_screen WHERE orientation = ?", orientation)[0][0]

    def touch(self, token=None):
        """Changed behind Django's back: the playlist, cached per updated_at, is built again."""
        if token is None:
            self.sql("UPDATE screens_screen SET updated_at = ?", stamp())
        else:
            self.sql("UPDATE screens_screen SET updated_at = ? WHERE token = ?", stamp(), token)

    def start(self):
        assert self.server is None
        self.log = open(self.tmp / "server.log", "ab")  # noqa: SIM115 - closed in stop()
        self.server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/screens/sw.js", timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline or self.server.poll() is not None:
                    self.stop()
                    pytest.fail("the screens' server did not start")
                time.sleep(0.2)

    def stop(self):
        if self.server is None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait(timeout=5)
        self.server = None
        self.log.close()


@pytest.fixture(scope="module")
def screens_site(live_site, tmp_path_factory):
    site = ScreensSite(live_site, tmp_path_factory.mktemp("screens"))
    # Short slides and polls; the shop screen plays all day and shows one disclosure only.
    site.sql("UPDATE screens_screen SET seconds_per_slide = ?, poll_seconds = ?", SECONDS, POLL)
    shop = site.token("landscape")
    site.sql(
        "DELETE FROM screens_openinghours WHERE screen_id = "
        "(SELECT id FROM screens_screen WHERE token = ?)",
        shop,
    )
    site.sql(
        "UPDATE screens_playlistitem SET count = 1 WHERE kind = 'latest' AND screen_id = "
        "(SELECT id FROM screens_screen WHERE token = ?)",
        shop,
    )
    site.touch()
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def screen(browser):
    """A browser context of its own (its own service worker and caches), landscape.

    The player must work under the site's Content-Security-Policy without a single violation.
    """
    contexts = []
    violations = []

    def open_screen(width=1920, height=1080):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and violations.append(message.text)
            ),
        )
        page.on("pageerror", lambda error: violations.append(str(error)))
        return page

    yield open_screen
    for context in contexts:
        context.close()
    assert violations == []


def showing(page):
    return page.evaluate("document.body.dataset.item || ''")


def wait_for_slide(page, other_than="", timeout=15):
    """The id of the slide showing once it is another than ``other_than``, and settled."""
    page.wait_for_function(
        "other => !!document.body.dataset.item && document.body.dataset.item !== other",
        arg=other_than,
        timeout=timeout * 1000,
    )
    time.sleep(FADE)
    return showing(page)


def current_title(page):
    return page.locator(".slide.is-current .slide__title").inner_text()


def offline_mark(page):
    return page.locator("[data-status]").inner_text()


def check_screen(page, name):
    screenshot(page, name)
    assert axe_violations(page) == []


def test_plays_offline_and_picks_up_changes(screens_site, screen):
    shop = screens_site.token("landscape")
    page = screen()
    page.goto(f"{screens_site.url}/screens/{shop}/")
    first = wait_for_slide(page)
    assert current_title(page)
    assert offline_mark(page) == ""

    # It advances; the disclosure after the opening notice is the landscape screenshot.
    second = wait_for_slide(page, other_than=first, timeout=SECONDS + 5)
    assert second.startswith("page-")
    assert page.locator(".slide.is-current .qr__code").get_attribute("alt")
    check_screen(page, "screen-landscape")

    # The service worker controls the page and keeps the page, its playlist and its film.
    deadline = time.monotonic() + 20
    while not page.evaluate(KEPT):
        assert time.monotonic() < deadline, "the service worker did not cache the player"
        time.sleep(0.5)

    screens_site.stop()
    try:
        # Slides go on, and the screen says since when it is offline.
        now = showing(page)
        wait_for_slide(page, other_than=now, timeout=SECONDS + 5)
        page.wait_for_function(
            "() => document.querySelector('[data-status]').textContent.trim() !== ''",
            timeout=(POLL + 5) * 1000,
        )
        assert ":" in offline_mark(page)

        # Even a reload while the server is down plays on, from the service worker's cache.
        page.reload()
        now = wait_for_slide(page)
        assert current_title(page)
        wait_for_slide(page, other_than=now, timeout=SECONDS + 5)
        assert ":" in offline_mark(page)
        screenshot(page, "screen-offline")

        # Meanwhile the playlist changes: one new notice instead of everything else.
        screen_id = screens_site.sql("SELECT id FROM screens_screen WHERE token = ?", shop)[0][0]
        screens_site.sql("DELETE FROM screens_playlistitem WHERE screen_id = ?", screen_id)
        screens_site.sql(
            "INSERT INTO screens_playlistitem (sort_order, kind, text, count, screen_id)"
            " VALUES (0, 'notice', ?, 5, ?)",
            NOTICE,
            screen_id,
        )
        notice_id = screens_site.sql("SELECT max(id) FROM screens_playlistitem")[0][0]
        screens_site.touch(shop)
    finally:
        screens_site.start()

    # Back online: the new notice shows within two polls, the offline mark goes.
    page.wait_for_function(
        "id => document.body.dataset.item === id && !document.querySelector('[data-status]')"
        ".textContent.trim()",
        arg=f"notice-{notice_id}",
        timeout=(2 * POLL + 5) * 1000,
    )
    time.sleep(FADE)
    assert current_title(page) == NOTICE

    # And the heartbeat told the server what the screen shows.
    deadline = time.monotonic() + 10
    while True:
        seen, item = screens_site.sql(
            "SELECT last_seen_at, last_item FROM screens_screen WHERE token = ?", shop
        )[0]
        if seen and item == f"notice-{notice_id}":
            break
        assert time.monotonic() < deadline, (seen, item)
        time.sleep(0.5)


def test_portrait_and_standby(screens_site, screen):
    office = screens_site.token("portrait")
    page = screen(1080, 1920)
    page.goto(f"{screens_site.url}/screens/{office}/")
    wait_for_slide(page)
    assert page.locator("body.player--portrait").count() == 1
    check_screen(page, "screen-portrait")

    # Open one day a week only, and not today: a dark standby with the clock.
    china = datetime.now(UTC) + timedelta(hours=8)
    other_day = (china.weekday() + 3) % 7
    screen_id = screens_site.sql("SELECT id FROM screens_screen WHERE token = ?", office)[0][0]
    screens_site.sql(
        "INSERT INTO screens_openinghours (sort_order, weekday, opens, closes, screen_id)"
        " VALUES (0, ?, '09:00:00', '17:00:00', ?)",
        other_day,
        screen_id,
    )
    screens_site.touch(office)
    try:
        page.reload()
        page.locator("[data-standby]").wait_for(state="visible", timeout=10000)
        assert page.locator("[data-standby] [data-clock]").inner_text() != "--:--"
        check_screen(page, "screen-standby")
    finally:
        screens_site.sql("DELETE FROM screens_openinghours WHERE screen_id = ?", screen_id)
        screens_site.touch(office)


def test_emergency_notice_within_one_poll(screens_site, screen):
    shop = screens_site.token("landscape")
    page = screen()
    page.goto(f"{screens_site.url}/screens/{shop}/")
    wait_for_slide(page)
    assert page.locator("[data-emergency]").is_hidden()

    now = datetime.now(UTC)
    screens_site.sql(
        "INSERT INTO screens_emergencynotice"
        " (text, all_screens, starts_at, expires_at, cleared_at, created_at)"
        " VALUES (?, 1, ?, ?, NULL, ?)",
        EMERGENCY,
        stamp(now - timedelta(minutes=1)),
        stamp(now + timedelta(hours=1)),
        stamp(now),
    )
    screens_site.touch()
    try:
        started = time.monotonic()
        page.locator("[data-emergency]").wait_for(state="visible", timeout=(POLL + 5) * 1000)
        assert time.monotonic() - started < POLL + 3
        assert page.locator("[data-emergency-text]").inner_text() == EMERGENCY
        check_screen(page, "screen-emergency")
    finally:
        screens_site.sql("UPDATE screens_emergencynotice SET cleared_at = ?", stamp())
        screens_site.touch()
