"""The search page in a real browser: Chinese words inside sentences, highlights, accessibility."""

from playwright.sync_api import expect

from tests.browser.conftest import check_page, has_horizontal_scroll, screenshot


def test_search_from_the_header(live_site, page):
    page.goto(live_site + "/")
    page.get_by_role("search").get_by_label("搜索").fill("党费收缴")
    page.get_by_role("search").get_by_role("button", name="搜索").click()
    page.wait_for_load_state()
    assert "/search/?q=" in page.url
    assert page.locator(".search-results li").count() > 0
    assert page.locator(".search-results mark").first.inner_text() == "党费收缴"
    check_page(page, page.url, "search")


def test_search_on_a_phone_and_the_empty_state(live_site, phone):
    check_page(phone, live_site + "/search/?q=%E5%B7%A5%E8%B5%84", "search-phone")
    assert not has_horizontal_scroll(phone)
    check_page(
        phone,
        live_site + "/search/?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D",
        "search-empty",
    )
    assert phone.get_by_text("没有找到").is_visible()


def test_search_from_a_phones_header(live_site, phone):
    """At 375 px the box waits behind the header's 搜索 button, which opens it with the cursor in
    it; every page has it."""
    for path in ("/", "/disclosures/", "/integrity/"):
        phone.goto(live_site + path)
        box = phone.get_by_role("search").get_by_label("搜索")
        expect(box).to_be_hidden()
        toggle = phone.locator(".search-toggle")
        expect(toggle).to_be_visible()
        size = toggle.bounding_box()
        assert size["height"] >= 44 and size["width"] >= 44  # a thumb's tap target
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(box).to_be_focused()
    phone.keyboard.type("党费收缴")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert "/search/?q=" in phone.url
    assert phone.locator(".search-results li").count() > 0
    assert not has_horizontal_scroll(phone)
    phone.goto(live_site + "/")
    phone.locator(".search-toggle").click()
    screenshot(phone, "search-phone-header-open")
