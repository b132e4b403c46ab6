"""Who does what in which organisation: the one place every app asks.

- ``is_moderator(user)``: of the committee (两新工委) or a superuser; the test itself lives in
  ``home.roles`` (home may not import this app) and is re-exported here, with
  ``is_privileged(user)``: the accounts only the committee manages.
- ``member_organizations(user, role=None)``: every organisation the user belongs to (with
  ``role``, if given), drafts included: the pages their memberships name.
- ``edited_organizations(user)``: live organisations the user is an editor of, by their own
  memberships, whoever they are: the organisations they file reports for.
- ``managed_organizations(user)``: live organisations whose people and figures the user runs in
  the admin (training reports, member imports): every one for moderators, else those they edit.
- ``Role``: the membership roles (employee, party member, editor), from the Membership model.
- Permission names that code checks (``REVIEW_PRACTICE_REPORTS`` …): rights the committee holds
  and an administrator may grant to others.

A user's memberships, and whether they are a moderator, are read once per request
(``home.request_cache``): the admin's menu asks on every page, a report page asks again.
"""

from disclosure.models import Membership, OrganizationPage, Role
from home.request_cache import remember
from home.roles import is_moderator, is_privileged

__all__ = [
    "DELETE_PUBLISHED_DISCLOSURES",
    "REVIEW_PRACTICE_REPORTS",
    "Role",
    "VIEW_CERTIFICATES",
    "edited_organizations",
    "is_moderator",
    "is_privileged",
    "managed_organizations",
    "member_organizations",
]

# Rights that code checks by name. The committee's group holds each of them (granted on migrate
# by disclosure.access and each app's signals); an administrator may grant one to someone else,
# and the admin's own lists ask for the same permission, so code asks for the right, not the group.
# Deleting a disclosure that was ever published (everyone else withdraws it instead).
DELETE_PUBLISHED_DISCLOSURES = "disclosure.delete_published_disclosure"
# Reviewing practice reports: every organisation's status and the participation export.
REVIEW_PRACTICE_REPORTS = "integrity.change_practicereport"
# Printing anyone's training certificate (a holder always prints their own).
VIEW_CERTIFICATES = "training.view_certificate"


def _signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def _roles_by_organization(user):
    """{organisation id: role} of the user's memberships."""
    return remember(
        ("roles:memberships", user.pk),
        lambda: dict(Membership.objects.filter(user=user).values_list("organization_id", "role")),
    )


def _organizations():
    return OrganizationPage.objects.defer_streamfields().order_by("title", "pk")


def member_organizations(user, role=None):
    """Organisations (live or not) in which ``user`` has a membership, with ``role`` if given;
    none for anonymous or inactive users."""
    if not _signed_in(user):
        return OrganizationPage.objects.none()
    ids = [pk for pk, held in _roles_by_organization(user).items() if role is None or held == role]
    if not ids:
        return OrganizationPage.objects.none()
    return _organizations().filter(pk__in=ids)


def edited_organizations(user):
    """Live organisations ``user`` is an editor of. Moderators too are counted by their own
    memberships only: they review every organisation's reports but file only their own."""
    return member_organizations(user, Role.EDITOR).live()


def managed_organizations(user):
    """Live organisations whose people and figures ``user`` manages in the admin: all of them
    for moderators, else those they are an editor of, else none."""
    if not _signed_in(user):
        return OrganizationPage.objects.none()
    if remember(("roles:moderator", user.pk), lambda: is_moderator(user)):
        return _organizations().live()
    return edited_organizations(user)
