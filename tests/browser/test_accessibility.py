"""Accessibility beyond axe (适老化, GB/T 37668), in a real browser.

A reader who uses only the keyboard gets through the main flows with a focus ring always in
sight; high contrast (高对比度) keeps every page at WCAG AAA contrast (7:1); large text and high
contrast together still fit a 320 px phone; a screen set to reduce motion switches its slides
at once instead of cross-fading.
"""

import json
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WCAG_TAGS, has_horizontal_scroll, screenshot, settle

# What the rest of the suite checks, and AAA's enhanced contrast (color-contrast-enhanced).
AAA_TAGS = [*WCAG_TAGS, "wcag2aaa"]

FOCUS = """selector => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        description: element.outerHTML.slice(0, 120),
        matches: element.matches(selector),
        inMain: !!element.closest("main"),
        visible: box.width > 2 && box.height > 2 && box.right > 0 && box.bottom > 0
            && element.checkVisibility({opacityProperty: true, visibilityProperty: true})
            && !element.closest("[hidden], [aria-hidden='true'], [inert]"),
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== "none",
    };
}"""


def focus(page, selector="*"):
    return page.evaluate(FOCUS, selector)


def check_focus(state):
    assert state is not None, "the focus is on nothing"
    assert state["visible"], f"the focus is on something hidden: {state['description']}"
    assert state["ring"], f"no focus ring on {state['description']}"
    return state


def tab_to(page, selector, key="Tab", limit=80):
    """Press ``key`` until the focus is on ``selector`` (unless it is there already, as on a form
    with autofocus); every stop visible and with a ring."""
    state = focus(page, selector)
    if state and state["matches"]:
        return check_focus(state)
    for _ in range(limit):
        page.keyboard.press(key)
        state = check_focus(focus(page, selector))
        if state["matches"]:
            return state
    raise AssertionError(f"{limit} presses of {key} never reached {selector}")


def pages_of(live_site, model, where=""):
    """Paths of the demo's live pages of one type (the demo's dates move with the calendar)."""
    connection = sqlite3.connect(live_site.var_dir.parent / "site.sqlite3")
    try:
        rows = connection.execute(
            "SELECT p.url_path FROM wagtailcore_page p "
            "JOIN django_content_type t ON t.id = p.content_type_id "
            f"WHERE p.live AND t.model = ? {where} ORDER BY p.path",
            (model,),
        ).fetchall()
    finally:
        connection.close()
    return [re.sub(r"^/[^/]+", "", path) for (path,) in rows]


def one_value(live_site, query):
    connection = sqlite3.connect(live_site.var_dir.parent / "site.sqlite3")
    try:
        return connection.execute(query).fetchone()[0]
    finally:
        connection.close()


PUBLIC_DISCLOSURE = (
    "AND p.id IN (SELECT page_ptr_id FROM disclosure_disclosurepage "
    "WHERE audience = 'public' AND withdrawn_at IS NULL)"
)


def public_pages(live_site):
    """One of each public page type, by a name for its screenshot."""
    revoked = one_value(
        live_site, "SELECT code FROM training_certificate WHERE revoked_at IS NOT NULL"
    )
    return {
        "home": "/",
        "disclosures": "/disclosures/",
        "organisation": pages_of(live_site, "organizationpage")[0],
        "disclosure": pages_of(live_site, "disclosurepage", PUBLIC_DISCLOSURE)[0],
        "integrity": "/integrity/",
        "programme": pages_of(live_site, "monthlyprogrampage")[-1],
        "training": "/training/",
        "course": pages_of(live_site, "coursepage")[0],
        "lesson": pages_of(live_site, "lessonpage")[0],
        "search": "/search/?q=党",
        "standard": "/gong-kai-zhi-nan/",
        "certificate-check": f"/training/certificates/{revoked}/",
        "login": "/accounts/login/",
    }


def aaa_violations(page):
    """What axe finds at WCAG 2.1 AA and AAA's 7:1 contrast, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AAA_TAGS}})
    return [
        f"{violation['id']}: {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def toggle(page, key):
    """A reading preference's button in the top bar: ``textSize`` or ``contrast``."""
    return page.locator(f"button[type=button][data-pref={key}]")


def switch_on(page, key):
    """Press a reading preference's button; it says it is on."""
    button = toggle(page, key)
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


