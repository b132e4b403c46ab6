"""An editor's day in the admin, as the organisation's liaison and the committee live it (issue 15):
a new disclosure is submitted for review (no draft saved first), returned with a comment, fixed,
submitted again and approved; it is then public at its pinyin address.

Every admin screen either person sees on the way (dashboard, explorer, forms, the return dialog,
the message after each action) is read for English words (tests/home/test_admin_chinese.py's
reader, on the page as the browser has built it, so text put in by scripts counts too), and the
organisation's explorer gains exactly one page: no autosaved drafts beside it.
"""

import re

import pytest
from playwright.sync_api import expect

from home.slugs import pinyin_slug
from tests.browser.conftest import axe_violations, demo_login, screenshot
from tests.home.test_admin_chinese import english_words

pytestmark = pytest.mark.browser

TITLE = "建设集团青年志愿服务队成立公告"
CATEGORY = "党务公开 · 工作计划"
SUMMARY = "青年志愿服务队正式成立，欢迎职工报名参加。"
FIRST_TEXT = "经支部委员会研究，决定成立青年志愿服务队。"
COMMENT = "正文缺少成立时间和报名方式，请补充后再提交。"
FIX_TEXT = "成立时间：2026年12月1日；报名方式：向支部办公室报名。"

# The date picker's "Save Selected" button, which the vendored jQuery datetimepicker adds to
# every page with a date field and keeps hidden (display: none) unless its apply button is
# switched on, which Wagtail never does: nobody sees or hears it. Only the hidden one is left out.
HIDDEN_PICKER_BUTTON = re.compile(
    r'<button[^>]*class="xdsoft_save_selected[^"]*"[^>]*style="display: none;"[^>]*>'
    r"Save Selected</button>"
)
ITEMS = re.compile(r"共 (\d+) 项")
# Saving and moving a page through the workflow can take seconds on a busy two-core machine.
SAVING = 15_000


def assert_chinese(page, screen):
    """No English word on what the browser shows now (``screen`` names it in the failure)."""
    html = HIDDEN_PICKER_BUTTON.sub("", page.content())
    words = english_words(html)
    assert not words, f"English on {screen} ({page.url}): {words}"


def messages(page):
    return page.locator(".messages")


def queue(page, heading):
    """A work queue of the dashboard, found by its heading ("待审核（2）")."""
    name = re.compile(f"^{heading}（")
    return page.locator("section").filter(has=page.get_by_role("heading", name=name))


def explorer_count(page):
    """How many pages the explorer says the organisation has ("共 14 项")."""
    return int(ITEMS.search(page.locator("main").inner_text()).group(1))


def listed(page, title):
    """The explorer's rows whose page has exactly this title."""
    return page.locator("main table tbody tr").filter(
        has=page.get_by_role("link", name=title, exact=True)
    )


def add_paragraph(page, text):
    """A paragraph (正文) block at the end of the body, typed as a person types it; waits until
    the editor has written it into the form (Draftail saves its state a moment after typing)."""
    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name="插入内容块").last.click()
    page.get_by_role("option", name="正文", exact=True).click()
    body.locator("[contenteditable=true]").last.click()
    page.keyboard.type(text)
    expect(body.locator("input[name$='-value']").last).to_have_value(re.compile(re.escape(text)))


