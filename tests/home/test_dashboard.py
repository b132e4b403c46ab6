"""Work queues on the admin dashboard (home.dashboard, each app's construct_homepage_panels
hook): the committee's and an editor's, each item one click from its action, an editor never
seeing another organisation's, and the page's queries not growing with the queues."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from integrity.models import PracticeReport, ReportStatus
from screens.models import Screen
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    IntegrityIndexPageFactory,
    MonthlyProgramPageFactory,
    OrganizationPageFactory,
)
from training.models import Enrolment, Learner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(moderators_group())
    return user


def editor_of(django_user_model, organization, name):
    user = django_user_model.objects.create_user(name, password="x")
    Membership.objects.create(user=user, organization=organization, role=Role.EDITOR)
    return user


@pytest.fixture
def editor(django_user_model, org):
    return editor_of(django_user_model, org, "editor_a")


@pytest.fixture
def other_editor(django_user_model, other_org):
    return editor_of(django_user_model, other_org, "editor_b")


@pytest.fixture
def programme(home_page):
    index = IntegrityIndexPageFactory(parent=home_page)
    page = MonthlyProgramPageFactory(parent=index, month=timezone.localdate().replace(day=1))
    page.save_revision().publish()
    return page


def submit(page, user, days_ago=0):
    """Send ``page`` to the committee's workflow, as if ``days_ago`` days ago."""
    page.save_revision(user=user)
    state = page.get_workflow().start(page, user)
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    state.current_task_state.__class__.objects.filter(pk=state.current_task_state_id).update(
        started_at=moment
    )
    return state


def send_back(state, moderator, comment):
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment=comment)


def panel(html, name):
    """The HTML of one work-queue panel, by its id."""
    match = re.search(rf'<section[^>]*id="{name}-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_moderator_sees_review_queue_oldest_first_with_waiting_days(
    client, moderator, editor, make_disclosure
):
    recent = make_disclosure(title="新近提交的事项", live=False)
    old = make_disclosure(title="早先提交的事项", live=False)
    submit(recent, editor, days_ago=1)
    submit(old, editor, days_ago=6)
    queue = panel(dashboard(client, moderator), "pages-awaiting-review")
    assert queue.index("早先提交的事项") < queue.index("新近提交的事项")
    assert re.search(r"\b6\b", queue) and reverse("wagtailadmin_pages:edit", args=[old.pk]) in queue


def test_moderator_sees_reports_screens_and_overdue_training(
    client, moderator, programme, org, other_org, home_page, django_user_model
):
    report = PracticeReport.objects.create(
        organization=org,
        program=programme,
        held_on=timezone.localdate(),
        attendance=9,
        summary="开展活动。",
        submitted_at=timezone.now() - datetime.timedelta(days=3),
    )
    Screen.objects.create(name="大厅屏", place="党群服务中心")
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home_page), title="必修课", required=True
    )
    course.save_revision().publish()
    learner_user = django_user_model.objects.create_user("learner", password="x")
    learner = Learner.objects.create(user=learner_user, organization=other_org)
    Enrolment.objects.update_or_create(
        learner=learner,
        course=course,
        defaults={"due_on": timezone.localdate() - datetime.timedelta(days=4)},
    )
    html = dashboard(client, moderator)
    reports = panel(html, "practice-reports-to-review")
    assert org.title in reports
    assert reverse("integrity_review_report", args=[report.pk]) in reports
    assert reverse("integrity_review") in reports
    screens = panel(html, "screens-offline")
    assert "大厅屏" in screens
    assert (
        reverse(Screen.snippet_viewset.get_url_name("edit"), args=[Screen.objects.get().pk])
        in screens
    )
    training = panel(html, "overdue-training")
    assert other_org.title in training and f"organization={other_org.pk}" in training
    assert re.search(r"\b4\b", training)


