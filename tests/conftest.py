"""Shared fixtures. The home page and default site come from home's data migration."""

import datetime
import os

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from tests.factories import (
    DisclosureIndexPageFactory,
    DisclosurePageFactory,
    OrganizationPageFactory,
)

SITE_BUILD = pytest.StashKey()


def is_browser_test(item):
    return "tests/browser/" in str(item.fspath)


def pytest_collection_modifyitems(items):
    """Browser tests last: their demo site is built in the background meanwhile."""
    items.sort(key=is_browser_test)


def pytest_collection_finish(session):
    """The first worker starts building the browser tests' demo site (see site_builder)."""
    worker = getattr(session.config, "workerinput", {}).get("workerid", "gw0")
    if worker != "gw0" or not any(is_browser_test(item) for item in session.items):
        return
    from tests.browser import site_builder

    if site_builder.CHROMIUM.exists():
        session.config.stash[SITE_BUILD] = site_builder.start_in_background(
            site_builder.shared_folder(session.config)
        )


def pytest_sessionfinish(session, exitstatus):
    """With NO_SKIP=1 (CI) a skipped test fails the run: nothing may pass by not running."""
    build = session.config.stash.get(SITE_BUILD, None)
    if build is not None and build.poll() is None:  # the run ended before its browser tests
        build.terminate()
    if os.environ.get("NO_SKIP") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"NO_SKIP=1: {len(skipped)} test(s) were skipped; failing the run.")
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as after a deploy."""
    cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.com", "unused")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def index_page(home_page):
    return DisclosureIndexPageFactory(parent=home_page)


@pytest.fixture
def org(index_page):
    return OrganizationPageFactory(parent=index_page, title="南湖甲科技有限公司", slug="jia")


@pytest.fixture
def other_org(index_page):
    return OrganizationPageFactory(
        parent=index_page, title="南湖乙商会", slug="yi", org_type="social"
    )


@pytest.fixture
def make_disclosure(org):
    """Create a live disclosure; ``published_on`` backdates its first publication."""

    def make(parent=None, published_on=None, **fields):
        if published_on is not None:
            moment = timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(9)))
            fields.update(
                published_on=published_on, first_published_at=moment, last_published_at=moment
            )
        return DisclosurePageFactory(parent=parent or org, **fields)

    return make
