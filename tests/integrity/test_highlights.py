"""An organisation chooses to show its practice report on the portal (在门户展示): the choice in
the report form, and the committee seeing it when reviewing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from integrity.models import PracticeReport, ReportStatus
from tests.factories import IntegrityIndexPageFactory, MonthlyProgramPageFactory

pytestmark = pytest.mark.django_db

SHOWN = (
    "Yes: once approved, the home page shows its first photo, the organisation's name and the month"
)
NOT_SHOWN = "No: only the organisation and the committee see the report"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def programme(home_page):
    """Last month's programme, so any day of its practice has come."""
    index = IntegrityIndexPageFactory(parent=home_page)
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    page = MonthlyProgramPageFactory(parent=index, month=month)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(django_user_model, org):
    user = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    return user


def file_report(client, programme, org, **extra):
    data = {
        "organization": org.slug,
        "held_on": programme.practice_start.isoformat(),
        "held_on_note": "",
        "attendance": "18",
        "attendee_names": "张三、李四",
        "summary": "组织党员开展廉洁风险自查。",
        **extra,
    }
    return client.post(reverse("integrity:report", args=[programme.pk]), data)


@pytest.mark.parametrize(("ticked", "shown"), [({"public_highlight": "on"}, True), ({}, False)])
def test_the_organisation_chooses_whether_the_portal_may_show_its_report(
    client, programme, org, editor, ticked, shown
):
    client.force_login(editor)
    form = client.get(reverse("integrity:report", args=[programme.pk])).content.decode()
    assert 'type="checkbox" name="public_highlight"' in form
    assert "checked" not in form.split('name="public_highlight"')[1].split(">")[0]
    assert form.index('name="photos"') < form.index('name="public_highlight"')

    assert file_report(client, programme, org, **ticked).status_code == 302
    report = PracticeReport.objects.get(organization=org, program=programme)
    assert report.public_highlight is shown
    assert report.status == ReportStatus.SUBMITTED
    # Not on the portal before the committee approves it.
    assert not PracticeReport.objects.highlights().exists()


@pytest.mark.parametrize(("public", "words"), [(True, SHOWN), (False, NOT_SHOWN)])
def test_the_committee_sees_the_choice_when_reviewing(
    client, programme, org, django_user_model, public, words
):
    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(moderators_group())
    report = PracticeReport.objects.create(
        organization=org,
        program=programme,
        held_on=programme.practice_start,
        attendance=9,
        summary="开展活动。",
        public_highlight=public,
    )
    client.force_login(moderator)
    html = client.get(f"/admin/practice-reports/review/{report.pk}/").content.decode()
    with translation.override("zh-hans"):
        assert _(words) in html
