"""States read the same on every admin listing: one word and one colour each (home.status)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from disclosure.access import moderators_group
from disclosure.models.disclosures import DisclosureState, WithdrawalKind
from integrity.models import PracticeReport, ReportStatus
from screens.models import Screen, ScreenStatus
from tests.factories import IntegrityIndexPageFactory, MonthlyProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("gongwei", password="x")
    user.groups.add(moderators_group())
    client.force_login(user)
    return user


def tags(html):
    """{label: tone} of the status tags on a page."""
    found = re.findall(r'<span class="w-status status-tag status-tag--(\w+)">([^<]+)</span>', html)
    return {label: tone for tone, label in found}


def test_screens_are_green_online_amber_late_red_offline(client, moderator):
    now = timezone.now()
    Screen.objects.create(name="在线屏", place="甲", last_seen_at=now, poll_seconds=30)
    Screen.objects.create(name="迟到屏", place="乙", last_seen_at=now - timedelta(seconds=75))
    Screen.objects.create(name="掉线屏", place="丙", last_seen_at=now - timedelta(minutes=10))
    html = client.get("/admin/snippets/screens/screen/").content.decode()
    assert tags(html) == {
        str(ScreenStatus.ONLINE.label): "ok",
        str(ScreenStatus.STALE.label): "warn",
        str(ScreenStatus.OFFLINE.label): "danger",
    }
    assert str(ScreenStatus.ONLINE.label) == "在线"


def test_practice_reports_show_their_review_state(client, moderator, home_page, org, other_org):
    index = IntegrityIndexPageFactory(parent=home_page)
    programme = MonthlyProgramPageFactory(parent=index, slug="month")
    for organization, status in [(org, ReportStatus.SUBMITTED), (other_org, ReportStatus.RETURNED)]:
        PracticeReport.objects.create(
            organization=organization,
            program=programme,
            held_on=programme.practice_start,
            attendance=8,
            summary="开展了廉洁风险自查。",
            status=status,
        )
    html = client.get("/admin/snippets/integrity/practicereport/").content.decode()
    assert tags(html) == {
        str(ReportStatus.SUBMITTED.label): "warn",
        str(ReportStatus.RETURNED.label): "danger",
    }


def test_explorer_names_disclosures_on_display_withdrawn_or_taken_down(
    client, moderator, org, make_disclosure
):
    make_disclosure(title="公示中的事项")
    make_disclosure(title="撤回的事项").withdraw(WithdrawalKind.WITHDRAWN, "有误")
    make_disclosure(title="撤下的事项").withdraw(WithdrawalKind.REMOVED, "涉密")
    make_disclosure(title="草稿事项", live=False)
    html = client.get(f"/admin/pages/{org.pk}/").content.decode()
    assert tags(html) == {
        str(DisclosureState.LIVE.label): "ok",
        str(DisclosureState.WITHDRAWN.label): "warn",
        str(DisclosureState.REMOVED.label): "danger",
    }
    assert [str(DisclosureState.WITHDRAWN.label), str(DisclosureState.REMOVED.label)] == [
        "已撤回",
        "已撤下",
    ]
    assert "草稿事项" in html  # the draft keeps Wagtail's own status tag