@pytest.fixture
def committee(browser, live_site):
    """The moderator, in a browser of their own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    demo_login(tab, live_site, "moderator")
    yield tab
    context.close()


def test_an_editors_day_from_draft_to_approval(page, committee, browser, live_site):
    editor = page
    demo_login(editor, live_site, "editor")

    # 1. The editor opens their organisation and adds a disclosure, submitting it at once.
    editor.goto(live_site + "/admin/")
    assert_chinese(editor, "the editor's dashboard")
    assert axe_violations(editor) == []
    editor.goto(live_site + "/admin/pages/")  # the editor's explorer opens on their organisation
    assert_chinese(editor, "the editor's explorer")
    pages_before = explorer_count(editor)
    expect(listed(editor, TITLE)).to_have_count(0)
    explorer_url = editor.url
    editor.get_by_role("link", name="添加子页面").click()
    expect(editor.locator("#id_title")).to_be_visible()
    assert "/add/disclosure/disclosurepage/" in editor.url  # the only page type here
    assert_chinese(editor, "the create form")

    editor.locator("#id_title").fill(TITLE)
    editor.get_by_role("button", name=re.compile("选择.*类别")).click()
    chooser = editor.locator(".modal-dialog")
    expect(chooser.get_by_role("link", name=CATEGORY)).to_be_visible()
    assert_chinese(editor, "the category chooser")
    chooser.get_by_role("link", name=CATEGORY).click()
    expect(chooser).to_be_hidden()
    editor.locator("#id_summary").fill(SUMMARY)
    add_paragraph(editor, FIRST_TEXT)
    screenshot(editor, "editor-day-1-create-form")
    primary = editor.locator("footer nav .w-dropdown-button > button[type=submit]")
    expect(primary).to_have_text("提交给两新工委审核")
    primary.click()
    expect(editor).to_have_url(explorer_url, timeout=SAVING)  # back to the explorer
    expect(messages(editor)).to_contain_text(TITLE)
    assert_chinese(editor, "the explorer after submitting")
    expect(listed(editor, TITLE)).to_have_count(1)
    assert explorer_count(editor) == pages_before + 1
    screenshot(editor, "editor-day-2-submitted")

    # 2. The committee finds it waiting on its dashboard and returns it with a comment.
    moderator = committee
    moderator.goto(live_site + "/admin/")
    waiting = queue(moderator, "待审核")
    expect(waiting.get_by_role("link", name=TITLE)).to_be_visible()
    assert_chinese(moderator, "the moderator's dashboard")
    assert axe_violations(moderator) == []
    screenshot(moderator, "editor-day-3-moderator-queue")
    waiting.get_by_role("link", name=TITLE).click()
    expect(moderator.locator("#id_title")).to_have_value(TITLE)
    edit_url = moderator.url
    assert_chinese(moderator, "the moderator's edit form")
    moderator.locator("footer nav .w-dropdown__toggle").click()
    moderator.locator("footer nav").get_by_role("button", name="退回修改", exact=True).click()
    dialog = moderator.locator(".modal-dialog")
    expect(dialog.get_by_label("意见")).to_be_visible()
    assert_chinese(moderator, "the return dialog")
    dialog.get_by_label("意见").fill(COMMENT)
    screenshot(moderator, "editor-day-4-return-dialog")
    dialog.get_by_role("button", name="退回修改", exact=True).click()
    expect(moderator).to_have_url(explorer_url, timeout=SAVING)
    expect(messages(moderator)).to_contain_text(TITLE)
    assert_chinese(moderator, "the message after returning")

    # 3. The editor finds it returned, with the comment, and fixes it in one click.
    editor.goto(live_site + "/admin/")
    returned = queue(editor, "退回修改")
    row = returned.locator("tr").filter(has=editor.get_by_role("link", name=TITLE))
    expect(row).to_contain_text(COMMENT)
    assert_chinese(editor, "the editor's dashboard with the returned item")
    assert axe_violations(editor) == []
    screenshot(editor, "editor-day-5-returned")
    row.get_by_role("link", name=TITLE).click()
    expect(editor).to_have_url(edit_url)
    expect(editor.locator("#id_title")).to_have_value(TITLE)
    assert_chinese(editor, "the editor's edit form")
    add_paragraph(editor, FIX_TEXT)
    assert_chinese(editor, "the edit form with unsaved changes")
    expect(primary).to_have_text("重新提交给两新工委审核")
    primary.click()
    expect(editor).to_have_url(explorer_url, timeout=SAVING)
    expect(messages(editor)).to_contain_text(TITLE)
    assert_chinese(editor, "the message after submitting again")

    # 4. The committee approves and publishes it.
    moderator.goto(live_site + "/admin/")
    waiting.get_by_role("link", name=TITLE).click()
    body = moderator.locator("[data-contentpath=body] [contenteditable=true]")
    expect(body.filter(has_text=FIX_TEXT)).to_be_visible()
    assert_chinese(moderator, "the moderator's edit form, resubmitted")
    moderator.locator("footer nav .w-dropdown__toggle").click()
    moderator.locator("footer nav").get_by_role("button", name="通过并发布", exact=True).click()
    expect(moderator).to_have_url(explorer_url, timeout=SAVING)
    expect(messages(moderator)).to_contain_text(TITLE)
    assert_chinese(moderator, "the message after approving")
    screenshot(moderator, "editor-day-6-approved")

    # The page's history tells the story; the explorer holds the one page, now live.
    moderator.goto(edit_url.replace("/edit/", "/history/"))
    history = moderator.locator("main table tbody tr")
    expect(history.filter(has_text=COMMENT)).to_have_count(1)  # returned, with the comment
    # In the glossary's words: 退回修改 and 已通过 (admin_locale), not 已拒绝 and 已批准.
    expect(history.filter(has_text="退回修改")).to_have_count(1)
    expect(history.filter(has_text="已通过")).to_have_count(1)
    expect(history.first).to_contain_text("已发布")
    # The reviewer's open form saved no draft after it (no autosave in review: home.admin_editing).
    expect(history.first).not_to_contain_text("草稿")
    assert_chinese(moderator, "the page's history")
    screenshot(moderator, "editor-day-7-history")
    editor.goto(explorer_url)
    expect(listed(editor, TITLE)).to_have_count(1)
    assert explorer_count(editor) == pages_before + 1
    assert_chinese(editor, "the explorer after approval")
    listed(editor, TITLE).get_by_role("link", name=TITLE).click()
    live_link = editor.locator("header").get_by_role("link", name=re.compile("查看已发布页面"))
    href = live_link.get_attribute("href")
    assert_chinese(editor, "the edit form of the published page")
    assert href.rstrip("/").rsplit("/", 1)[-1] == pinyin_slug(TITLE)

    anonymous = browser.new_context(locale="zh-CN")
    try:
        reader = anonymous.new_page()
        response = reader.goto(live_site + href)
        assert response.status == 200
        expect(reader.get_by_role("heading", name=TITLE)).to_be_visible()
        expect(reader.get_by_text(FIX_TEXT)).to_be_visible()
        screenshot(reader, "editor-day-8-public")
    finally:
        anonymous.close()
