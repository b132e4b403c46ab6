"""The demo shows a full year of the programme with participation figures."""

import io

import pytest
from django.core.management import call_command

from integrity.models import MonthlyProgramPage, PracticeReport, ReportStatus

pytestmark = pytest.mark.django_db


def test_a_year_of_programmes_with_reports(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    call_command("load_demo", stdout=io.StringIO())
    programmes = MonthlyProgramPage.objects.live()
    assert programmes.count() == 12
    assert all(p.film_video and p.film_poster for p in programmes)
    statuses = set(PracticeReport.objects.values_list("status", flat=True))
    assert {ReportStatus.APPROVED, ReportStatus.RETURNED} <= statuses
    months_missing_reports = [
        p
        for p in programmes
        if p.reports.count() < 13  # some organisations have not reported
    ]
    assert months_missing_reports
    html = client.get("/integrity/").content.decode()
    assert html.count("参与率") >= 12
    film = programmes.first().film_video
    assert client.get(film.url).status_code == 200
