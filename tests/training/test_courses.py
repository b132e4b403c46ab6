"""Courses and lessons: required first, ordered lessons, on the home page and in search."""

import pytest

from training.models import CourseAudience, CourseIndexPage, CoursePage, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(home_page):
    index = CourseIndexPage(title="学习培训", slug="training")
    home_page.add_child(instance=index)
    elective = CoursePage(title="企业合规经营", slug="he-gui", required=False, hours=2)
    index.add_child(instance=elective)
    required = CoursePage(
        title="党风廉政建设知识",
        slug="lian-zheng",
        required=True,
        hours=4,
        audience=CourseAudience.ALL,
        summary="必修的廉洁课程。",
    )
    index.add_child(instance=required)
    lessons = []
    for number, title in enumerate(["廉洁自律准则解读", "纪律处分条例要点", "常见廉洁风险"]):
        lesson = LessonPage(
            title=title,
            slug=f"lesson-{number}",
            minutes=20,
            body=[("paragraph", f"<p>{title}的内容。</p>"), ("note", "重点：守住底线。")],
        )
        required.add_child(instance=lesson)
        lessons.append(lesson)
    return {"index": index, "required": required, "elective": elective, "lessons": lessons}


def test_required_courses_come_first(client, courses):
    response = client.get("/training/")
    assert [c.title for c in response.context["courses"]] == ["党风廉政建设知识", "企业合规经营"]
    html = response.content.decode()
    assert "必修" in html and "选修" in html and "4.0 学时" in html


def test_course_lists_its_lessons_in_order(client, courses):
    html = client.get(courses["required"].url).content.decode()
    positions = [html.index(lesson.title) for lesson in courses["lessons"]]
    assert positions == sorted(positions)
    assert "共 3 课" in html


def test_lesson_links_to_its_neighbours(client, courses):
    middle = courses["lessons"][1]
    response = client.get(middle.url)
    html = response.content.decode()
    assert "第 2 课，共 3 课" in html
    assert courses["lessons"][0].url in html and courses["lessons"][2].url in html
    assert "重点：守住底线。" in html


def test_home_page_lists_courses(client, courses):
    html = client.get("/").content.decode()
    assert "党风廉政建设知识" in html and "暂无开放的课程" not in html


def test_courses_and_lessons_are_searchable(client, courses):
    response = client.get("/search/", {"q": "自律准则"})
    assert {r["page"].pk for r in response.context["results"]} == {courses["lessons"][0].pk}
    response = client.get("/search/", {"q": "廉政建设", "type": "coursepage"})
    assert [r["page"].pk for r in response.context["results"]] == [courses["required"].pk]
