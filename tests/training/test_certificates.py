"""Certificates: public check page, printable A4 with QR, revocation, My learning."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.html import strip_tags

from tests.training.conftest import lessons_of
from training.models import Certificate, Enrolment, LessonProgress, TrainingSettings, new_code
from training.progress import check_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(course, activist):
    """The activist completed the course (lessons done, exam passed)."""
    from training.exams import grade, start_attempt

    enrolment = Enrolment.objects.get(learner__user=activist, course=course)
    for lesson in lessons_of(course):
        LessonProgress.objects.create(
            enrolment=enrolment, lesson=lesson, completed_at=timezone.now()
        )
    attempt = start_attempt(enrolment, course)
    answers = {
        item["question"]: sorted(
            course.questions.get(pk=item["question"])
            .choices.filter(correct=True)
            .values_list("pk", flat=True)
        )
        for item in attempt.paper
    }
    grade(attempt, answers, course)
    check_completion(enrolment)
    return Certificate.objects.get(enrolment=enrolment)


def test_the_public_check_page_says_valid_and_shows_only_four_facts(client, certificate):
    response = client.get(f"/training/certificates/{certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "有效" in html
    for fact in ["张积极", "党风廉政建设知识", "4.0"]:
        assert fact in html
    assert timezone.localdate().strftime("%Y年") in html
    # Not the account, organisation or scores.
    assert "jiji" not in html and "南湖甲科技有限公司" not in html and "100" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_revoked_certificate_says_so_with_the_reason(client, certificate):
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = "考试由他人代答。"
    certificate.save()
    html = client.get(f"/training/certificates/{certificate.code}/").content.decode()
    assert "已撤销" in html and "考试由他人代答。" in html and "有效</span>" not in html


def test_unknown_codes_are_404_and_typed_codes_are_forgiven(client, certificate):
    assert client.get(f"/training/certificates/{new_code()}/").status_code == 404
    assert client.get("/training/certificates/%3Cscript%3E/").status_code == 404
    typed = certificate.display_code.lower()
    response = client.get(f"/training/certificates/{typed}/")
    assert response.status_code == 302
    assert response["Location"] == f"/training/certificates/{certificate.code}/"
    response = client.get("/training/certificates/", {"code": f" {typed} "})
    assert response["Location"] == f"/training/certificates/{certificate.code}/"
    response = client.get("/training/certificates/", {"code": "nonsense"})
    assert response.status_code == 404 and "field--error" in response.content.decode()


def test_codes_are_unguessable(certificate):
    codes = {new_code() for _many in range(500)}
    assert len(codes) == 500 and all(len(code) == 20 for code in codes)


def test_the_printable_certificate_is_for_its_holder_with_a_qr_code(
    client, certificate, activist, make_member
):
    url = f"/training/certificates/{certificate.code}/print/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_member("qita"))
    assert client.get(url).status_code == 404
    client.force_login(activist)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and f"http://localhost/training/certificates/{certificate.code}/" in html
    assert certificate.display_code in html and "张积极" in html


def test_moderators_may_open_any_printable_certificate(client, certificate, django_user_model):
    moderator = django_user_model.objects.create_user("gongwei", password="unused")
    moderator.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(moderator)
    assert client.get(f"/training/certificates/{certificate.code}/print/").status_code == 200


def test_my_learning_needs_a_login(client, course):
    response = client.get("/training/my/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_learning_shows_courses_hours_and_certificates(client, certificate, activist, site):
    settings = TrainingSettings.for_site(site)
    settings.learner_hours = 8
    settings.save()
    client.force_login(activist)
    response = client.get("/training/my/")
    html = response.content.decode()
    assert response.context["hours"] == 4 and response.context["required_hours"] == 8
    assert response.context["hours_percent"] == 50
    assert "党风廉政建设知识" in html
    assert f"/training/certificates/{certificate.code}/print/" in html
    # Dates as Chinese readers write them (2026年11月27日), never 2026-11-27.
    completed = timezone.localtime(certificate.enrolment.completed_at)
    assert f"{completed.year}年{completed.month}月{completed.day}日" in html
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", strip_tags(html))


def test_my_learning_for_an_account_without_membership(client, course, django_user_model):
    client.force_login(django_user_model.objects.create_user("outsider", password="unused"))
    response = client.get("/training/my/")
    assert response.status_code == 200 and response.context["learner"] is None


def test_hours_of_earlier_years_do_not_count(client, certificate, activist):
    Enrolment.objects.filter(learner__user=activist).update(
        completed_at=timezone.now().replace(year=timezone.now().year - 1)
    )
    client.force_login(activist)
    assert client.get("/training/my/").context["hours"] == 0


# ---- admin -----------------------------------------------------------------------------------


def test_revoking_in_the_admin_needs_a_reason(admin_client, certificate):
    url = f"/admin/snippets/training/certificate/edit/{certificate.pk}/"
    response = admin_client.post(url, {"revoke_reason": ""})
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    admin_client.post(url, {"revoke_reason": "经核查，考试由他人代答。"})
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoke_reason == "经核查，考试由他人代答。"
    assert certificate.revoked_by.username == "boss"


def test_certificates_cannot_be_added_or_deleted_in_the_admin(admin_client, certificate):
    assert admin_client.get("/admin/snippets/training/certificate/add/").status_code in (302, 403)
    url = f"/admin/snippets/training/certificate/delete/{certificate.pk}/"
    admin_client.post(url)
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def question_form(course, kind, choices):
    data = {
        "course": course.pk,
        "kind": kind,
        "text": "新题目",
        "explanation": "",
        "active": "on",
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": 0,
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for i, (text, correct) in enumerate(choices):
        data[f"choices-{i}-text"] = text
        data[f"choices-{i}-ORDER"] = i + 1
        data[f"choices-{i}-id"] = ""
        if correct:
            data[f"choices-{i}-correct"] = "on"
    return data


@pytest.mark.parametrize(
    ("kind", "choices", "saved"),
    [
        ("single", [("甲", True), ("乙", False)], True),
        ("single", [("甲", True), ("乙", True)], False),
        ("single", [("甲", False), ("乙", False)], False),
        ("multiple", [("甲", True), ("乙", True), ("丙", False)], True),
        ("multiple", [("甲", False), ("乙", False)], False),
        ("true_false", [("正确", True), ("错误", False), ("不知道", False)], False),
        ("single", [("甲", True)], False),
        ("single", [("甲", True), ("甲", False)], False),
    ],
)
def test_the_question_bank_checks_the_right_answers(admin_client, course, kind, choices, saved):
    before = course.questions.count()
    response = admin_client.post(
        "/admin/snippets/training/question/add/", question_form(course, kind, choices)
    )
    assert (course.questions.count() == before + 1) is saved
    if not saved:
        assert response.status_code == 200


def test_my_learning_costs_the_same_queries_for_one_course_or_several(
    client, course, activist, django_user_model
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from training.models import CoursePage, LessonPage
    from training.progress import enrol, learner_for

    client.force_login(activist)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/training/my/").status_code == 200
        return len(queries.captured_queries)

    count()  # the first request creates the training settings row
    one = count()
    for number in range(3):
        extra = CoursePage(title=f"选修课{number}", slug=f"xuan-xiu-{number}")
        course.get_parent().add_child(instance=extra)
        extra.save_revision().publish()
        lesson = LessonPage(title="第一课", slug="di-yi-ke", body=[])
        extra.add_child(instance=lesson)
        lesson.save_revision().publish()
        enrol(learner_for(activist), extra)
    count()  # publishing emptied the cached page chrome
    assert count() == one


def test_moderators_keep_the_question_bank_learners_certificates_and_settings(
    client, certificate, django_user_model
):
    from disclosure.access import moderators_group

    moderator = django_user_model.objects.create_user("gongwei", password="unused")
    moderator.groups.add(moderators_group())
    client.force_login(moderator)
    for url in [
        "/admin/snippets/training/question/",
        "/admin/snippets/training/learner/",
        f"/admin/snippets/training/certificate/edit/{certificate.pk}/",
        "/admin/training/reports/",
    ]:
        assert client.get(url).status_code == 200, url
    response = client.get("/admin/settings/training/trainingsettings/", follow=True)
    assert response.status_code == 200 and "56" in response.content.decode()


def test_revoking_takes_the_hours_back(admin_client, client, certificate, activist):
    admin_client.post(
        f"/admin/snippets/training/certificate/edit/{certificate.pk}/",
        {"revoke_reason": "经核查，考试由他人代答。"},
    )
    client.force_login(activist)
    assert client.get("/training/my/").context["hours"] == 0
    from training.reports import report_rows

    rows = report_rows([certificate.learner.organization])
    assert [(row.completed, row.hours) for row in rows] == [(0, 0)]


def test_deleting_a_holders_account_keeps_the_certificate_checkable(
    admin_client, client, certificate, activist
):
    response = admin_client.post(f"/admin/users/delete/{activist.pk}/")
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.learner is None
    html = client.get(f"/training/certificates/{certificate.code}/").content.decode()
    assert "张积极" in html and "有效" in html


def test_a_revocation_is_in_the_audit_log_with_its_reason(admin_client, admin_user, certificate):
    from wagtail.models import ModelLogEntry

    url = f"/admin/snippets/training/certificate/edit/{certificate.pk}/"
    admin_client.post(url, {"revoke_reason": "经核查，考试由他人代答。"})
    entry = ModelLogEntry.objects.get(action="nanhu.certificate_revoke")
    assert entry.user == admin_user and entry.object_id == str(certificate.pk)
    assert entry.data["reason"] == "经核查，考试由他人代答。"
    history = admin_client.get(f"/admin/snippets/training/certificate/history/{certificate.pk}/")
    assert "经核查，考试由他人代答。" in history.content.decode()
