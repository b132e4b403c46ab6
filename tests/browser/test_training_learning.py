"""A learner's way through training in a real browser: lessons, the video, the exam, certificates.

The tests share the session's demo site. The employee (an activist enrolled in the required
course 党风廉政建设知识 with nothing done) is taken all the way to a certificate; the editor, who
has one lesson of 支部书记履职基础 left, finishes it and fails that exam. Button texts may still be
English while the catalogue catches up, so elements are found by role, CSS and address.
"""

import json
import re
import sqlite3
from contextlib import closing
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import (
    axe_violations,
    check_page,
    demo_login,
    has_horizontal_scroll,
    screenshot,
)
from training.demo.questions import INTEGRITY, SECRETARY

COURSE = "党风廉政建设知识"
VIDEO_LESSON = "警示教育：一念之差"
PROGRESS_URL = re.compile(r"/training/lessons/\d+/progress/$")

# Waits for the next time the video fires ``event``, so a test can block on real playback.
WAIT_FOR = "(v, event) => new Promise(done => v.addEventListener(event, done, {once: true}))"


def answer_key(bank):
    """Question text -> the texts of its correct choices."""
    return {
        text: {choice for choice, correct in choices if correct} for _k, text, choices, _e in bank
    }


def answer_paper(page, bank, right):
    """Tick every question's correct choices (``right``), else a wrong answer to each.

    A wrong answer is the first wrong choice, or for a multiple choice question whose choices are
    all correct, only the first of them.
    """
    key = answer_key(bank)
    questions = page.locator("li.question")
    count = questions.count()
    assert count > 0
    for i in range(count):
        question = questions.nth(i)
        legend = question.locator("legend").inner_text()
        matches = [text for text in key if text in legend]
        assert len(matches) == 1, f"no single question in the answer key for: {legend}"
        correct = key[matches[0]]
        labels = question.locator("label.choice")
        texts = [labels.nth(j).inner_text().strip() for j in range(labels.count())]
        assert correct <= set(texts), (legend, texts)
        if right:
            tick = [j for j, text in enumerate(texts) if text in correct]
        else:
            tick = [j for j, text in enumerate(texts) if text not in correct][:1] or [0]
        for j in tick:
            labels.nth(j).locator("input").check()
    return count


def lesson_badges(page, course_url):
    """Lesson title -> True if the course page marks it done (server-side state)."""
    page.goto(course_url)
    badges = {}
    for item in page.locator("ol.lesson-list > li").all():
        badges[item.locator("a").inner_text().strip()] = item.locator(".badge--ok").count() == 1
    return badges


def play_muted(video):
    video.evaluate("v => { v.muted = true; }")


def watch_csp(page):
    """The Content-Security-Policy complaints the page logs from now on (a list that fills up)."""
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return complaints


def demo_username(live_site, role):
    return json.loads((live_site.var_dir / "demo-logins.json").read_text())[role]["username"]