def test_editor_sees_drafts_returns_and_this_months_report(
    client, editor, other_editor, moderator, programme, org, other_org, make_disclosure
):
    own_draft = make_disclosure(title="甲公司草稿", live=False)
    own_draft.save_revision(user=editor)
    other_draft = make_disclosure(parent=other_org, title="乙商会草稿", live=False)
    other_draft.save_revision(user=other_editor)
    returned = make_disclosure(title="甲公司被退回的事项", live=False)
    send_back(submit(returned, editor), moderator, "请补充会议记录。")
    other_returned = make_disclosure(parent=other_org, title="乙商会被退回的事项", live=False)
    send_back(submit(other_returned, other_editor), moderator, "乙商会的意见")
    PracticeReport.objects.create(
        organization=other_org,
        program=programme,
        held_on=timezone.localdate(),
        attendance=9,
        summary="开展活动。",
        status=ReportStatus.RETURNED,
        reviewer_comment="乙商会的报告意见",
    )
    html = dashboard(client, editor)

    drafts = panel(html, "my-drafts")
    assert "甲公司草稿" in drafts
    assert reverse("wagtailadmin_pages:edit", args=[own_draft.pk]) in drafts
    assert "甲公司被退回的事项" not in drafts  # it is with the reviewers' comment instead

    returns = panel(html, "returned-for-changes")
    assert "甲公司被退回的事项" in returns and "请补充会议记录。" in returns
    assert reverse("wagtailadmin_pages:edit", args=[returned.pk]) in returns

    report = panel(html, "this-months-practice-report")
    assert org.title in report
    assert f"{reverse('integrity:report', args=[programme.pk])}?organization={org.slug}" in report
    assert programme.practice_end.strftime("%d").lstrip("0") in report  # the deadline

    # Privacy: nothing of the other organisation, nor the committee's queues.
    for text in ("乙商会", "乙商会的意见", "乙商会的报告意见", "大厅屏"):
        assert text not in html
    for name in ("pages-awaiting-review", "practice-reports-to-review", "screens-offline"):
        assert not panel(html, name)


def test_moderator_sees_every_organisations_returns(
    client, editor, other_editor, moderator, other_org, make_disclosure
):
    send_back(submit(make_disclosure(title="甲退回", live=False), editor), moderator, "甲意见")
    other = make_disclosure(parent=other_org, title="乙退回", live=False)
    send_back(submit(other, other_editor), moderator, "乙意见")
    returns = panel(dashboard(client, moderator), "returned-for-changes")
    assert "甲意见" in returns and "乙意见" in returns


def test_empty_queues_say_so(client, moderator):
    html = dashboard(client, moderator)
    assert panel(html, "pages-awaiting-review") and panel(html, "screens-offline")


def add_work(index_page, programme, editor, moderator, make_disclosure, number):
    """One more organisation with a page awaiting review, a returned page, a report to
    review and an offline screen."""
    organization = OrganizationPageFactory(
        parent=index_page, title=f"南湖第{number}公司", slug=f"org-{number}"
    )
    Membership.objects.create(user=editor, organization=organization, role=Role.EDITOR)
    submit(make_disclosure(parent=organization, title=f"待审{number}", live=False), editor)
    returned = make_disclosure(parent=organization, title=f"退回{number}", live=False)
    send_back(submit(returned, editor), moderator, f"意见{number}")
    draft = make_disclosure(parent=organization, title=f"草稿{number}", live=False)
    draft.save_revision(user=editor)
    PracticeReport.objects.create(
        organization=organization,
        program=programme,
        held_on=timezone.localdate(),
        attendance=5,
        summary="开展活动。",
    )
    Screen.objects.create(name=f"屏{number}", place="大厅")


def dashboard_queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries.captured_queries)


def test_dashboard_queries_do_not_grow_with_the_queues(
    client, index_page, programme, editor, moderator, make_disclosure
):
    for number in range(2):
        add_work(index_page, programme, editor, moderator, make_disclosure, number)
    few = {user: dashboard_queries(client, user) for user in (moderator, editor)}
    for number in range(2, 14):  # past the ten rows a queue shows
        add_work(index_page, programme, editor, moderator, make_disclosure, number)
    many = {user: dashboard_queries(client, user) for user in (moderator, editor)}
    html = dashboard(client, moderator)
    assert "待审13" in html or "待审0" in html
    assert many[moderator] <= few[moderator], (few, many)
    assert many[editor] <= few[editor], (few, many)
