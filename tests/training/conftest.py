"""A course to learn: two text lessons, one video lesson and a six-question exam."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtailmedia.models import get_media_model

from disclosure.models import Membership, Role
from tests.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from training.models import (
    Choice,
    CourseAudience,
    CoursePage,
    Learner,
    Question,
    QuestionKind,
    Track,
)

VIDEO_SECONDS = 100


@pytest.fixture
def film(db):
    Media = get_media_model()
    return Media.objects.create(
        title="警示教育片",
        type="video",
        duration=VIDEO_SECONDS,
        file=SimpleUploadedFile("film.mp4", b"\x00" * 64, content_type="video/mp4"),
    )


def add_question(course, kind, text, choices, explanation=""):
    question = Question(course=course, kind=kind, text=text, explanation=explanation)
    question.choices = [
        Choice(text=label, correct=right, sort_order=i) for i, (label, right) in enumerate(choices)
    ]
    question.save()
    return question


@pytest.fixture
def course(home_page, film):
    index = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(
        parent=index,
        title="党风廉政建设知识",
        slug="lian-zheng",
        required=True,
        hours=4,
        audience=CourseAudience.SECRETARIES_AND_ACTIVISTS,
        pass_mark=80,
        questions_per_attempt=5,
        attempts_allowed=2,
    )
    for number, title in enumerate(["廉洁自律准则解读", "纪律处分条例要点"]):
        lesson = LessonPageFactory(parent=course, title=title, slug=f"lesson-{number}")
        lesson.save_revision().publish()
    video = LessonPageFactory(
        parent=course,
        title="警示教育：一念之差",
        slug="video",
        body=[("paragraph", "<p>观看警示教育片。</p>"), ("video", film)],
    )
    video.save_revision().publish()
    for number in range(4):
        add_question(
            course,
            QuestionKind.SINGLE,
            f"单选题{number}",
            [(f"对{number}", True), (f"错{number}甲", False), (f"错{number}乙", False)],
            explanation=f"解析{number}",
        )
    add_question(
        course,
        QuestionKind.MULTIPLE,
        "多选题",
        [("甲", True), ("乙", True), ("丙", False)],
        explanation="甲和乙都对。",
    )
    add_question(course, QuestionKind.TRUE_FALSE, "判断题", [("正确", True), ("错误", False)])
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def lessons_of(course):
    return list(course.lessons())


@pytest.fixture
def make_member(org, django_user_model):
    """A user with a membership of ``org`` (a learner from then on), on the given track."""

    def make(username, role=Role.PARTY_MEMBER, track=None, organization=None, name=""):
        user = django_user_model.objects.create_user(username, password="unused", first_name=name)
        Membership.objects.create(user=user, organization=organization or org, role=role)
        learner = Learner.objects.get(user=user)
        if track is not None and learner.track != track:
            learner.track = track
            learner.save()
        return user

    return make


@pytest.fixture
def activist(make_member):
    return make_member("jiji", role=Role.EMPLOYEE, track=Track.ACTIVIST, name="张积极")