@pytest.fixture
def phone_page(browser):
    """A 375 px phone driven by its keyboard (a Bluetooth one, or a switch device)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
    yield context.new_page()
    context.close()


def test_keyboard_only_walk(live_site, phone_page):
    page = phone_page
    page.goto(live_site + "/")

    # The first Tab offers the skip link; it leads into the content.
    tab_to(page, "a.skip-link", limit=1)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    assert focus(page)["inMain"]

    # Search from the phone header: the 搜索 button opens the box with the cursor in it.
    tab_to(page, ".search-toggle", key="Shift+Tab")
    page.keyboard.press("Enter")
    assert focus(page, "input[type=search]")["matches"]
    page.keyboard.type("党")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator("main h1")).to_be_visible()

    # The 菜单: Space opens it, Tab reaches a link in it, Escape closes it and keeps the focus.
    menu = page.get_by_role("button", name="菜单")
    tab_to(page, ".nav-toggle")
    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    tab_to(page, "#site-nav a", limit=1)
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#site-nav")).to_be_hidden()
    assert check_focus(focus(page, ".nav-toggle"))["matches"]

    # Filter the disclosures by a select, then open one of them.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + "/disclosures/")
    tab_to(page, "select[name=kind]")
    page.keyboard.press("ArrowDown")
    kind = page.locator("select[name=kind]").input_value()
    assert kind
    tab_to(page, "form:has(select[name=kind]) button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"kind={kind}"))
    expect(page.locator("select[name=kind]")).to_have_value(kind)
    tab_to(page, "main .item-list a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("main h1")).to_have_text(title)

    # Large text and high contrast from the top bar, with Space and with Enter.
    tab_to(page, "[data-pref=textSize]")
    page.keyboard.press("Space")
    tab_to(page, "[data-pref=contrast]")
    page.keyboard.press("Enter")
    modes = page.evaluate("document.documentElement.className").split()
    assert "text-large" in modes and "contrast-high" in modes
    check_focus(focus(page))

    # Log in with the keyboard alone (large text and high contrast still on).
    login = json.loads((live_site.var_dir / "demo-logins.json").read_text())["employee"]
    page.goto(live_site + "/accounts/login/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(login["username"])
    tab_to(page, "input[name=password]", limit=1)
    page.keyboard.type(login["password"])
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="退出")).to_be_visible()
    screenshot(page, "keyboard-walk-logged-in")


def test_high_contrast_on_every_page_type(live_site, phone):
    phone.goto(live_site + "/")
    switch_on(phone, "contrast")
    failures = {}
    for name, path in public_pages(live_site).items():
        response = phone.goto(live_site + path)
        assert response.status == 200, path
        settle(phone)
        assert "contrast-high" in phone.evaluate("document.documentElement.className"), path
        expect(toggle(phone, "contrast")).to_have_attribute("aria-pressed", "true")
        screenshot(phone, f"contrast-{name}")
        violations = aaa_violations(phone)
        if violations:
            failures[path] = violations
    assert failures == {}


def test_high_contrast_switches_on_and_off(live_site, page):
    """The switch does something: links and text darken, and it can be switched off again."""
    page.goto(live_site + "/gong-kai-zhi-nan/")
    ink = "getComputedStyle(document.body).color"
    assert page.evaluate(ink) != "rgb(0, 0, 0)"
    switch_on(page, "contrast")
    assert page.evaluate(ink) == "rgb(0, 0, 0)"
    toggle(page, "contrast").click()
    page.reload()
    assert page.evaluate(ink) != "rgb(0, 0, 0)"
    expect(toggle(page, "contrast")).to_have_attribute("aria-pressed", "false")


def test_high_contrast_follows_the_system_until_the_reader_chooses(live_site, browser):
    context = browser.new_context(contrast="more", locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        expect(toggle(page, "contrast")).to_have_attribute("aria-pressed", "true")
        toggle(page, "contrast").click()
        page.reload()
        expect(toggle(page, "contrast")).to_have_attribute("aria-pressed", "false")
        assert "contrast-high" not in page.evaluate("document.documentElement.className")
    finally:
        context.close()


def test_large_text_and_high_contrast_fit_320_px(live_site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        switch_on(page, "textSize")
        switch_on(page, "contrast")
        wide = []
        for name, path in public_pages(live_site).items():
            page.goto(live_site + path)
            settle(page)
            if has_horizontal_scroll(page):
                wide.append(path)
                screenshot(page, f"large-contrast-320-{name}")
        screenshot(page, "large-contrast-320-login")
        assert wide == []
        # The preference buttons are tap targets of at least 44 px.
        for key in ("textSize", "contrast"):
            box = toggle(page, key).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, key
    finally:
        context.close()


def shorter_slides(route):
    """The player's page with five seconds a slide (the least a screen allows): a quick test."""
    response = route.fetch()
    body = re.sub(r'data-seconds="\d+"', 'data-seconds="5"', response.text())
    route.fulfill(response=response, body=body)


SLIDE_SHOWN = """index => {
    const slide = document.querySelectorAll("[data-slide]")[index];
    return slide.classList.contains("is-current") && slide.childElementCount > 0;
}"""

SLIDES = """() => [...document.querySelectorAll("[data-slide]")].map(slide => {
    const style = getComputedStyle(slide);
    return {current: slide.classList.contains("is-current"), opacity: style.opacity,
            visibility: style.visibility, durations: style.transitionDuration};
})"""


def test_screen_honours_reduced_motion(live_site, browser):
    """Slides switch at once, with no cross-fade and no moving progress bar."""
    token = one_value(live_site, "SELECT token FROM screens_screen WHERE orientation = 'portrait'")
    url = f"{live_site}/screens/{token}/?preview=1"
    size = {"width": 1080, "height": 1920}

    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(url)
    usual = page.evaluate(SLIDES)[0]
    context.close()
    assert usual["current"] and usual["durations"] != "0s, 0s"  # the usual cross-fade

    context = browser.new_context(viewport=size, reduced_motion="reduce")
    page = context.new_page()
    try:
        page.route(re.compile(r".*/screens/[^/]+/\?preview=1$"), shorter_slides)
        page.goto(url)
        # The two containers take turns: the first slide comes in the second, the next in the first.
        page.wait_for_function(SLIDE_SHOWN, arg=1, timeout=15000)
        page.wait_for_function(SLIDE_SHOWN, arg=0, timeout=15000)
        # At the very moment of the change: the new slide wholly there, the old one gone.
        incoming, outgoing = page.evaluate(SLIDES)
        assert incoming["current"] and not outgoing["current"]
        assert (incoming["opacity"], incoming["visibility"]) == ("1", "visible")
        assert outgoing["visibility"] == "hidden"
        assert {incoming["durations"], outgoing["durations"]} == {"0s"}
        assert not page.locator(".progress").is_visible()
        screenshot(page, "screen-reduced-motion")
    finally:
        context.close()
