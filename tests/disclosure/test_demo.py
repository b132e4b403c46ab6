"""The demo shows every state a reader can meet; bench_data tops it up for benchmarks."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from disclosure.models import (
    Audience,
    Category,
    DisclosureAmendment,
    DisclosurePage,
    Kind,
    OrganizationPage,
    OrganizationType,
    Validity,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path, home_page):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    call_command("load_demo", stdout=io.StringIO())


def test_demo_covers_every_state(demo):
    organizations = OrganizationPage.objects.live()
    assert organizations.count() >= 12
    assert {o.org_type for o in organizations} == set(OrganizationType.values)
    assert organizations.filter(model_branch_revoked_on__isnull=False).exists()
    disclosures = DisclosurePage.objects.live()
    assert disclosures.count() >= 150
    used = set(disclosures.values_list("category", flat=True))
    assert used == set(Category.objects.values_list("pk", flat=True))
    assert set(disclosures.values_list("kind", flat=True)) == set(Kind.values)
    assert set(disclosures.values_list("audience", flat=True)) == set(Audience.values)
    dates = disclosures.values_list("published_on", flat=True)
    assert (max(dates) - min(dates)).days > 600  # about two years
    assert DisclosureAmendment.objects.exists()
    assert disclosures.filter(withdrawn_at__isnull=False).exists()
    repealed = disclosures.get(validity=Validity.REPEALED)
    assert repealed.superseded_by is not None
    with_files = disclosures.annotate(n=Count("attachments")).filter(n__gt=0)
    assert with_files.count() >= 30
    attachment = with_files.first().attachments.first().document
    assert attachment.file.read(5) == b"%PDF-"


def test_demo_pages_render(client, demo):
    for url in ["/", "/disclosures/", "/disclosures/nan-hu-jian-she/"]:
        assert client.get(url).status_code == 200
    page = DisclosurePage.objects.filter(audience=Audience.PUBLIC).last()
    assert client.get(page.url).status_code == 200


def test_synthetic_disclosures_top_up_to_the_target(demo):
    out = io.StringIO()
    call_command("bench_data", disclosures=400, stdout=out)
    assert DisclosurePage.objects.count() == 400
    assert "400/" in out.getvalue() or "已生成" in out.getvalue()
    numbers = DisclosurePage.objects.values_list("index_number", flat=True)
    assert len(set(numbers)) == 400
    call_command("bench_data", disclosures=400, stdout=out)
    assert DisclosurePage.objects.count() == 400


def test_demo_has_one_login_per_role_that_works(client, demo, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from home.logins import stored_logins

    logins = stored_logins()
    assert {"moderator", "editor", "party_member", "employee"} <= set(logins)
    out = io.StringIO()
    call_command("show_logins", stdout=out)
    for login in logins.values():
        assert login["username"] in out.getvalue()
        user = get_user_model().objects.get(username=login["username"])
        assert user.check_password(login["password"])
    party_only = DisclosurePage.objects.filter(
        organization__slug="nan-hu-jian-she", audience=Audience.PARTY
    ).first()
    assert party_only is not None
    employee = get_user_model().objects.get(username=logins["employee"]["username"])
    client.force_login(employee)
    assert client.get(party_only.url).status_code == 404
    client.force_login(get_user_model().objects.get(username=logins["party_member"]["username"]))
    assert client.get(party_only.url).status_code == 200


def test_synthetic_disclosures_keep_the_audience_rules_and_are_found(client, demo):
    call_command("bench_data", disclosures=260, stdout=io.StringIO())
    synthetic = DisclosurePage.objects.filter(summary__endswith="例行公开事项。")
    assert synthetic.count() == 100
    restricted = synthetic.exclude(audience=Audience.PUBLIC).first()
    assert client.get(restricted.url).status_code == 404
    public = synthetic.filter(audience=Audience.PUBLIC).first()
    assert client.get(public.url).status_code == 200
    results = client.get("/search/", {"q": "性能测试"}).context["results"]
    assert results
    assert all(result["page"].audience == Audience.PUBLIC for result in results)


def test_bench_data_needs_the_demo_organisations_and_demo_settings(settings, home_page):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("bench_data", disclosures=10, stdout=io.StringIO())
    settings.DEMO_ENABLED = False
    with pytest.raises(CommandError):
        call_command("bench_data", disclosures=10, stdout=io.StringIO())
    assert not DisclosurePage.objects.exists()
