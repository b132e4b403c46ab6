"""How many organisations reported on each month's practice, and which have not."""

from django.db.models import Count, Q

from disclosure.queries import public_organizations
from integrity.models import PracticeReport, ReportStatus


def total_organizations():
    return public_organizations().count()


def participation_by_month(program_ids):
    """{program id: {"reported", "approved", "total", "rate"}} in two queries."""
    total = total_organizations()
    counts = {
        row["program"]: row
        for row in PracticeReport.objects.filter(program_id__in=program_ids)
        .values("program")
        .annotate(
            reported=Count("pk"),
            approved=Count("pk", filter=Q(status=ReportStatus.APPROVED)),
        )
    }
    result = {}
    for program_id in program_ids:
        row = counts.get(program_id, {"reported": 0, "approved": 0})
        result[program_id] = figures(row["reported"], row["approved"], total)
    return result


def figures(reported, approved, total):
    return {
        "reported": reported,
        "approved": approved,
        "total": total,
        "rate": round(100 * reported / total, 1) if total else None,
    }


def participation_for(program):
    return participation_by_month([program.pk])[program.pk]


def status_by_organization(program):
    """[(organisation, report or None)] for every organisation, in title order."""
    reports = {r.organization_id: r for r in PracticeReport.objects.filter(program=program)}
    return [(org, reports.get(org.pk)) for org in public_organizations().order_by("title")]
