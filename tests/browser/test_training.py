"""Courses in a real browser: the list, a course and a lesson with its video."""

from tests.browser.conftest import check_page, has_horizontal_scroll


def test_course_list_course_and_video_lesson(live_site, page, phone):
    check_page(page, live_site + "/training/", "training")
    assert page.locator(".course-card").first.locator(".badge", has_text="必修").is_visible()
    page.locator(".course-card a").first.click()
    page.wait_for_load_state()
    check_page(page, page.url, "course")
    page.get_by_role("link", name="警示教育：一念之差").click()
    page.wait_for_load_state()
    check_page(page, page.url, "lesson-video")
    assert page.locator("video").evaluate("v => v.controls")
    check_page(phone, page.url, "lesson-video-phone")
    assert not has_horizontal_scroll(phone)
