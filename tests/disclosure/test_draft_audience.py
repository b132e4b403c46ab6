"""A draft that changes a disclosure's audience changes nothing until it is published."""

import pytest

from disclosure.models import Audience, DisclosurePage

pytestmark = pytest.mark.django_db


def test_a_draft_making_a_restricted_item_public_keeps_it_restricted(client, make_disclosure):
    page = make_disclosure(title="仅限党员的通知", audience=Audience.PARTY)
    assert client.get(page.url).status_code == 404
    page = DisclosurePage.objects.get(pk=page.pk)
    page.audience = Audience.PUBLIC
    page.save_revision()  # a draft, or one submitted for review
    response = client.get(page.url)
    assert response.status_code == 404
    assert "仅限党员的通知" not in client.get("/disclosures/").content.decode()
    page = DisclosurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200


def test_a_draft_restricting_a_public_item_keeps_it_public_until_published(client, make_disclosure):
    page = make_disclosure(title="公开的通知")
    page = DisclosurePage.objects.get(pk=page.pk)
    page.audience = Audience.PARTY
    page.save_revision()
    assert client.get(page.url).status_code == 200
    page.save_revision().publish()
    assert client.get(page.url).status_code == 404
