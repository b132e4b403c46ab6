"""The portal in a real browser: renders, looks right, accessible, works on a phone."""

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
