"""Browser harness: Debian's chromium driven by Playwright against the site served by gunicorn.

The server is a real process on 127.0.0.1 with its own SQLite database and media folder, loaded
with the demo content. The demo site is built once per run, in the background while
the other tests run (``site_builder``), and every worker (pytest-xdist) serves its own copy, so
tests that change the site do not meet another worker's changes. Screenshots go to
var/screenshots/ (not committed).
Without /usr/bin/chromium the tests skip with the reason, unless REQUIRE_BROWSER=1 makes that a
failure.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser import site_builder

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = site_builder.CHROMIUM
SCREENSHOTS = site_builder.SCREENSHOTS
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def need_chromium():
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteURL(str):
    """The site's base URL, which also knows where its demo logins were written."""

    var_dir: Path


@pytest.fixture(scope="session")
def built_site(request):
    """The demo site's folder, built once per run (see ``tests/browser/site_builder.py``)."""
    need_chromium()
    folder = site_builder.shared_folder(request.config)
    site_builder.build_once(folder)
    return folder


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, built_site):
    """Base URL of a gunicorn-served copy of the demo site."""
    need_chromium()
    tmp = tmp_path_factory.mktemp("site")
    for name in ("var", "media"):
        if (built_site / name).exists():
            shutil.copytree(built_site / name, tmp / name)
    shutil.copy2(built_site / "site.sqlite3", tmp / "site.sqlite3")
    env = site_builder.server_env(tmp)
    python = sys.executable
    port = free_port()
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 - open for the server's whole life
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = SiteURL(f"http://127.0.0.1:{port}")
    base_url.var_dir = tmp / "var"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base_url + "/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("the site did not start:\n" + (tmp / "server.log").read_text())
            time.sleep(0.2)
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 375, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page):
    """WCAG 2.1 A/AA violations that axe-core finds on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']}: {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def demo_login(page, live_site, role):
    """Log in through the site's own form as one of the demo accounts."""
    login = json.loads((live_site.var_dir / "demo-logins.json").read_text())[role]
    page.goto(live_site + "/accounts/login/")
    page.get_by_label("用户名").fill(login["username"])
    page.get_by_label("密码").fill(login["password"])
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def settle(page):
    """Wait until the page and its images have loaded and its fonts are ready. (Not for the
    network to fall silent for half a second, ``networkidle``, which the site's pages do not
    need: they fetch nothing after loading. It cost a minute a run.)"""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")


def check_page(page, url, name):
    """Open ``url``, save a screenshot, and assert axe finds no WCAG 2.1 AA violation."""
    response = page.goto(url)
    assert response is not None
    settle(page)
    screenshot(page, name)
    assert axe_violations(page) == []
    return response


def has_horizontal_scroll(page):
    return page.evaluate(
        "document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth"
    )
