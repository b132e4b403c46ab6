"""Reviewing practice reports in the admin: the queue, one report's screen, bulk approval; and
the date a report may carry (never a day that has not come)."""

import datetime
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from integrity.models import (
    REPORT_APPROVED_ACTION,
    REPORT_RETURNED_ACTION,
    PracticeReport,
    ReportPhoto,
    ReportStatus,
)
from tests.factories import (
    IntegrityIndexPageFactory,
    MonthlyProgramPageFactory,
    OrganizationPageFactory,
    make_image,
)

pytestmark = pytest.mark.django_db

QUEUE = "/admin/practice-reports/review/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def programme(home_page):
    index = IntegrityIndexPageFactory(parent=home_page)
    page = MonthlyProgramPageFactory(parent=index, month=timezone.localdate().replace(day=1))
    page.save_revision().publish()
    return page


@pytest.fixture
def third_org(index_page):
    return OrganizationPageFactory(parent=index_page, title="南湖丙物流有限公司", slug="bing")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def editor(django_user_model, org):
    user = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    return user


def make_report(programme, organization, days_ago=0, status=ReportStatus.SUBMITTED, **fields):
    values = {
        "held_on": timezone.localdate(),
        "held_on_note": "",
        "attendance": 12,
        "summary": f"{organization.title}开展廉洁风险自查。",
        "status": status,
        "submitted_at": timezone.now() - datetime.timedelta(days=days_ago),
    }
    values.update(fields)
    return PracticeReport.objects.create(organization=organization, program=programme, **values)


def report_url(report_or_id):
    return f"{QUEUE}{getattr(report_or_id, 'pk', report_or_id)}/"


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_queue_lists_reports_awaiting_review_oldest_first(
    client, programme, org, other_org, third_org, moderator
):
    make_report(programme, org, days_ago=2)
    make_report(programme, other_org, days_ago=5)
    make_report(programme, third_org, days_ago=9, status=ReportStatus.APPROVED)
    client.force_login(moderator)
    response = client.get(QUEUE)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(other_org.title) < html.index(org.title)
    assert third_org.title not in html  # already approved
    waiting = [(r.organization.title, r.waiting_days) for r in response.context["page"]]
    assert waiting == [(other_org.title, 5), (org.title, 2)]
    assert report_url(PracticeReport.objects.get(organization=org)) in html


def test_report_screen_shows_photos_names_summary_and_window(client, programme, org, moderator):
    report = make_report(
        programme,
        org,
        attendee_names="张三、李四\n王五",
        summary="组织党员参观廉政教育基地。",
    )
    for number in (1, 2):
        image = make_image(f"现场{number}", collection=org.access.collection)
        ReportPhoto.objects.create(report=report, image=image)
    client.force_login(moderator)
    html = client.get(report_url(report)).content.decode()
    for text in ("张三", "李四", "王五", "组织党员参观廉政教育基地。", org.title):
        assert text in html
    assert programme.practice_end.strftime("%d").lstrip("0") in html  # the window's last day
    photos = re.findall(r'<a href="([^"]+)"[^>]*>\s*<img src="([^"]+)"', html)
    assert len(photos) == 2
    for full, thumbnail in photos:
        assert client.get(thumbnail).status_code == 200
        assert client.get(full).status_code == 200
    client.logout()
    assert client.get(photos[0][1]).status_code == 404  # the photos stay private


