"""The portal in a real browser: renders, looks right, accessible, works on a phone."""

import pytest

from tests.browser.conftest import axe_violations, check_page, has_horizontal_scroll, screenshot


def test_home_page_renders_and_is_accessible(live_site, page):
    response = check_page(page, live_site + "/", "home")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "南湖两新 公开平台"
    assert page.get_by_role("heading", name="最新公开").is_visible()
    assert page.get_by_role("navigation", name="主导航").is_visible()


def test_home_page_on_a_phone(live_site, phone):
    check_page(phone, live_site + "/", "home-phone")
    assert not has_horizontal_scroll(phone)
    menu = phone.get_by_role("button", name="菜单")
    assert menu.is_visible()
    assert not phone.locator("#site-nav").is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert phone.locator("#site-nav").get_by_role("link", name="公开指南").is_visible()
    screenshot(phone, "home-phone-menu")


def test_large_text_mode_persists(live_site, page):
    page.goto(live_site + "/")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    toggle = page.get_by_role("button", name="大字模式")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(live_site + "/gong-kai-zhi-nan/")
    larger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert larger >= size * 1.2
    assert page.get_by_role("button", name="大字模式").get_attribute("aria-pressed") == "true"
    screenshot(page, "guide-large-text")
    assert axe_violations(page) == []


def test_skip_link_moves_focus_to_the_content(live_site, page):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到主要内容")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_standard_login_and_error_pages_are_accessible(live_site, page):
    check_page(page, live_site + "/gong-kai-zhi-nan/", "standard-page")
    check_page(page, live_site + "/accounts/login/", "login")
    response = check_page(page, live_site + "/no-such-page/", "not-found")
    assert response.status == 404
    assert page.get_by_role("heading", name="页面不存在").is_visible()


def test_english_switch(live_site, page):
    page.goto(live_site + "/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Latest disclosures").is_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert axe_violations(page) == []


def test_print_stylesheet_hides_navigation(live_site, page):
    page.goto(live_site + "/gong-kai-zhi-nan/")
    page.emulate_media(media="print")
    assert not page.locator("#site-nav").is_visible()
    assert page.get_by_role("heading", name="公开指南", level=1).is_visible()


# ---- the portal's layout: no empty area at any width (issue 16) ---------------------------

PORTAL_BOXES = """() => {
  const portal = document.querySelector('.portal');
  const style = getComputedStyle(portal);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  const across = portal.clientWidth - padding;
  return [...document.querySelectorAll('.portal__section')].map(section => {
    const box = section.getBoundingClientRect();
    const content = Math.max(...[...section.children].map(c => c.getBoundingClientRect().bottom));
    return {
      key: section.className.match(/portal__section--(\\w+)/)[1],
      left: box.left, right: box.right, top: box.top, bottom: box.bottom,
      wide: box.width > across - 2,
      empty: box.bottom - parseFloat(getComputedStyle(section).paddingBottom) - content,
    };
  });
}"""
# Space a section may leave under its last line before it reads as an empty area.
MOST_EMPTY_PX = 100
# The grid's gap between a section and the next one in its column.
GAP_PX = 24


def uncovered_beside(box, boxes):
    """How much of ``box``'s height has no section beside it, in the other column."""
    beside = sorted(
        (other["top"], other["bottom"])
        for other in boxes
        if not other["wide"] and (other["left"] >= box["right"] or other["right"] <= box["left"])
    )
    missing, reached = 0, box["top"]
    for top, bottom in beside:
        if bottom <= reached or top >= box["bottom"]:
            continue
        missing += max(0, top - reached - GAP_PX)
        reached = max(reached, bottom)
    return missing + max(0, box["bottom"] - reached)


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_portal_has_no_empty_area_and_its_pictures_load(live_site, browser, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="zh-CN", is_mobile=width < 721
    )
    page = context.new_page()
    try:
        page.goto(live_site + "/")
        assert not has_horizontal_scroll(page)
        boxes = page.evaluate(PORTAL_BOXES)
        assert [box["key"] for box in boxes] == [
            "figures",
            "disclosures",
            "integrity",
            "training",
            "highlights",
        ]
        for box in boxes:
            assert box["empty"] <= MOST_EMPTY_PX, f"{box['key']} is half empty at {width} px"
            if not box["wide"]:
                assert uncovered_beside(box, boxes) == 0, f"nothing beside {box['key']}"
        # The poster and the highlights' photos load (lazily, as they are scrolled to).
        pictures = page.locator(".portal img")
        assert page.locator(".portal__section--integrity img").count() == 1
        assert page.locator(".portal__section--highlights img").count() >= 2
        for number in range(pictures.count()):
            picture = pictures.nth(number)
            picture.scroll_into_view_if_needed()
            page.wait_for_function("image => image.complete", arg=picture.element_handle())
            assert picture.evaluate("image => image.naturalWidth") > 0
            assert picture.get_attribute("alt")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"home-portal-{width}")
        assert axe_violations(page) == []
    finally:
        context.close()
