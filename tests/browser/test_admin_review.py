"""The committee's working day in the admin: the dashboard's work queues, and a practice report
reviewed on one screen (photos, names, summary, window), approved with one click."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, demo_login, screenshot

pytestmark = pytest.mark.browser


def test_the_dashboard_puts_each_roles_work_first(page, live_site):
    demo_login(page, live_site, "moderator")
    page.goto(live_site + "/admin/")
    for heading in ("待审核", "待审核的实践报告", "离线的屏幕", "逾期未完成的培训"):
        expect(page.get_by_role("heading", name=re.compile(f"^{heading}（"))).to_be_visible()
    screenshot(page, "admin-dashboard-queues-moderator")
    assert axe_violations(page) == []


def test_an_editor_sees_their_drafts_and_this_months_report(page, live_site):
    demo_login(page, live_site, "editor")
    page.goto(live_site + "/admin/")
    for heading in ("我的草稿", "本月实践报告"):
        expect(page.get_by_role("heading", name=re.compile(f"^{heading}（"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^待审核的实践报告（"))).to_have_count(0)
    screenshot(page, "admin-dashboard-queues-editor")
    assert axe_violations(page) == []


def test_a_moderator_reviews_a_report_with_its_photos_on_one_screen(page, live_site):
    demo_login(page, live_site, "moderator")
    page.goto(live_site + "/admin/practice-reports/review/")
    rows = page.locator("table.listing tbody tr")
    waiting = rows.count()
    assert waiting > 0, "the demo has reports awaiting review"
    screenshot(page, "admin-review-queue")
    assert axe_violations(page) == []

    # The report with photos: thumbnails that load, each opening the full-size image.
    for index in range(waiting):
        page.goto(live_site + "/admin/practice-reports/review/")
        rows.nth(index).locator("a").first.click()
        page.wait_for_load_state()
        if page.locator(".practice-review__photos img").count():
            break
    photos = page.locator(".practice-review__photos img")
    assert photos.count() > 0, "a demo report awaiting review has photos"
    assert all(
        photos.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
        for i in range(photos.count())
    )
    full_size = page.locator(".practice-review__photos a").first.get_attribute("href")
    assert page.request.get(live_site + full_size).ok
    expect(page.get_by_text("参加人员名单")).to_be_visible()
    screenshot(page, "admin-review-report")
    assert axe_violations(page) == []

    # Returning needs a comment; approving takes the report off the queue.
    page.get_by_role("button", name="退回修改").click()
    page.wait_for_load_state()
    expect(page.locator(".error-message, .w-field__errors").first).to_be_visible()
    page.get_by_role("button", name="通过", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text(re.compile("已通过.*的实践报告"))).to_be_visible()
    assert page.locator("table.listing tbody tr").count() == waiting - 1
