"""The querysets readers see: built here once, used by every listing, feed, export and API."""

from django.db.models import Count, Q

from disclosure.models.choices import Audience, OrganizationType
from disclosure.models.disclosures import DisclosurePage
from home.visibility import public_only, readable_by

PER_PAGE = 20


def public_disclosures(include_withdrawn=False):
    """Live disclosures for everyone: the policy's public items, and with ``include_withdrawn``
    the withdrawn ones too (their listing marks them; reuse channels never carry them)."""
    if not include_withdrawn:
        return DisclosurePage.objects.public_items()
    return public_only(DisclosurePage.objects.live().filter(audience=Audience.PUBLIC))


def readable_disclosures(user, include_withdrawn=False):
    """Live disclosures ``user`` may open: the public ones, and for members the restricted
    ones their groups may read (the same view restrictions that guard the pages)."""
    if user is None or not user.is_authenticated:
        return public_disclosures(include_withdrawn)
    queryset = readable_by(DisclosurePage.objects.live(), user)
    if not include_withdrawn:
        queryset = queryset.filter(withdrawn_at__isnull=True)
    return queryset


def for_listing(queryset):
    """Newest first, with what a list item shows, in a number of queries that does not grow."""
    return (
        queryset.select_related("category", "organization")
        .defer_streamfields()
        .order_by("-published_on", "-pk")
    )


def public_organizations():
    from disclosure.models.organizations import OrganizationPage

    return public_only(OrganizationPage.objects.live())


def key_figures():
    """Figures for the portal: organisations, branches, party-organisation coverage."""
    organizations = public_organizations().aggregate(
        total=Count("pk"),
        branches=Count("pk", filter=~Q(branch_name="")),
        enterprises=Count("pk", filter=Q(org_type=OrganizationType.ENTERPRISE)),
        enterprise_branches=Count(
            "pk", filter=Q(org_type=OrganizationType.ENTERPRISE) & ~Q(branch_name="")
        ),
        socials=Count("pk", filter=Q(org_type=OrganizationType.SOCIAL)),
        social_branches=Count(
            "pk", filter=Q(org_type=OrganizationType.SOCIAL) & ~Q(branch_name="")
        ),
        model_branches=Count(
            "pk",
            filter=Q(model_branch_awarded_on__isnull=False, model_branch_revoked_on__isnull=True),
        ),
    )

    def rate(part, whole):
        return round(100 * part / whole, 1) if whole else None

    return {
        **organizations,
        "enterprise_coverage": rate(
            organizations["enterprise_branches"], organizations["enterprises"]
        ),
        "social_coverage": rate(organizations["social_branches"], organizations["socials"]),
        "disclosures": public_disclosures().count(),
    }
