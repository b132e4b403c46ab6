"""Shared fixtures. The home page and default site come from home's data migration."""

import os

import pytest
from django.core.cache import cache
from wagtail.models import Site


def pytest_sessionfinish(session, exitstatus):
    """With NO_SKIP=1 (CI) a skipped test fails the run: nothing may pass by not running."""
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
