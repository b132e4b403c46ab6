"""The integrity programme in a real browser: overview, a month with its film, the report form."""

from tests.browser.conftest import check_page, demo_login, has_horizontal_scroll


def test_overview_and_month(live_site, page, phone):
    check_page(page, live_site + "/integrity/", "integrity")
    assert page.get_by_role("heading", name="清廉教育", level=1).is_visible()
    page.locator(".programme-card a").first.click()
    page.wait_for_load_state()
    check_page(page, page.url, "integrity-month")
    video = page.locator("video.film")
    assert video.is_visible()
    assert video.evaluate("v => v.controls && !!v.poster")
    duration = video.evaluate(
        "v => new Promise(done => v.readyState >= 1 ? done(v.duration)"
        " : v.addEventListener('loadedmetadata', () => done(v.duration)))"
    )
    assert duration > 0  # the browser can read the film
    check_page(phone, page.url, "integrity-month-phone")
    assert not has_horizontal_scroll(phone)


def test_editor_report_form(live_site, page):
    demo_login(page, live_site, "editor")
    page.goto(live_site + "/integrity/")
    page.locator(".programme-card a").first.click()
    page.wait_for_load_state()
    report_link = page.locator("a[href*='/integrity/programmes/']").first
    check_page(page, live_site + report_link.get_attribute("href"), "integrity-report")
    assert page.get_by_role("heading", name="实践活动报告").is_visible()
