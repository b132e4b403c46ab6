"""The search page in a real browser: Chinese words inside sentences, highlights, accessibility."""

from tests.browser.conftest import check_page, has_horizontal_scroll


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
