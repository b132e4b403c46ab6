"""Disclosure pages in a real browser: listing, organisation, disclosure; desktop and phone."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    axe_violations,
    check_page,
    demo_login,
    has_horizontal_scroll,
    screenshot,
)


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


# ---- phones: the filters folded behind 筛选, the filters in use as chips, tables as cards -----

PHONE_SCREEN = 740  # the height of the phone fixture's screen
FILTERED = "/disclosures/?kind=enterprise&organization=nan-hu-jian-she&page=2"


def first_result_top(page):
    return page.locator(".disclosure-item").first.bounding_box()["y"]


def test_phone_filters_fold_behind_one_control(live_site, phone):
    """At 375 px the first result is on the first screen; 筛选 opens the seven filters."""
    check_page(phone, live_site + "/disclosures/", "disclosures-phone-folded")
    form = phone.locator("form.filters")
    toggle = phone.locator("details.filters-fold > summary")
    expect(form).to_be_hidden()
    expect(toggle).to_be_visible()
    assert toggle.bounding_box()["height"] >= 44
    assert first_result_top(phone) < PHONE_SCREEN
    toggle.click()
    expect(form).to_be_visible()
    expect(phone.get_by_label("公开类型")).to_be_visible()
    expect(form.locator("select, input")).to_have_count(7)
    screenshot(phone, "disclosures-phone-filters-open")
    assert axe_violations(phone) == []
    assert not has_horizontal_scroll(phone)


def test_phone_filter_chips_remove_one_filter(live_site, phone):
    check_page(phone, live_site + FILTERED, "disclosures-phone-chips")
    expect(phone.locator("form.filters")).to_be_hidden()
    expect(phone.locator("details.filters-fold > summary")).to_have_text(re.compile(r"[(（]2[)）]"))
    assert first_result_top(phone) < PHONE_SCREEN
    assert not has_horizontal_scroll(phone)
    chip = phone.locator("a.chip", has_text="单位：岳阳南湖建设工程集团有限公司")
    assert chip.bounding_box()["height"] >= 44
    chip.click()
    phone.wait_for_load_state()
    assert "organization=" not in phone.url and "page=" not in phone.url
    assert "kind=enterprise" in phone.url
    expect(phone.locator("a.chip")).to_have_count(1)  # 公开类型 only, and no 清除全部 for one
    expect(phone.locator("a.chip")).to_contain_text("公开类型：企务公开")
    metas = phone.locator(".disclosure-item .item-meta").all_inner_texts()
    assert any("岳阳南湖建设工程集团有限公司" not in meta for meta in metas)  # every organisation


def test_desktop_filters_stay_open_with_chips_above_the_results(live_site, page):
    check_page(page, live_site + FILTERED, "disclosures-chips")
    expect(page.locator("form.filters")).to_be_visible()
    expect(page.locator("details.filters-fold > summary")).to_be_hidden()
    expect(page.locator(".results .chips a.chip")).to_have_count(3)  # two filters, 清除全部
    page.locator("a.chip--clear").click()
    page.wait_for_load_state()
    assert page.url == live_site + "/disclosures/"
    expect(page.locator(".chips")).to_have_count(0)


def card_labels(page, table):
    """The column names the cards show before the cells of ``table``'s first rows."""
    return page.locator(f"{table} td[data-label]").evaluate_all(
        "cells => cells.slice(0, 6).map(cell =>"
        " getComputedStyle(cell, '::before').content.replace(/^\"|\"$/g, ''))"
    )


def assert_stacked(page, table):
    """Each cell of a card spans the card: nothing is squeezed into a narrow column."""
    row = page.locator(f"{table} tbody tr:has(td)").first
    row_box = row.bounding_box()
    for cell in row.locator("th, td").all():
        assert cell.bounding_box()["width"] > row_box["width"] * 0.8


def test_organisation_catalogue_as_cards_at_320(live_site, phone):
    phone.set_viewport_size({"width": 320, "height": PHONE_SCREEN})
    check_page(phone, live_site + "/disclosures/nan-hu-xin-cai-liao/", "organization-320")
    assert not has_horizontal_scroll(phone)
    assert_stacked(phone, "table.catalogue")
    assert set(card_labels(phone, "table.catalogue")) == {"条数", "最新一条"}
    expect(phone.locator("table.catalogue td[data-label] a").first).to_be_visible()
