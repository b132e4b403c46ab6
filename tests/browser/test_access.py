"""Members in a real browser: log in, see their organisation's restricted items, and no more."""

from tests.browser.conftest import axe_violations, check_page, demo_login, screenshot


def test_party_member_sees_restricted_items_marked(live_site, page):
    demo_login(page, live_site, "party_member")
    assert page.get_by_text("陈党员").is_visible()  # the toolbar names who is logged in
    check_page(page, live_site + "/disclosures/nan-hu-jian-she/", "organization-party-member")
    assert page.locator(".badge", has_text="本支部党员").first.is_visible()


def test_employee_meets_the_same_404_for_party_items(live_site, page):
    demo_login(page, live_site, "party_member")
    page.goto(live_site + "/disclosures/nan-hu-jian-she/")
    party_item = page.locator(".disclosure-item", has=page.locator(".badge", has_text="本支部党员"))
    url = live_site + party_item.first.locator("a").first.get_attribute("href")
    page.get_by_role("button", name="退出").click()
    page.wait_for_load_state()
    demo_login(page, live_site, "employee")
    response = page.goto(url)
    assert response.status == 404  # the same answer as an address that does not exist
    assert page.get_by_role("heading", name="页面不存在").is_visible()
    screenshot(page, "not-open")
    assert axe_violations(page) == []


def test_anonymous_visitor_is_asked_to_log_in(live_site, page):
    page.goto(live_site + "/disclosures/nan-hu-jian-she/")
    titles = page.locator(".disclosure-item").all_inner_texts()
    assert titles and not any("本支部党员" in text or "本单位职工" in text for text in titles)


def test_anonymous_visitor_is_offered_the_login_on_a_restricted_address(live_site, page):
    response = page.goto(live_site + "/disclosures/nan-hu-jian-she/bu-cun-zai/")
    assert response.status == 404
    page.locator(".error-page").get_by_role("link", name="登录").click()
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url and "next=" in page.url
