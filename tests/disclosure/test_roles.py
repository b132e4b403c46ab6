"""Who edits, belongs to and manages which organisation (disclosure.roles), as one table."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.access import moderators_group
from disclosure.models import Membership
from disclosure.roles import (
    DELETE_PUBLISHED_DISCLOSURES,
    REVIEW_PRACTICE_REPORTS,
    VIEW_CERTIFICATES,
    Role,
    edited_organizations,
    is_moderator,
    managed_organizations,
    member_organizations,
)
from tests.factories import OrganizationPageFactory

pytestmark = pytest.mark.django_db

# Each person: their memberships, as (organisation, role). "draft" is an unpublished organisation.
PEOPLE = {
    "anonymous": None,
    "no membership": [],
    "employee of A": [("A", Role.EMPLOYEE)],
    "party member of A": [("A", Role.PARTY_MEMBER)],
    "editor of A": [("A", Role.EDITOR)],
    "editor of A and B, employee of C": [
        ("A", Role.EDITOR),
        ("B", Role.EDITOR),
        ("C", Role.EMPLOYEE),
    ],
    "editor of A and of a draft": [("A", Role.EDITOR), ("draft", Role.EDITOR)],
    "inactive editor of A": [("A", Role.EDITOR)],
    "moderator, employee of B": [("B", Role.EMPLOYEE)],
    "moderator": [],
    "superuser": [],
}

EVERY_LIVE = ["A", "B", "C"]

# person: (is_moderator, member_organizations, member_organizations(EDITOR),
#          edited_organizations, managed_organizations)
EXPECTED = {
    "anonymous": (False, [], [], [], []),
    "no membership": (False, [], [], [], []),
    "employee of A": (False, ["A"], [], [], []),
    "party member of A": (False, ["A"], [], [], []),
    "editor of A": (False, ["A"], ["A"], ["A"], ["A"]),
    "editor of A and B, employee of C": (
        False,
        ["A", "B", "C"],
        ["A", "B"],
        ["A", "B"],
        ["A", "B"],
    ),
    "editor of A and of a draft": (False, ["A", "draft"], ["A", "draft"], ["A"], ["A"]),
    "inactive editor of A": (False, [], [], [], []),
    "moderator, employee of B": (True, ["B"], [], [], EVERY_LIVE),
    "moderator": (True, [], [], [], EVERY_LIVE),
    "superuser": (True, [], [], [], EVERY_LIVE),
}


@pytest.fixture
def organizations(index_page):
    """A, B and C live (titles sort as named), and an unpublished one."""
    pages = {
        name: OrganizationPageFactory(parent=index_page, title=f"南湖{name}公司", slug=name.lower())
        for name in ["A", "B", "C"]
    }
    pages["draft"] = OrganizationPageFactory(
        parent=index_page, title="南湖D公司", slug="draft", live=False
    )
    return pages


def make_person(django_user_model, name, organizations):
    memberships = PEOPLE[name]
    if memberships is None:
        return AnonymousUser()
    username = name.replace(" ", "-").replace(",", "")
    if name == "superuser":
        return django_user_model.objects.create_superuser(username, password="x")
    user = django_user_model.objects.create_user(username, password="x")
    for organization, role in memberships:
        Membership.objects.create(user=user, organization=organizations[organization], role=role)
    if name.startswith("moderator"):
        user.groups.add(moderators_group())
    if name.startswith("inactive"):
        user.is_active = False
        user.save()
    return user


def names(queryset, organizations):
    by_pk = {page.pk: name for name, page in organizations.items()}
    return [by_pk[page.pk] for page in queryset]


@pytest.mark.parametrize("name", EXPECTED)
def test_who_belongs_to_edits_and_manages_which_organisation(
    django_user_model, organizations, name
):
    user = make_person(django_user_model, name, organizations)
    moderator, members, editors, edited, managed = EXPECTED[name]
    assert is_moderator(user) is moderator
    assert names(member_organizations(user), organizations) == members
    assert names(member_organizations(user, Role.EDITOR), organizations) == editors
    assert names(edited_organizations(user), organizations) == edited
    assert names(managed_organizations(user), organizations) == managed


@pytest.mark.parametrize(
    "permission", [DELETE_PUBLISHED_DISCLOSURES, REVIEW_PRACTICE_REPORTS, VIEW_CERTIFICATES]
)
def test_the_committee_holds_the_rights_code_checks(django_user_model, organizations, permission):
    editor = make_person(django_user_model, "editor of A", organizations)
    moderator = make_person(django_user_model, "moderator", organizations)
    assert moderator.has_perm(permission)
    assert not editor.has_perm(permission)


def count_queries(function, user):
    with CaptureQueriesContext(connection) as queries:
        list(function(user))
    return len(queries.captured_queries)


@pytest.mark.parametrize("function", [edited_organizations, managed_organizations])
def test_query_count_does_not_grow_with_organisations(
    django_user_model, organizations, index_page, function
):
    editor = make_person(django_user_model, "editor of A", organizations)
    moderator = make_person(django_user_model, "moderator", organizations)
    small = (count_queries(function, editor), count_queries(function, moderator))
    for number in range(5):
        page = OrganizationPageFactory(parent=index_page, slug=f"more-{number}")
        Membership.objects.create(user=editor, organization=page, role=Role.EDITOR)
    large = (count_queries(function, editor), count_queries(function, moderator))
    assert large == small


def test_an_admin_page_reads_the_memberships_once(client, django_user_model, organizations):
    """The admin's menu (training reports, member import) and dashboard each ask."""
    editor = make_person(django_user_model, "editor of A", organizations)
    client.force_login(editor)
    client.get("/admin/")  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    reads = [
        q["sql"] for q in queries.captured_queries if 'FROM "disclosure_membership"' in q["sql"]
    ]
    assert len(reads) == 1, reads
