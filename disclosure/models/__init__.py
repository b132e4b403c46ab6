"""Models of the disclosure app, one module per concern."""

from disclosure.models.categories import Category
from disclosure.models.choices import Audience, Kind, OrganizationType, Validity
from disclosure.models.disclosures import (
    DisclosureAmendment,
    DisclosureAttachment,
    DisclosurePage,
    IndexSequence,
)
from disclosure.models.memberships import Membership, OrganizationAccess, Role
from disclosure.models.organizations import DisclosureIndexPage, OrganizationPage

__all__ = [
    "Audience",
    "Category",
    "DisclosureAmendment",
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosurePage",
    "IndexSequence",
    "Kind",
    "Membership",
    "OrganizationAccess",
    "Role",
    "OrganizationPage",
    "OrganizationType",
    "Validity",
]
