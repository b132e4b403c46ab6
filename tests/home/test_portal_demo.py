"""The demo behind the portal reads like the real thing: document numbers as offices write them,
films labelled with the length they have, practice highlights to show."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from disclosure.demo import DocumentNumbers, document_code
from disclosure.demo.data import DOCUMENT_CODES, ORGANIZATIONS
from disclosure.models import Kind
from integrity.demo import make_programme, share_highlights
from integrity.demo.data import PROGRAMMES
from integrity.models import PracticeReport, ReportPhoto, ReportStatus
from tests.factories import (
    IntegrityIndexPageFactory,
    MonthlyProgramPageFactory,
    OrganizationPageFactory,
)

DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{2,5}〔(\d{4})〕(\d+)号$")


def test_every_demo_organisation_has_document_codes_in_chinese():
    assert set(DOCUMENT_CODES) == {row[1] for row in ORGANIZATIONS}
    assert DOCUMENT_CODES["nan-hu-jian-she"] == ("南湖建设", "南湖建党")
    for company, branch in DOCUMENT_CODES.values():
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,5}", company)
        assert re.fullmatch(r"[\u4e00-\u9fff]{1,4}党", branch)


def test_document_numbers_climb_through_each_year_and_start_again():
    numbers = DocumentNumbers()
    days = [datetime.date(2025, 1, 8), datetime.date(2025, 1, 9), datetime.date(2025, 3, 12)]
    days += [datetime.date(2025, 11, 30), datetime.date(2026, 2, 1)]
    issued = [numbers.next("南湖建党", day) for day in days]
    assert issued[0] == "南湖建党〔2025〕1号"
    assert issued[-1] == "南湖建党〔2026〕2号"
    parsed = [tuple(map(int, DOCUMENT_NUMBER.match(number).groups())) for number in issued]
    in_2025 = [number for year, number in parsed if year == 2025]
    assert in_2025 == sorted(set(in_2025))  # rising, never twice
    assert in_2025[-1] > 10  # late in the year: the office has issued many
    # The company and its party branch number apart.
    assert numbers.next("南湖建设", datetime.date(2025, 1, 10)) == "南湖建设〔2025〕1号"


@pytest.mark.django_db
def test_document_code_follows_the_kind_of_disclosure(index_page):
    organization = OrganizationPageFactory(parent=index_page, slug="nan-hu-jian-she")
    assert document_code(organization, Kind.PARTY) == "南湖建党"
    assert document_code(organization, Kind.ENTERPRISE) == "南湖建设"


@pytest.mark.django_db
def test_a_demo_film_is_labelled_with_its_real_length(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = IntegrityIndexPageFactory(parent=home_page)
    page = make_programme(index, timezone.localdate().replace(day=1), PROGRAMMES[0])
    assert page.film_video.duration == 2
    assert page.film_minutes == 1  # what the field can hold, rounded up; never 28
    assert page.film_poster.height > page.film_poster.width  # an upright poster
    with translation.override("en"):
        assert page.film_length == "2 seconds"


@pytest.mark.django_db
def test_demo_organisations_share_approved_reports_of_finished_months(
    home_page, index_page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    index = IntegrityIndexPageFactory(parent=home_page)
    this_month = timezone.localdate().replace(day=1)
    months = [(this_month - datetime.timedelta(days=31 * n)).replace(day=1) for n in (2, 1, 0)]
    programmes = [MonthlyProgramPageFactory(parent=index, month=month) for month in months]
    for programme in programmes:
        programme.save_revision().publish()
    organisations = [OrganizationPageFactory(parent=index_page) for _ in range(4)]
    for programme in programmes:
        is_current = programme is programmes[-1]
        for organisation in organisations:
            PracticeReport.objects.create(
                organization=organisation,
                program=programme,
                held_on=programme.practice_start,
                attendance=10,
                summary="开展活动。",
                status=ReportStatus.SUBMITTED if is_current else ReportStatus.APPROVED,
            )

    share_highlights(programmes)

    highlights = PracticeReport.objects.highlights()
    assert {report.program for report in highlights} == set(programmes[:2])
    assert highlights.count() == 4
    assert len({report.organization_id for report in highlights}) == 4  # others each month
    assert all(report.photos.count() == 2 for report in highlights)
    assert ReportPhoto.objects.on_the_portal().count() == 4
    # This month's choices wait for the committee.
    assert programmes[-1].reports.filter(public_highlight=True).count() == 2
