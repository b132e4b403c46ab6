"""The admin on a closed network, under the site's own name and colours: no request goes to
another host (no gravatar, fonts or scripts from elsewhere), the login page and the sidebar show
the emblem and name; an abandoned “add page” leaves no draft behind (home.admin_editing)."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import axe_violations, demo_login, screenshot

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ["/", "/search/?q=公开"]


@pytest.fixture
def session(browser):
    """A fresh browser context whose every request's host is recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.hosts = set()
    tab.on("request", lambda request: tab.hosts.add(urlsplit(request.url).netloc))
    yield tab
    context.close()


def visit(tab, url):
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    assert response is not None and response.status < 400, url
    return response


def links(tab, pattern):
    hrefs = tab.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [href for href in hrefs if re.search(pattern, href)]


def test_the_login_page_carries_the_sites_name_and_emblem(session, live_site):
    visit(session, live_site + "/admin/login/")
    assert "南湖两新 公开平台" in session.title()
    assert "Wagtail" not in session.title()
    assert session.locator(".login-logo img[src*='emblem']").is_visible()
    assert "南湖两新 公开平台" in session.locator("h1").inner_text()
    screenshot(session, "admin-login")
    assert axe_violations(session) == []
    assert session.hosts == {urlsplit(live_site).netloc}


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_the_admin_asks_no_other_host(session, live_site, role):
    demo_login(session, live_site, role)
    visit(session, live_site + "/admin/")
    assert session.title().endswith("南湖两新 公开平台")
    assert session.locator("#wagtail-sidebar img[src*='emblem']").first.is_visible()
    screenshot(session, f"admin-dashboard-{role}")
    visit(session, live_site + "/admin/pages/")
    explorer = links(session, r"/admin/pages/\d+/$")
    assert explorer, "the explorer lists no page"
    visit(session, explorer[-1])
    edit = links(session, r"/admin/pages/\d+/edit/$")
    assert edit, "no page to edit"
    visit(session, edit[0])
    for path in ["/admin/images/", "/admin/documents/", *PUBLIC_PAGES]:
        visit(session, live_site + path)
    assert session.hosts == {urlsplit(live_site).netloc}


def test_an_abandoned_add_page_form_leaves_no_draft(session, live_site):
    demo_login(session, live_site, "editor")
    visit(session, live_site + "/admin/pages/")
    add = links(session, r"/admin/pages/\d+/add_subpage/")
    assert add, "the editor may add no page"
    visit(session, add[0])  # one page type allowed: Wagtail goes straight to its form
    if "/add/disclosure/disclosurepage/" not in session.url:
        forms = links(session, r"/admin/pages/add/disclosure/disclosurepage/\d+/$")
        assert forms, "no disclosure can be added here"
        visit(session, forms[0])
    session.locator("#id_title").fill("未完成的草稿标题")
    session.wait_for_timeout(2000)  # four autosave intervals (WAGTAIL_AUTOSAVE_INTERVAL)
    assert "/add/" in session.url  # still the create form: nothing was saved
    parent = re.search(r"/disclosurepage/(\d+)/", session.url).group(1)
    visit(session, f"{live_site}/admin/pages/{parent}/")  # the explorer of where it was begun
    assert "未完成的草稿标题" not in session.locator("main").inner_text()
