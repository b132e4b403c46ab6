"""`manage.py update_index` shows a progress bar per model, and the index it builds works."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_update_index_shows_progress_and_rebuilds_a_working_index(
    client, index_page, make_disclosure
):
    page = make_disclosure(title="第三季度党费收缴公示")
    out = io.StringIO()
    call_command("update_index", stdout=out)
    output = out.getvalue()
    line = next(line for line in output.splitlines() if "disclosure.DisclosurePage" in line)
    assert "[" in line and "1/1" in line and "100.0%" in line
    assert "已索引 (1 in" in output
    response = client.get("/search/", {"q": "dangfei"})
    assert [result["page"].pk for result in response.context["results"]] == [page.pk]