def test_moderator_approves_a_report(client, programme, org, moderator):
    report = make_report(programme, org, reviewer_comment="")
    client.force_login(moderator)
    response = client.post(report_url(report), {"action": "approve"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert any(org.title in text for text in message_texts(response))
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == (ReportStatus.APPROVED, moderator)
    assert ModelLogEntry.objects.filter(action=REPORT_APPROVED_ACTION, user=moderator).exists()
    # Approved: it leaves the queue, and a second approval changes nothing.
    assert report_url(report) not in client.get(QUEUE).content.decode()
    client.post(report_url(report), {"action": "approve"})
    assert ModelLogEntry.objects.filter(action=REPORT_APPROVED_ACTION).count() == 1


@pytest.mark.parametrize("comment", ["", "   "])
def test_returning_without_a_comment_is_refused(client, programme, org, moderator, comment):
    report = make_report(programme, org)
    client.force_login(moderator)
    response = client.post(report_url(report), {"action": "return", "comment": comment})
    assert response.status_code == 200
    assert response.context["return_form"].errors["comment"]
    assert "error" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not report.reviewer_comment


def test_returning_with_a_comment_keeps_it_in_the_history(client, programme, org, moderator):
    report = make_report(programme, org)
    client.force_login(moderator)
    response = client.post(report_url(report), {"action": "return", "comment": "请补充签到表。"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.reviewer_comment) == (ReportStatus.RETURNED, "请补充签到表。")
    entry = ModelLogEntry.objects.get(action=REPORT_RETURNED_ACTION)
    assert (entry.user, entry.data["comment"]) == (moderator, "请补充签到表。")
    # Corrected and sent again: the screen shows the earlier return, who made it and why.
    PracticeReport.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    html = client.get(report_url(report)).content.decode()
    assert "请补充签到表。" in html and "moderator" in html


def test_bulk_approval(client, programme, org, other_org, third_org, moderator):
    first = make_report(programme, org)
    second = make_report(programme, other_org)
    left = make_report(programme, third_org)
    client.force_login(moderator)
    ids = [first.pk, second.pk, "abc", "", "99999999999999999999999", "-1"]
    response = client.post(QUEUE, {"report": ids})
    assert response.status_code == 302
    statuses = dict(PracticeReport.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: ReportStatus.APPROVED,
        second.pk: ReportStatus.APPROVED,
        left.pk: ReportStatus.SUBMITTED,
    }
    # Each approved as one approval is: a log entry each.
    assert ModelLogEntry.objects.filter(action=REPORT_APPROVED_ACTION).count() == 2
    assert client.post(QUEUE, {}).status_code == 302  # nothing ticked: a message, no error


def test_bulk_approval_needs_the_csrf_token(programme, org, moderator):
    from django.test import Client

    report = make_report(programme, org)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(QUEUE, {"report": [report.pk]}).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize(
    "method, target, data",
    [
        ("get", "queue", {}),
        ("post", "queue", {"report": "{pk}"}),
        ("get", "report", {}),
        ("post", "report", {"action": "approve"}),
        ("post", "report", {"action": "return", "comment": "x"}),
    ],
)
@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_only_reviewers_get_in(client, programme, org, editor, who, method, target, data):
    report = make_report(programme, org)
    if who == "editor":
        client.force_login(editor)
    url = QUEUE if target == "queue" else report_url(report)
    data = {key: value.format(pk=report.pk) for key, value in data.items()}
    response = getattr(client, method)(url, data)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"] or response["Location"] == "/admin/"
    assert org.title not in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize("bad", ["0", "999999", "abc", "99999999999999999999999", "1.5", "%20"])
def test_bad_report_ids_are_404(client, moderator, bad):
    client.force_login(moderator)
    assert client.get(f"{QUEUE}{bad}/").status_code == 404
    assert client.post(f"{QUEUE}{bad}/", {"action": "approve"}).status_code == 404


def test_menu_item_counts_reports_awaiting_review(client, programme, org, other_org, moderator):
    make_report(programme, org)
    make_report(programme, other_org)
    client.force_login(moderator)
    label = _("%(label)s (%(count)d)") % {"label": _("Practice report review"), "count": 2}
    assert label in sidebar_labels(client.get("/admin/"))


def sidebar_labels(response):
    """Every text in the admin's menu (Wagtail sends the sidebar as JSON)."""
    html = response.content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)

    return set(strings(json.loads(props)))


def test_editors_have_no_review_menu_item(client, programme, org, editor):
    make_report(programme, org)
    client.force_login(editor)
    labels = sidebar_labels(client.get("/admin/"))
    assert QUEUE not in labels and _("Practice report review") not in labels


# ---- the day of the practice ---------------------------------------------------------------


def report_data(programme, org, held_on, **changes):
    return {
        "organization": org.slug,
        "held_on": held_on.isoformat(),
        "held_on_note": "活动时间调整",
        "attendance": "18",
        "attendee_names": "张三",
        "summary": "组织党员开展廉洁风险自查。",
        **changes,
    }


def test_a_report_dated_after_today_is_refused(client, programme, org, editor):
    client.force_login(editor)
    url = reverse("integrity:report", args=[programme.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, report_data(programme, org, tomorrow))
    assert response.status_code == 200
    assert response.context["form"].errors["held_on"]
    assert not PracticeReport.objects.exists()
    today = timezone.localdate()
    assert client.post(url, report_data(programme, org, today)).status_code == 302


def test_the_model_refuses_a_day_that_has_not_come(programme, org):
    from django.core.exceptions import ValidationError

    report = PracticeReport(
        organization=org,
        program=programme,
        held_on=timezone.localdate() + datetime.timedelta(days=3),
        held_on_note="提前报送",
        attendance=3,
        summary="x",
    )
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert "held_on" in error.value.message_dict


class LatestDays:
    """A stand-in for the demo's random source: every organisation reports, on the latest day
    the generator allows."""

    def random(self):
        return 0.0

    def randint(self, low, high):
        return high


@pytest.mark.parametrize("day", [1, 6, 12, 28])
def test_demo_reports_are_never_dated_after_today(programme, org, other_org, day):
    from integrity.demo import add_reports

    today = programme.month.replace(day=day)
    created = add_reports(programme, [org, other_org], LatestDays(), is_current=True, today=today)
    reports = list(PracticeReport.objects.all())
    assert len(reports) == created
    assert created == (0 if today < programme.practice_start else 2)
    for report in reports:
        assert report.held_on <= today
        assert timezone.localdate(report.submitted_at) <= today
        assert report.submitted_at <= timezone.now()
        assert report.attendee_names and report.photos.count() == 2
