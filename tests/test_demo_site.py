"""Tests that read the demo site, all in one module so it is loaded once for them.

``demo_site`` loads the demo inside a transaction that is rolled back after the module (as
Django's ``TestCase.setUpTestData`` does); each test runs in its own savepoint inside it, so what
a test writes is gone before the next. The module is one xdist group: one worker, one load.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from wagtail.models import Page

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
from integrity.models import MonthlyProgramPage, PracticeReport, ReportStatus
from training.models import CoursePage, LessonPage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-site")]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-site")
    with (
        override_settings(MEDIA_ROOT=folder / "media", VAR_DIR=folder / "var"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def test_the_module_runs_on_one_worker(request):
    """The demo is loaded once only if xdist keeps this module's group on one worker (pytest 9.2
    with pytest-xdist 3.8 silently dropped groups, and every worker loaded it)."""
    if getattr(request.config.option, "loadgroup", False):  # set on xdist's workers
        assert request.node.nodeid.endswith("@demo-site")


def test_loading_the_demo_again_changes_nothing(demo_site):
    count = Page.objects.count()
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "已加载" in demo_site
    assert "未做更改" in again.getvalue()
    assert Page.objects.count() == count


def test_demo_covers_every_state(demo_site):
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


def test_demo_pages_render(client, demo_site):
    for url in ["/", "/disclosures/", "/disclosures/nan-hu-jian-she/"]:
        assert client.get(url).status_code == 200
    page = DisclosurePage.objects.filter(audience=Audience.PUBLIC).last()
    assert client.get(page.url).status_code == 200


def test_synthetic_disclosures_top_up_to_the_target(demo_site):
    out = io.StringIO()
    call_command("bench_data", disclosures=400, stdout=out)
    assert DisclosurePage.objects.count() == 400
    assert "400/" in out.getvalue() or "已生成" in out.getvalue()
    numbers = DisclosurePage.objects.values_list("index_number", flat=True)
    assert len(set(numbers)) == 400
    call_command("bench_data", disclosures=400, stdout=out)
    assert DisclosurePage.objects.count() == 400


def test_demo_has_one_login_per_role_that_works(client, demo_site):
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


def test_synthetic_disclosures_keep_the_audience_rules_and_are_found(client, demo_site):
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


def test_home_page_with_demo_content(client, demo_site):
    html = client.get("/").content.decode()
    assert "一月一课一片一实践" in html  # the demo introduction
    assert 'href="/gong-kai-zhi-nan/"' in html  # the guide is in the main menu
    assert "湘ICP备00000000号-1" in html  # footer from the site settings


def test_home_page_query_count_is_small(client, demo_site, django_assert_max_num_queries):
    client.get("/")  # warm the site-root cache
    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200


def test_demo_courses(demo_site):
    required = CoursePage.objects.get(title="党风廉政建设知识")
    assert required.required and required.get_children().count() >= 3
    assert CoursePage.objects.count() >= 4
    video_lesson = LessonPage.objects.get(title__startswith="警示教育")
    assert any(block.block_type == "video" for block in video_lesson.body)


def test_a_year_of_programmes_with_reports(client, demo_site):
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