def test_employee_learns_passes_and_gets_certificate(live_site, browser, page, phone):
    demo_login(page, live_site, "employee")
    blocked = watch_csp(page)

    # My learning: the required course is there with nothing done and no certificate yet.
    check_page(page, live_site + "/training/my/", "training-my-employee")
    row = page.locator("table.data-table tbody tr", has_text=COURSE)
    expect(row).to_have_count(1)
    expect(row.locator(".badge--red")).to_be_visible()  # required
    expect(row).to_contain_text("0/4")
    expect(page.locator(".hours-box progress")).to_have_attribute("value", "0")
    lead = page.locator(".my-learning .lead").inner_text()
    organization = lead.split("·")[1].strip()
    assert organization

    row.get_by_role("link", name=COURSE).click()
    page.wait_for_load_state()
    course_url = page.url
    badges = lesson_badges(page, course_url)
    assert list(badges.values()) == [False] * 4
    assert page.locator(".exam-box form button[type=submit]").count() == 0  # exam locked

    # The three text lessons, each with its mark-as-read button (which moves on to the next).
    page.locator("ol.lesson-list a").first.click()
    page.wait_for_load_state()
    for _lesson in range(3):
        button = page.locator(".learning-panel form button[type=submit]")
        expect(button).to_have_count(1)
        title = page.locator("h1").inner_text()
        button.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() != title  # went on to the next lesson
    assert page.locator("h1").inner_text() == VIDEO_LESSON
    badges = lesson_badges(page, course_url)
    assert [badges[title] for title in badges] == [True, True, True, False]

    # The video lesson, first skipped through: jumping to the middle and playing to the end
    # covers only half of the film, which must not complete the lesson.
    page.locator("ol.lesson-list a", has_text=VIDEO_LESSON).click()
    page.wait_for_load_state()
    lesson_url = page.url
    video = page.locator("video[data-media-id]")
    expect(page.locator("#watched-percent")).to_have_text("0")
    assert video.evaluate("v => v.controls")
    play_muted(video)
    video.evaluate(
        "v => new Promise(done => v.readyState >= 1 ? done()"
        " : v.addEventListener('loadedmetadata', done, {once: true}))"
    )
    video.evaluate(
        "v => new Promise(done => { v.addEventListener('seeked', done, {once: true});"
        " v.currentTime = 1.0; })"
    )
    with page.expect_response(PROGRESS_URL) as report:
        video.evaluate(
            f"v => {{ const ended = ({WAIT_FOR})(v, 'ended'); v.play(); return ended; }}"
        )
    result = report.value.json()
    assert report.value.ok
    assert result["done"] is False, result
    assert 30 <= result["watched"] < 90, result
    expect(page.locator("#watched-percent")).to_have_text(str(result["watched"]))
    assert "notice" not in (page.locator("#watch-status").get_attribute("class") or "")
    # Whatever else the page might still send (the 5-second timer, the beacon on leaving) has
    # nothing more to add: the server still has the lesson as not done.
    page.wait_for_timeout(5500)
    assert lesson_badges(page, course_url)[VIDEO_LESSON] is False

    # Now watched for real, from the start to the end, on a fresh page.
    page.goto(lesson_url)
    page.wait_for_load_state("networkidle")
    screenshot(page, "training-lesson-video-before")
    video = page.locator("video[data-media-id]")
    play_muted(video)
    with page.expect_response(
        lambda response: PROGRESS_URL.search(response.url) and response.json().get("done")
    ) as report:
        video.evaluate(
            f"v => {{ v.currentTime = 0; const ended = ({WAIT_FOR})(v, 'ended');"
            " v.play(); return ended; }"
        )
    # The whole film counts, up to its last frame (not just to the last time update before it).
    assert report.value.json()["watched"] >= 95, report.value.json()
    status = page.locator("#watch-status")
    expect(status).to_have_class(re.compile(r"\bnotice\b"))
    expect(status).to_have_text(status.get_attribute("data-done-text"))
    screenshot(page, "training-lesson-video-done")
    assert axe_violations(page) == []
    assert all(lesson_badges(page, course_url).values())

    # The exam, started from the course page.
    check_page(page, course_url, "training-course-ready-for-exam")
    expect(page.locator(".progress__bar")).to_have_attribute("value", "100")
    page.locator(".exam-box form button[type=submit]").click()
    page.wait_for_load_state()
    assert re.search(r"/training/attempts/\d+/$", page.url)
    attempt_url = page.url
    check_page(page, attempt_url, "training-exam-paper")
    expect(page.locator("li.question")).to_have_count(10)

    # The same paper on a phone: readable without sideways scrolling.
    demo_login(phone, live_site, "employee")
    check_page(phone, attempt_url, "training-exam-paper-phone")
    assert not has_horizontal_scroll(phone)

    assert answer_paper(page, INTEGRITY, right=True) == 10
    page.locator("form.exam-paper button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url == attempt_url  # redirected back to the graded attempt
    check_page(page, attempt_url, "training-exam-passed")
    expect(page.locator(".exam-result--passed")).to_be_visible()
    expect(page.locator(".exam-result__score")).to_contain_text("100")
    expect(page.locator(".question--right")).to_have_count(10)
    expect(page.locator(".question--wrong")).to_have_count(0)
    expect(page.locator(".question__explanation")).to_have_count(10)
    assert (
        page.locator("li.question input:disabled").count()
        == page.locator("li.question input").count()
    )

    # The certificate: printable, with a QR code to the public check page.
    page.locator(".exam-result a.button").click()
    page.wait_for_load_state()
    assert re.search(r"/training/certificates/[^/]+/print/$", page.url)
    check_page(page, page.url, "training-certificate-print")
    certificate = page.locator("article.certificate")
    expect(certificate.locator(".certificate__name")).to_have_text("王职工")
    expect(certificate.locator(".certificate__text")).to_contain_text(COURSE)
    expect(certificate.locator(".certificate__qr svg")).to_have_count(1)
    verify_url = certificate.locator(".certificate__url").inner_text().strip()
    verify_path = urlsplit(verify_url).path
    assert re.fullmatch(r"/training/certificates/[^/]+/", verify_path), verify_url
    issued = certificate.locator(".certificate__date").inner_text().strip()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", issued)

    # My learning now lists it.
    page.goto(live_site + "/training/my/")
    expect(page.locator(".item-list a", has_text=COURSE)).to_have_count(1)
    expect(page.locator("table.data-table tbody tr", has_text=COURSE)).to_contain_text("4/4")

    # The public check page, for someone not logged in: valid, and only the certificate's facts.
    public = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        visitor = public.new_page()
        check_page(visitor, live_site + verify_path, "training-certificate-check")
        expect(visitor.locator(".verdict--valid")).to_be_visible()
        expect(visitor.locator(".verdict--revoked")).to_have_count(0)
        expect(visitor.locator("dl.facts dt")).to_have_count(5)  # name, course, date, 学时, code
        facts = visitor.locator("dl.facts dd")
        assert facts.nth(0).inner_text().strip() == "王职工"
        assert facts.nth(1).inner_text().strip() == COURSE
        assert facts.nth(2).inner_text().strip() == issued
        assert re.fullmatch(r"4(\.0)?", facts.nth(3).inner_text().strip())
        text = visitor.locator(".certificate-check").inner_text()
        for private in (organization, demo_username(live_site, "employee"), "@", "积极分子"):
            assert private not in text, private
        # Nothing to print or download for a visitor: the holder-only page stays closed.
        response = visitor.goto(live_site + verify_path + "print/")
        assert "/accounts/login/" in visitor.url or (response and response.status == 404)
    finally:
        public.close()
    assert blocked == []  # nothing on these pages fell foul of the Content-Security-Policy


def test_editor_fails_an_exam(live_site, page):
    """The secretary finishes 支部书记履职基础 and fails its exam: a score, no answers shown."""
    demo_login(page, live_site, "editor")
    blocked = watch_csp(page)
    page.goto(live_site + "/training/my/")
    page.locator("table.data-table tbody tr", has_text="支部书记履职基础").get_by_role(
        "link", name="支部书记履职基础"
    ).click()
    page.wait_for_load_state()
    course_url = page.url
    badges = lesson_badges(page, course_url)
    assert list(badges.values()) == [True, False]
    page.locator("ol.lesson-list a").nth(1).click()
    page.wait_for_load_state()
    page.locator(".learning-panel form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".learning-panel .notice")).to_be_visible()  # read

    page.goto(course_url)
    page.locator(".exam-box form button[type=submit]").click()
    page.wait_for_load_state()
    attempt_url = page.url
    assert re.search(r"/training/attempts/\d+/$", attempt_url)

    # Handing in with nothing ticked is refused and points at the questions left.
    page.locator("form.exam-paper button[type=submit]").click()
    page.wait_for_load_state()
    missing = page.locator("li.question.field--error")
    expect(missing).to_have_count(page.locator("li.question").count())
    screenshot(page, "training-exam-missing")
    assert axe_violations(page) == []

    answer_paper(page, SECRETARY, right=False)
    page.locator("form.exam-paper button[type=submit]").click()
    page.wait_for_load_state()
    check_page(page, attempt_url, "training-exam-failed")
    expect(page.locator(".exam-result--failed")).to_be_visible()
    expect(page.locator(".exam-result__score")).to_contain_text("0")
    # Nor does Wagtail's own checker (shown to editors like this one) flag anything on it.
    expect(page.locator("wagtail-inline-userbar")).to_have_count(0)
    expect(page.locator(".question--right")).to_have_count(0)
    # Attempts remain, so the right answers and explanations stay hidden.
    expect(page.locator(".question__explanation")).to_have_count(0)
    expect(page.locator(".choice--correct")).to_have_count(0)
    expect(page.locator(".exam-result a[href]")).to_have_count(1)  # back to the course

    page.goto(course_url)
    expect(page.locator(".attempt-list li")).to_have_count(1)
    expect(page.locator(".exam-box form button[type=submit]")).to_have_count(1)  # may retry
    assert blocked == []


def test_revoked_certificate_check_page(live_site, page):
    """A certificate the demo revoked: its public page says so, with the reason."""
    database = live_site.var_dir.parent / "site.sqlite3"
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        code, name, course, reason = db.execute(
            "SELECT code, learner_name, course_title, revoke_reason FROM training_certificate"
            " WHERE revoked_at IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
    assert reason
    check_page(page, f"{live_site}/training/certificates/{code}/", "training-certificate-revoked")
    verdict = page.locator(".verdict--revoked")
    expect(verdict).to_be_visible()
    expect(verdict.locator(".badge--red")).to_have_text(re.compile("已撤销|Revoked"))
    expect(page.locator(".verdict--valid")).to_have_count(0)
    expect(page.locator(".certificate-check")).to_contain_text(reason)
    expect(page.locator("dl.facts dd").nth(0)).to_have_text(name)
    expect(page.locator("dl.facts dd").nth(1)).to_have_text(course)


def test_my_learning_fits_a_320_px_phone(live_site, phone):
    """我的学习 on the smallest phone: no sideways scroll, the courses as labelled cards."""
    phone.set_viewport_size({"width": 320, "height": 740})
    demo_login(phone, live_site, "editor")
    check_page(phone, live_site + "/training/my/", "training-my-320")
    assert not has_horizontal_scroll(phone)
    toolbar = phone.locator(".toolbar")
    assert toolbar.evaluate("bar => bar.scrollWidth <= bar.clientWidth")
    row = phone.locator("table.data-table tbody tr", has_text="支部书记履职基础")
    row_width = row.bounding_box()["width"]
    for cell in row.locator("th, td").all():
        assert cell.bounding_box()["width"] > row_width * 0.8  # stacked, not squeezed
    labels = row.locator("td[data-label]").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert labels == ['"进度"', '"考试"', '"状态"']
