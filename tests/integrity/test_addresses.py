"""The programme's own addresses, role by role: the report form and the participation export.

Each answers only those the rule names (disclosure/roles.py): an editor files their
organisation's report, the committee reads participation. A programme that is a draft or under
a view restriction is a 404 for everyone, the same answer as a programme that does not exist.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import IntegrityIndexPageFactory, MonthlyProgramPageFactory
from tests.privacy_world import ROLES, client_for

pytestmark = pytest.mark.django_db

# What each role gets from a live public programme's addresses.
EXPECTED = {
    "report": {
        "anonymous": 302,  # to the login page
        "employee_a": 403,
        "party_member_a": 403,
        "editor_a": 200,
        "employee_b": 403,
        "editor_b": 200,
        "moderator": 403,  # the committee files no report of its own
    },
    "participation": {
        "anonymous": 302,
        "employee_a": 403,
        "party_member_a": 403,
        "editor_a": 403,
        "employee_b": 403,
        "editor_b": 403,
        "moderator": 200,
    },
}


@pytest.fixture
def programmes(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = IntegrityIndexPageFactory(parent=home_page)
    live = MonthlyProgramPageFactory(parent=index)
    draft = MonthlyProgramPageFactory(parent=index, live=False)
    restricted = MonthlyProgramPageFactory(parent=index)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return {"live": live, "draft": draft, "restricted": restricted}


def answers(client, world, address, page_id):
    """{role: status code} of ``address`` for the programme ``page_id``, role by role."""
    codes = {}
    for role in ROLES:
        client.logout()
        response = client_for(client, world, role).get(
            reverse(f"integrity:{address}", args=[page_id])
        )
        codes[role] = response.status_code
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    return codes


@pytest.mark.parametrize("address", sorted(EXPECTED))
def test_each_role_gets_what_the_rule_says(client, world, programmes, address):
    assert answers(client, world, address, programmes["live"].pk) == EXPECTED[address]


@pytest.mark.parametrize("address", sorted(EXPECTED))
@pytest.mark.parametrize("state", ["draft", "restricted", "missing"])
def test_a_programme_readers_cannot_open_is_a_404(client, world, programmes, address, state):
    page_id = programmes[state].pk if state != "missing" else 999_999
    expected = dict.fromkeys(ROLES, 404)
    if state == "restricted":
        # A login restriction lets every logged-in reader through: the role decides then.
        expected.update({r: c for r, c in EXPECTED[address].items() if r != "anonymous"})
    assert answers(client, world, address, page_id) == expected
