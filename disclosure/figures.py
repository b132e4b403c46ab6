"""The portal's key figures: organisations, branches, party-organisation coverage."""

from django.db.models import Count, Q

from disclosure.models import OrganizationType, public_disclosures, public_organizations


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
