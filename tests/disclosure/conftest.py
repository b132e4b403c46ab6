"""A small disclosure tree: the index, two organisations, and a way to add disclosures."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    DisclosureIndexPageFactory,
    DisclosurePageFactory,
    OrganizationPageFactory,
)


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
