"""The privacy table's world: people of two organisations in every role, and one disclosure with
an attachment per audience. Shared by the privacy table, the malformed-request sweep and the
screens' table."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from disclosure.access import moderators_group
from disclosure.models import Audience, DisclosureAttachment, Membership, Role

ROLES = [
    "anonymous",
    "employee_a",
    "party_member_a",
    "editor_a",
    "employee_b",
    "editor_b",
    "moderator",
]
READERS = {
    Audience.PUBLIC: set(ROLES),
    Audience.ORGANIZATION: {"employee_a", "party_member_a", "editor_a", "moderator"},
    Audience.PARTY: {"party_member_a", "editor_a", "moderator"},
}
TITLES = {
    Audience.PUBLIC: "甲公司公开事项",
    Audience.ORGANIZATION: "甲公司职工事项",
    Audience.PARTY: "甲支部党员事项",
}


def build_world(org, other_org, make_disclosure, user_model):
    """Create the world's people, disclosures and attachments; a dict of them."""
    users = {}
    for role, organization, membership_role in [
        ("employee_a", org, Role.EMPLOYEE),
        ("party_member_a", org, Role.PARTY_MEMBER),
        ("editor_a", org, Role.EDITOR),
        ("employee_b", other_org, Role.EMPLOYEE),
        ("editor_b", other_org, Role.EDITOR),
    ]:
        users[role] = user_model.objects.create_user(role, password="x")
        Membership.objects.create(user=users[role], organization=organization, role=membership_role)
    users["moderator"] = user_model.objects.create_user("moderator", password="x")
    users["moderator"].groups.add(moderators_group())
    pages, documents = {}, {}
    for audience, title in TITLES.items():
        page = make_disclosure(title=title, audience=audience)
        document = get_document_model()(title=f"{title}附件")
        document.file.save(f"{audience}.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
        DisclosureAttachment.objects.create(page=page, document=document)
        pages[audience], documents[audience] = page, document
    return {"users": users, "pages": pages, "documents": documents, "org": org}


@pytest.fixture
def world(org, other_org, make_disclosure, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world(org, other_org, make_disclosure, django_user_model)


def client_for(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def listed_titles(html):
    return {title for title in TITLES.values() if title in html}
