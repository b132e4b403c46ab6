"""Every page type at phone and tablet widths: nothing wider than the screen, nothing scrolling
sideways, tap targets a finger can hit.

The page types are read from Wagtail's registry, so a new type cannot slip past: each must be
listed in the public API (one live example of it in the demo) or named in ``NOT_READER_PAGES``.
Pages a reader reaches outside the page tree (search, login, 我的学习, certificates, the
practice report form, the not-found page) are listed with the role that sees them.
Screenshots: ``layout-<width>-<name>.png``.
"""

import json
import urllib.parse
import urllib.request

import pytest
from wagtail.models import get_page_models

from tests.browser.conftest import demo_login, screenshot, settle

WIDTHS = (320, 375, 768)
# Types a reader never opens as a page of their own.
NOT_READER_PAGES = {"wagtailcore.Page"}
# Pages outside the tree: (name, path, role or None).
VIEWS = [
    ("search", "/search/?q=党支部", None),
    ("search-empty", "/search/", None),
    ("login", "/accounts/login/?next=/training/my/", None),
    ("certificate-lookup", "/training/certificates/", None),
    ("not-found", "/no-such-page/", None),
    ("my-learning", "/training/my/", "party_member"),
    ("practice-report", "report", "editor"),
]

# Elements that stick out past the right edge of the screen, or scroll sideways themselves.
# Visually hidden text (clipped to 1 px) and the skip link parked off screen do not count.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = e => {
    const style = getComputedStyle(e);
    return style.visibility === 'hidden' || style.display === 'none' ||
      style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)' ||
      (e.getBoundingClientRect().width <= 1 && e.getBoundingClientRect().height <= 1);
  };
  const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
    ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (hidden(e) || e.closest('[aria-hidden=true], .visually-hidden, .skip-link')) continue;
    const box = e.getBoundingClientRect();
    if (box.right > width + 1) found.push(name(e) + ' reaches ' + Math.round(box.right) + ' px');
    const overflowX = getComputedStyle(e).overflowX;
    if ((overflowX === 'auto' || overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1)
      found.push(name(e) + ' scrolls sideways');
  }
  if (document.scrollingElement.scrollWidth > width) found.unshift('the page scrolls sideways');
  return found.slice(0, 8);
}"""

# Links and buttons in the page's own content smaller than 44 × 44 px (WCAG 2.5.5); links
# inside running text are exempt, as the criterion says.
SMALL_TARGETS_SCRIPT = """() => {
  const found = [];
  for (const e of document.querySelectorAll(
      'header a, header button, nav a, nav button, .button, button, '
      + 'input[type=submit], select, .pagination a, .chip, summary')) {
    const box = e.getBoundingClientRect();
    if (!box.width || getComputedStyle(e).visibility === 'hidden') continue;
    if (e.closest('.visually-hidden, .skip-link, footer')) continue;
    if (box.height < 43.5 && box.width < 43.5 || box.height < 43.5 && e.tagName !== 'A')
      found.push(e.tagName.toLowerCase() + ' “' + (e.innerText || e.value || '').trim().slice(0, 12)
        + '” ' + Math.round(box.width) + '×' + Math.round(box.height));
  }
  return found.slice(0, 8);
}"""


def api(live_site, query):
    with urllib.request.urlopen(f"{live_site}/api/v2/pages/?{query}", timeout=10) as response:
        return json.load(response)


def page_type_examples(live_site):
    """One live, public example of each page type: {"app.Model": path}."""
    examples = {}
    for model in get_page_models():
        label = model._meta.label
        if label in NOT_READER_PAGES:
            continue
        items = api(live_site, urllib.parse.urlencode({"type": label, "limit": 1}))["items"]
        assert items, f"the demo has no public {label}: add one, or name it in NOT_READER_PAGES"
        examples[label] = urllib.parse.urlsplit(items[0]["meta"]["html_url"]).path
    return examples


def report_form_path(live_site):
    """The practice report form of the newest month's programme (slugs read 2026-12)."""
    items = api(live_site, "type=integrity.MonthlyProgramPage&order=-slug&limit=1")
    return f"/integrity/programmes/{items['items'][0]['id']}/report/"


@pytest.fixture(scope="module")
def pages(live_site):
    """(name, path, role) for every page type and every view outside the tree."""
    found = [
        (label.split(".")[1], path, None) for label, path in page_type_examples(live_site).items()
    ]
    for name, path, role in VIEWS:
        found.append((name, report_form_path(live_site) if path == "report" else path, role))
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_fits_the_screen(browser, live_site, pages, width):
    """At 320, 375 and 768 px: no sideways scroll, nothing past the edge, 44 px targets."""
    problems = []
    for role in (None, "party_member", "editor"):
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            locale="zh-CN",
            is_mobile=width < 768,
            has_touch=width < 768,
        )
        page = context.new_page()
        if role:
            demo_login(page, live_site, role)
        for name, path, page_role in pages:
            if page_role != role:
                continue
            response = page.goto(live_site + path)
            settle(page)
            expected = 404 if name == "not-found" else 200
            assert response.status == expected, f"{path}: {response.status}"
            screenshot(page, f"layout-{width}-{name}")
            for problem in page.evaluate(OVERFLOW_SCRIPT):
                problems.append(f"{name} ({path}): {problem}")
            if width < 768:
                for problem in page.evaluate(SMALL_TARGETS_SCRIPT):
                    problems.append(f"{name} ({path}): small target {problem}")
        context.close()
    assert not problems, "\n".join(problems)
