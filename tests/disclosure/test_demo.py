"""The demo shows every state a reader can meet; bench_data tops it up for benchmarks."""

import io

import pytest
from django.core.management import CommandError, call_command

from disclosure.models import (
    DisclosurePage,
)

pytestmark = pytest.mark.django_db


def test_bench_data_needs_the_demo_organisations_and_demo_settings(settings, home_page):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("bench_data", disclosures=10, stdout=io.StringIO())
    settings.DEMO_ENABLED = False
    with pytest.raises(CommandError):
        call_command("bench_data", disclosures=10, stdout=io.StringIO())
    assert not DisclosurePage.objects.exists()
