"""The training report in the admin, and its CSV and XLSX exports."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.roles import managed_organizations
from home.exports import CSV, XLSX, Column, ColumnType, Table, export_response
from training.reports import overdue_rows, report_rows, totals

ORGANIZATION_PARAM = "organization"
OVERDUE = "overdue"


def chosen_organizations(request):
    """(visible organisations, the one chosen or None, those to report on).

    No visible organisation: PermissionDenied (the Wagtail admin turns it into a redirect home
    with a message, or a 403 for scripts). A number that is not a visible organisation's id:
    404, naming nothing. Anything else (empty, "all", junk): every visible organisation.
    """
    visible = list(managed_organizations(request.user))
    if not visible:
        raise PermissionDenied
    value = request.GET.get(ORGANIZATION_PARAM, "").strip()
    if value.isascii() and value.isdigit():
        chosen = next((org for org in visible if org.pk == int(value)), None)
        if chosen is None:
            raise Http404
        return visible, chosen, [chosen]
    return visible, None, visible


def reports(request):
    visible, chosen, organizations = chosen_organizations(request)
    rows = report_rows(organizations)
    params = {ORGANIZATION_PARAM: chosen.pk} if chosen else {}
    return TemplateResponse(
        request,
        "training/admin/reports.html",
        {
            "organizations": visible,
            "chosen": chosen,
            "rows": rows,
            "totals": totals(rows),
            "overdue": overdue_rows(organizations),
            "query": urlencode(params),
            "overdue_query": urlencode({**params, "table": OVERDUE}),
        },
    )


# ---- exports -------------------------------------------------------------------------------


def summary_table(rows, filters):
    """The summary with its totals last; an empty cell where a course has no exam."""
    total = totals(rows)
    return Table(
        title=_("Training reports"),
        sheet_name=_("Summary"),
        columns=[
            Column(_("Organisation")),
            Column(_("Course")),
            Column(_("Required")),
            Column(_("Enrolled"), ColumnType.INT),
            Column(_("Completed"), ColumnType.INT),
            Column(_("Passed the exam"), ColumnType.INT),
            Column(_("Credit hours awarded"), ColumnType.DECIMAL),
        ],
        rows=[
            [
                row.organization.title,
                row.course.title,
                _("Yes") if row.course.required else _("No"),
                row.enrolled,
                row.completed,
                row.passed,
                row.hours,
            ]
            for row in rows
        ],
        footer=[[_("Total"), "", "", total.enrolled, total.completed, total.passed, total.hours]],
        filters=filters,
    )


def overdue_table(rows, filters):
    return Table(
        title=_("Overdue learners"),
        sheet_name=_("Overdue"),
        columns=[
            Column(_("Learner")),
            Column(_("Organisation")),
            Column(_("Course")),
            Column(_("Due"), ColumnType.DATE),
            Column(_("Days overdue"), ColumnType.INT),
            Column(_("Lessons done"), ColumnType.INT),
            Column(_("Lessons"), ColumnType.INT),
        ],
        rows=[
            [
                row.learner_name,
                row.organization.title,
                row.course.title,
                row.due_on,
                row.days_overdue,
                row.lessons_done,
                row.lessons_total,
            ]
            for row in rows
        ],
        filters=filters,
    )


def report_filters(chosen):
    return [(_("Organisation"), chosen.title)] if chosen else []


def filename(table=""):
    stem = "training-report-overdue" if table == OVERDUE else "training-report"
    return f"{stem}-{timezone.localdate().isoformat()}"


def export_csv(request):
    """One table as CSV (``?table=overdue`` for the overdue list)."""
    _visible, chosen, organizations = chosen_organizations(request)
    filters = report_filters(chosen)
    if request.GET.get("table") == OVERDUE:
        table = overdue_table(overdue_rows(organizations), filters)
        return export_response(table, CSV, filename(OVERDUE))
    return export_response(summary_table(report_rows(organizations), filters), CSV, filename())


def export_xlsx(request):
    """Both tables as sheets of one workbook: the summary, then the overdue list."""
    _visible, chosen, organizations = chosen_organizations(request)
    filters = report_filters(chosen)
    tables = [
        summary_table(report_rows(organizations), filters),
        overdue_table(overdue_rows(organizations), filters),
    ]
    return export_response(tables, XLSX, filename())
