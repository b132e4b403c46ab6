"""A reader page's query count does not grow with the number of disclosures."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.models import Audience

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def count_queries(client, url):
    client.get(url)  # warm per-process caches, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def add(make_disclosure, parent, number, start=0):
    audiences = [Audience.PUBLIC, Audience.PUBLIC, Audience.PARTY, Audience.ORGANIZATION]
    for n in range(start, start + number):
        make_disclosure(
            parent=parent,
            title=f"事项{n}",
            audience=audiences[n % 4],
            published_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
        )


def test_query_counts_stay_flat(client, org, other_org, make_disclosure):
    add(make_disclosure, org, 4)
    page = make_disclosure(title="被测页面")
    urls = {
        "home": "/",
        "listing": "/disclosures/",
        "filtered": "/disclosures/?kind=party&year=2026&org_type=enterprise",
        "organisation": org.url,
        "disclosure": page.url,
        "feed": "/disclosures/feed/",
    }
    small = {name: count_queries(client, url) for name, url in urls.items()}
    add(make_disclosure, org, 40, start=10)
    add(make_disclosure, other_org, 40, start=60)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small
    assert max(large.values()) <= MAX_QUERIES, large
