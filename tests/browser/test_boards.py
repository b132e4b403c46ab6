"""Posters for notice boards in a real browser: on screen, in print media and as a PDF."""

import re

from tests.browser.conftest import SCREENSHOTS, check_page, screenshot

A4_POINTS = (595, 842)
A3_POINTS = (842, 1191)


def first_item_href(page):
    return page.locator(".disclosure-item a.item-list__title").first.get_attribute("href")


def poster_href(page):
    """The page's link to its poster, as a reader finds it."""
    link = page.locator('a[href*="/screens/boards/"]')
    assert link.count() == 1
    return link.get_attribute("href")


def pdf_pages(pdf):
    """(number of pages, size of the first page in points) of a PDF Chromium printed."""
    count = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return count, (round(float(box[1])), round(float(box[2])))


def print_and_check(page, name, paper, max_pages=3):
    """Print media: no toolbar, a screenshot, and a PDF at the poster's own paper size.

    The screenshot shows the print styles at the window's width; the PDF beside it shows the
    pages as they come out of the printer (``pdftoppm -png`` turns it into images).
    """
    page.emulate_media(media="print")
    assert page.locator(".board-toolbar").is_hidden()
    screenshot(page, f"{name}-print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (SCREENSHOTS / f"{name}.pdf").write_bytes(pdf)  # to look at the pages themselves
    count, size = pdf_pages(pdf)
    assert 1 <= count <= max_pages, count
    assert size == paper, size
    page.emulate_media(media="screen")
    return count


def test_disclosure_poster_a4_and_a3(live_site, page):
    page.goto(live_site + "/disclosures/")
    first = first_item_href(page)
    page.goto(live_site + first)
    title = page.locator("h1").inner_text()
    href = poster_href(page)

    check_page(page, live_site + href, "board-disclosure-a4")
    assert page.locator("body.board--a4").count() == 1
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.get_by_text("索引号").is_visible()
    assert page.get_by_text("公开主体").is_visible()
    qr = page.locator(".poster__qr svg")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] > 150 and abs(box["width"] - box["height"]) < 1  # big enough to scan
    assert page.locator(".poster__url").inner_text().endswith(first)
    assert page.get_by_role("button", name="打印").is_visible()
    print_and_check(page, "board-disclosure-a4", A4_POINTS)
    # Chrome's own A4 setting (the print dialog's default) gives the same page count.
    assert 1 <= pdf_pages(page.pdf(format="A4"))[0] <= 3

    page.get_by_role("link", name="A3").click()
    page.wait_for_load_state()
    assert page.url.endswith("?size=a3")
    check_page(page, page.url, "board-disclosure-a3")
    assert page.locator("body.board--a3").count() == 1
    assert page.locator('a[aria-current="page"]').inner_text() == "A3"
    a3_qr = page.locator(".poster__qr svg").bounding_box()
    assert a3_qr["width"] > box["width"] * 1.3  # the A3 poster is the A4 one scaled up
    print_and_check(page, "board-disclosure-a3", A3_POINTS)


def test_disclosure_with_a_table(live_site, page):
    page.goto(live_site + "/disclosures/")
    options = page.locator('select[name="category"] option')
    dues = next(o for o in options.all() if "党费收缴使用" in o.inner_text())
    page.goto(live_site + "/disclosures/?category=" + dues.get_attribute("value"))
    page.goto(live_site + first_item_href(page))
    check_page(page, live_site + poster_href(page), "board-disclosure-table")
    assert page.locator(".poster__body table").is_visible()
    pages = print_and_check(page, "board-disclosure-table", A4_POINTS)
    assert page.locator(".poster__footer").is_visible()
    assert pages >= 1


def test_monthly_programme_poster(live_site, page):
    page.goto(live_site + "/integrity/")
    page.locator(".programme-card a").first.click()
    page.wait_for_load_state()
    href = poster_href(page)
    check_page(page, live_site + href, "board-programme-a4")
    assert "一月一课一片一实践" in page.get_by_role("heading", level=1).inner_text()
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    assert [h.split()[0] for h in headings] == ["一课", "一片", "一实践"]
    assert page.locator(".poster__qr svg").is_visible()
    print_and_check(page, "board-programme-a4", A4_POINTS, max_pages=1)
    check_page(page, live_site + href + "?size=a3", "board-programme-a3")
    print_and_check(page, "board-programme-a3", A3_POINTS, max_pages=1)


def test_poster_on_a_phone(live_site, phone):
    phone.goto(live_site + "/integrity/")
    phone.locator(".programme-card a").first.click()
    phone.wait_for_load_state()
    check_page(phone, live_site + poster_href(phone), "board-programme-phone")
    assert not phone.evaluate(
        "document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth"
    )
