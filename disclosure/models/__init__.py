"""Models of the disclosure app, one module per concern."""

from disclosure.models.categories import Category
from disclosure.models.choices import Audience, Kind, OrganizationType, Validity
from disclosure.models.disclosures import (
    DisclosureAmendment,
    DisclosureAttachment,
    DisclosurePage,
    IndexSequence,
    for_listing,
    public_disclosures,
    readable_disclosures,
)
from disclosure.models.memberships import Membership, OrganizationAccess, Role
from disclosure.models.organizations import (
    DisclosureIndexPage,
    OrganizationPage,
    public_organizations,
)

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
    "for_listing",
    "public_disclosures",
    "public_organizations",
    "readable_disclosures",
]
