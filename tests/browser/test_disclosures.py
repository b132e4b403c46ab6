"""Disclosure pages in a real browser: listing, organisation, disclosure; desktop and phone."""

from tests.browser.conftest import check_page, demo_login, has_horizontal_scroll, screenshot


def first_item_url(page):
    return page.locator(".disclosure-item a.item-list__title").first.get_attribute("href")


def test_listing_filters_in_the_browser(live_site, page):
    check_page(page, live_site + "/disclosures/", "disclosures")
    assert page.get_by_role("heading", name="信息公开", level=1).is_visible()
    page.get_by_label("公开类型").select_option("enterprise")
    page.get_by_label("发布年份").fill("2026")
    page.get_by_role("button", name="筛选", exact=True).click()
    page.wait_for_load_state()
    assert "kind=enterprise" in page.url
    kinds = page.locator(".disclosure-item .item-meta").all_inner_texts()
    assert kinds and all("企务公开" in text for text in kinds)
    screenshot(page, "disclosures-filtered")


def test_listing_on_a_phone(live_site, phone):
    check_page(phone, live_site + "/disclosures/", "disclosures-phone")
    assert not has_horizontal_scroll(phone)


def test_organisation_page(live_site, page, phone):
    check_page(page, live_site + "/disclosures/nan-hu-xin-cai-liao/", "organization")
    assert page.get_by_role("heading", name="公开目录").is_visible()
    assert page.get_by_text("撤销").first.is_visible()  # the revoked model-branch status
    check_page(phone, live_site + "/disclosures/nan-hu-xin-cai-liao/", "organization-phone")
    assert not has_horizontal_scroll(phone)


def test_disclosure_page(live_site, page, phone):
    page.goto(live_site + "/disclosures/")
    url = live_site + first_item_url(page)
    check_page(page, url, "disclosure")
    assert page.get_by_text("索引号").first.is_visible()
    assert page.get_by_role("heading", name="修订记录").is_visible()
    check_page(phone, url, "disclosure-phone")
    assert not has_horizontal_scroll(phone)


def test_withdrawn_and_superseded_disclosures(live_site, page):
    check_page(page, live_site + "/disclosures/?withdrawn=only", "disclosures-withdrawn")
    url = live_site + first_item_url(page)
    check_page(page, url, "disclosure-withdrawn")
    assert page.get_by_text("撤回").first.is_visible()
    check_page(
        page,
        live_site + "/disclosures/nan-hu-jian-she/kao-qin-guan-li-ban-fa-2025/",
        "disclosure-repealed",
    )
    assert page.get_by_text("已废止，由以下信息取代").is_visible()


def test_moderator_takes_a_disclosure_down(live_site, page):
    """撤下 from the admin: the public page keeps its record and reason, nothing else."""
    page.goto(live_site + "/disclosures/?page=3")
    url = live_site + first_item_url(page)
    page.goto(url)
    title = page.locator("h1").inner_text()
    poster = page.get_by_role("link", name="打印海报").get_attribute("href")
    page_id = poster.strip("/").split("/")[-1]
    demo_login(page, live_site, "moderator")
    page.goto(f"{live_site}/admin/disclosures/{page_id}/withdraw/")
    page.get_by_label("撤下", exact=False).check()
    page.get_by_label("撤回原因").fill("个人信息未做脱敏，身份证号误发布。")
    page.get_by_role("button", name="确认").click()
    page.wait_for_load_state()
    assert page.get_by_text("已撤下").first.is_visible()
    page.context.clear_cookies()
    check_page(page, url, "disclosure-taken-down")
    assert page.locator("h1").inner_text() == title
    assert page.get_by_text("撤下，原因：个人信息未做脱敏").is_visible()
    assert page.locator(".prose").inner_text().strip() == ""
    assert page.locator(".lead, .attachments").count() == 0
    assert page.get_by_role("link", name="打印海报").count() == 0
