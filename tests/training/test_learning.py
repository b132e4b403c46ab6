"""Learners: automatic and self enrolment, lessons read or watched, completion."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

import training.progress
from disclosure.models import Membership, Role
from tests.training.conftest import VIDEO_SECONDS, lessons_of
from training.models import CoursePage, Enrolment, Learner, LessonProgress, Track
from training.progress import record_watching

pytestmark = pytest.mark.django_db


def enrolment_of(user, course):
    return Enrolment.objects.get(learner__user=user, course=course)


# ---- who is a learner, and what they are enrolled in ---------------------------------------


def test_a_new_member_becomes_a_learner_with_the_required_courses_of_their_track(
    course, make_member
):
    secretary = make_member("shuji", role=Role.EDITOR)
    employee = make_member("zhigong", role=Role.EMPLOYEE)
    assert Learner.objects.get(user=secretary).track == Track.SECRETARY
    assert Learner.objects.get(user=employee).track == Track.OTHER
    # The integrity course is for secretaries and activists.
    due = enrolment_of(secretary, course).due_on
    assert due == timezone.localdate() + timedelta(days=course.due_days)
    assert not Enrolment.objects.filter(learner__user=employee).exists()


def test_becoming_an_activist_enrols_in_the_required_course(course, make_member):
    user = make_member("zhigong", role=Role.EMPLOYEE)
    learner = Learner.objects.get(user=user)
    learner.track = Track.ACTIVIST
    learner.save()
    assert enrolment_of(user, course).source == "required"


def test_publishing_a_new_required_course_enrols_its_audience(course, activist):
    new = CoursePage(title="新必修课", slug="xin", required=True, audience="activists")
    course.get_parent().add_child(instance=new)
    assert not Enrolment.objects.filter(course=new).exists()  # drafts enrol nobody
    new.save_revision().publish()
    assert enrolment_of(activist, new).due_on is not None


def test_anyone_may_read_a_course_but_only_members_enrol(client, course, django_user_model):
    response = client.get(course.url)
    assert response.status_code == 200
    assert "/accounts/login/" in response.content.decode()
    response = client.post(f"/training/courses/{course.pk}/enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    outsider = django_user_model.objects.create_user("outsider", password="unused")
    client.force_login(outsider)
    assert client.post(f"/training/courses/{course.pk}/enrol/").status_code == 403
    assert not Learner.objects.filter(user=outsider).exists()


def test_a_member_enrols_in_an_elective_once(client, course, make_member):
    elective = CoursePage(title="企业合规经营", slug="he-gui", required=False)
    course.get_parent().add_child(instance=elective)
    elective.save_revision().publish()
    user = make_member("dangyuan")
    client.force_login(user)
    for _twice in range(2):
        response = client.post(f"/training/courses/{elective.pk}/enrol/")
        assert response.status_code == 302
    enrolment = enrolment_of(user, elective)
    assert enrolment.source == "self" and enrolment.due_on is None
    html = client.get(elective.url).content.decode()
    assert "0/0" not in html


def test_enrolling_in_a_restricted_or_unknown_course_is_404(client, course, make_member):
    client.force_login(make_member("dangyuan"))
    assert client.post("/training/courses/999999/enrol/").status_code == 404
    course.unpublish()
    assert client.post(f"/training/courses/{course.pk}/enrol/").status_code == 404


def test_enrol_is_post_only(client, course, activist):
    client.force_login(activist)
    assert client.get(f"/training/courses/{course.pk}/enrol/").status_code == 405


# ---- text lessons --------------------------------------------------------------------------


def test_marking_a_text_lesson_read(client, course, activist):
    client.force_login(activist)
    first, second, video = lessons_of(course)
    html = client.get(first.url).content.decode()
    assert f"/training/lessons/{first.pk}/read/" in html
    response = client.post(f"/training/lessons/{first.pk}/read/", {"next": second.url})
    assert response.status_code == 302 and response["Location"] == second.url
    progress = LessonProgress.objects.get(enrolment__learner__user=activist, lesson=first)
    assert progress.is_done
    response = client.get(course.url)
    assert response.context["state"]["done_count"] == 1
    assert response.context["state"]["percent"] == 33


def test_read_refuses_outside_redirects_and_video_lessons(client, course, activist):
    client.force_login(activist)
    first, _second, video = lessons_of(course)
    response = client.post(f"/training/lessons/{first.pk}/read/", {"next": "https://evil.example/"})
    assert response["Location"] == first.url
    response = client.post(f"/training/lessons/{video.pk}/read/")
    assert response.status_code == 302
    assert not LessonProgress.objects.filter(lesson=video, completed_at__isnull=False).exists()


def test_reading_without_enrolment_is_refused(client, course, make_member):
    user = make_member("zhigong", role=Role.EMPLOYEE)  # not in the course's audience
    client.force_login(user)
    lesson = lessons_of(course)[0]
    assert client.post(f"/training/lessons/{lesson.pk}/read/").status_code == 403
    assert "/training/lessons/" not in client.get(lesson.url).content.decode()


# ---- video lessons -------------------------------------------------------------------------


def post_progress(client, lesson, film, ranges, duration=None, **extra):
    body = {"videos": {str(film.pk): {"ranges": ranges, "duration": duration or VIDEO_SECONDS}}}
    return client.post(
        f"/training/lessons/{lesson.pk}/progress/",
        data=json.dumps(body),
        content_type="application/json",
        **extra,
    )


def age_progress(enrolment, lesson, seconds):
    """Let ``seconds`` pass: the first and the last report move that far into the past."""
    progress = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).first()
    if progress is None:
        return
    progress.started_at -= timedelta(seconds=seconds)
    progress.reported_at = (progress.reported_at or timezone.now()) - timedelta(seconds=seconds)
    progress.save(update_fields=["started_at", "reported_at"])


def test_seeking_to_the_end_does_not_finish_a_video(client, course, activist, film):
    client.force_login(activist)
    video = lessons_of(course)[2]
    response = post_progress(client, video, film, [[0, VIDEO_SECONDS]])
    assert response.status_code == 200
    # A whole video reported at once counts only as much as could have played since.
    assert response.json() == {"watched": 15, "done": False}


def test_watching_ninety_percent_finishes_a_video_lesson(client, course, activist, film):
    client.force_login(activist)
    video = lessons_of(course)[2]
    enrolment = enrolment_of(activist, course)
    assert post_progress(client, video, film, [[0, 10]]).json()["done"] is False
    for start in range(10, 90, 20):
        age_progress(enrolment, video, 20)
        result = post_progress(client, video, film, [[start, start + 20]]).json()
    assert result == {"watched": 90, "done": True}
    html = client.get(video.url).content.decode()
    assert 'id="watch-status"' in html


def test_watching_the_same_stretch_twice_counts_once(client, course, activist, film):
    client.force_login(activist)
    video = lessons_of(course)[2]
    enrolment = enrolment_of(activist, course)
    for _repeat in range(5):
        age_progress(enrolment, video, 60)
        result = post_progress(client, video, film, [[0, 10]]).json()
    assert result["watched"] == 10


def test_a_reported_duration_cannot_shorten_a_known_video(course, activist, film):
    video = lessons_of(course)[2]
    enrolment = enrolment_of(activist, course)
    progress = LessonProgress.objects.create(
        enrolment=enrolment, lesson=video, started_at=timezone.now() - timedelta(hours=1)
    )
    progress = record_watching(progress, video, {str(film.pk): {"ranges": [[0, 5]], "duration": 5}})
    assert progress.durations[str(film.pk)] == VIDEO_SECONDS and not progress.is_done


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"videos": []}),
        json.dumps({"videos": {"999": {"ranges": [[0, 1]]}}}),
        json.dumps({"videos": {"FILM": {"ranges": [[0, "x"]]}}}),
        json.dumps({"videos": {"FILM": {"ranges": [[0, 1, 2]]}}}),
        json.dumps({"videos": {"FILM": "all of it"}}),
        json.dumps({"nothing": 1}),
    ],
)
def test_malformed_progress_reports_are_400_and_change_nothing(
    client, course, activist, film, body
):
    client.force_login(activist)
    video = lessons_of(course)[2]
    response = client.post(
        f"/training/lessons/{video.pk}/progress/",
        data=body.replace("FILM", str(film.pk)),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not LessonProgress.objects.filter(lesson=video, watched__has_key=str(film.pk)).exists()


def test_progress_reports_need_a_login_an_enrolment_and_a_small_body(
    client, course, make_member, activist, film
):
    video = lessons_of(course)[2]
    assert post_progress(client, video, film, [[0, 1]]).status_code == 403
    client.force_login(make_member("zhigong", role=Role.EMPLOYEE))
    assert post_progress(client, video, film, [[0, 1]]).status_code == 403
    client.force_login(activist)
    huge = [[i, i + 0.5] for i in range(2000)]
    assert post_progress(client, video, film, huge).status_code == 413


def test_a_beacon_report_is_read_from_the_form(client, course, activist, film):
    client.force_login(activist)
    video = lessons_of(course)[2]
    payload = json.dumps({"videos": {str(film.pk): {"ranges": [[0, 8]], "duration": 100}}})
    response = client.post(f"/training/lessons/{video.pk}/progress/", {"payload": payload})
    assert response.json()["watched"] == 8


# ---- completion ----------------------------------------------------------------------------


def test_lessons_alone_do_not_complete_a_course_with_an_exam(client, course, activist, film):
    client.force_login(activist)
    first, second, video = lessons_of(course)
    for lesson in (first, second):
        client.post(f"/training/lessons/{lesson.pk}/read/")
    enrolment = enrolment_of(activist, course)
    LessonProgress.objects.create(enrolment=enrolment, lesson=video, completed_at=timezone.now())
    response = client.get(course.url)
    assert response.context["state"]["lessons_done"] is True
    assert response.context["exam"] == "open"
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_a_course_without_exam_completes_with_its_last_lesson(client, course, make_member):
    plain = CoursePage(title="入党积极分子培养", slug="pei-yang", required=False, hours=2)
    course.get_parent().add_child(instance=plain)
    plain.save_revision().publish()
    from training.models import LessonPage

    lesson = LessonPage(title="发展党员的程序", slug="cheng-xu", body=[])
    plain.add_child(instance=lesson)
    lesson.save_revision().publish()
    user = make_member("dangyuan", name="陈党员")
    client.force_login(user)
    client.post(f"/training/courses/{plain.pk}/enrol/")
    client.post(f"/training/lessons/{lesson.pk}/read/")
    enrolment = enrolment_of(user, plain)
    assert enrolment.completed_at is not None and enrolment.hours_awarded == 2
    certificate = enrolment.certificate
    assert certificate.learner_name == "陈党员" and certificate.hours == 2
    assert certificate.revision == CoursePage.objects.get(pk=plain.pk).live_revision


def test_a_membership_in_a_second_organisation_keeps_the_first(course, make_member, other_org):
    user = make_member("shuji", role=Role.EDITOR)
    Membership.objects.create(user=user, organization=other_org, role=Role.EMPLOYEE)
    assert Learner.objects.get(user=user).organization.slug == "jia"


def test_a_burst_of_small_reports_counts_no_more_than_the_time_spent(
    client, course, activist, film, monkeypatch
):
    # The burst takes no time on the server's clock, however slow this machine is today.
    frozen = timezone.now()
    monkeypatch.setattr(training.progress, "timezone", SimpleNamespace(now=lambda: frozen))
    client.force_login(activist)
    video = lessons_of(course)[2]
    results = [
        post_progress(client, video, film, [[start, start + 15]]).json()
        for start in range(0, 100, 15)
    ]
    assert results[-1]["done"] is False and results[-1]["watched"] <= 16


@pytest.mark.parametrize(
    "body",
    [
        '{"videos": {"FILM": {"ranges": [[0, 1' + "0" * 400 + "]]}}}",
        '{"videos": {"FILM": {"ranges": [[0, NaN]]}}}',
        '{"videos": {"FILM": {"ranges": [[0, Infinity]]}}}',
        "[" * 5000,
    ],
)
def test_hostile_numbers_and_nesting_are_400(client, course, activist, film, body):
    client.force_login(activist)
    video = lessons_of(course)[2]
    response = client.post(
        f"/training/lessons/{video.pk}/progress/",
        data=body.replace("FILM", str(film.pk)),
        content_type="application/json",
    )
    assert response.status_code == 400


def test_a_video_without_a_known_length_cannot_be_published_in_a_lesson(course, film):
    from django.core.exceptions import ValidationError

    from training.models import LessonPage

    film.duration = 0
    film.save()
    lesson = LessonPage(title="新视频课", slug="xin", body=[("video", film)])
    with pytest.raises(ValidationError):
        course.add_child(instance=lesson)


def test_a_learner_follows_their_memberships(course, make_member, other_org):
    user = make_member("zhigong", role=Role.EMPLOYEE)
    learner = Learner.objects.get(user=user)
    moved = Membership.objects.create(user=user, organization=other_org, role=Role.EDITOR)
    learner.refresh_from_db()
    assert learner.track == Track.SECRETARY
    assert enrolment_of(user, course).source == "required"  # the secretaries' required course
    for membership in Membership.objects.filter(user=user).exclude(pk=moved.pk):
        membership.delete()  # left 甲: filed under 乙 from now on
    learner.refresh_from_db()
    assert learner.organization_id == other_org.pk and learner.active
    moved.delete()
    learner.refresh_from_db()
    assert learner.active is False


def test_a_learner_without_membership_cannot_go_on(client, course, make_member):
    user = make_member("dangyuan", role=Role.EDITOR)
    Membership.objects.filter(user=user).delete()
    client.force_login(user)
    lesson = lessons_of(course)[0]
    assert client.post(f"/training/lessons/{lesson.pk}/read/").status_code == 403
    assert client.get("/training/my/").context["learner"] is None


def test_a_course_restricted_to_a_group_is_not_assigned_to_everyone(course, make_member):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    user = make_member("shuji", role=Role.EDITOR)
    assert not Enrolment.objects.filter(learner__user=user, course=course).exists()
