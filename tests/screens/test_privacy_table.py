"""Screens and boards in the privacy table: roles × audiences.

Screens and posters are for everyone who passes by: whoever asks (even a member who may read a
restricted disclosure on the site), they carry the public item only.
"""

import pytest

from screens.models import ItemKind, PlaylistItem, Screen
from tests.privacy_world import ROLES, TITLES, client_for, listed_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop_screen(world):
    screen = Screen(name="门店屏", place="一楼", organization=world["org"])
    screen.items = [PlaylistItem(kind=ItemKind.LATEST_DISCLOSURES, count=10)]
    screen.save()
    return screen


@pytest.mark.parametrize("role", ROLES)
def test_a_screen_plays_the_public_item_whoever_asks(client, world, shop_screen, role):
    client_for(client, world, role)
    body = client.get(f"/screens/{shop_screen.token}/playlist.json").content.decode()
    assert listed_titles(body) == {TITLES["public"]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", list(TITLES))
def test_a_poster_exists_for_the_public_item_only(client, world, role, audience):
    client_for(client, world, role)
    response = client.get(f"/screens/boards/{world['pages'][audience].pk}/")
    expected = 200 if audience == "public" else 404
    assert response.status_code == expected, (role, audience)
    if expected == 404:
        assert TITLES[audience] not in response.content.decode()


def test_choosing_a_restricted_page_for_a_screen_is_refused(world):
    from screens.models import page_refusal

    for audience, page in world["pages"].items():
        refused = page_refusal(page) is not None
        assert refused is (audience != "public"), audience
