"""The search page in a real browser: Chinese words inside sentences, highlights, accessibility."""

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, check_page, has_horizontal_scroll, screenshot


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


def test_recent_searches_stay_in_the_browser_until_forgotten(live_site, page):
    """The search page lists the reader's last searches, newest first, as links that search
    again; 清除 forgets them for good. They never reach the server: the page's HTML has none."""
    for query in ("党费", "公积金", "党费"):
        page.goto(live_site + "/search/?q=" + query)
    page.goto(live_site + "/search/")
    recent = page.get_by_role("region", name="最近搜索")
    expect(recent).to_be_visible()
    assert recent.get_by_role("link").all_inner_texts() == ["党费", "公积金"]
    served = page.request.get(live_site + "/search/").text()
    assert "公积金" not in served and "党费" not in served
    screenshot(page, "search-recent")
    assert axe_violations(page) == []

    recent.get_by_role("link", name="公积金").click()
    page.wait_for_load_state()
    assert page.get_by_label("搜索词").input_value() == "公积金"
    # The query being shown is not offered again; the other one is.
    assert page.get_by_role("region", name="最近搜索").get_by_role("link").all_inner_texts() == [
        "党费"
    ]

    page.get_by_role("button", name="清除").click()
    expect(page.get_by_role("region", name="最近搜索")).to_be_hidden()
    page.goto(live_site + "/search/")
    expect(page.locator("[data-recent-searches]")).to_be_hidden()
