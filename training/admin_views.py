"""The training report in the admin, and its CSV and XLSX exports."""

import csv
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from home.spreadsheets import csv_cell, xlsx_cell
from training.reports import overdue_rows, report_rows, totals, visible_organizations

ORGANIZATION_PARAM = "organization"
OVERDUE = "overdue"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chosen_organizations(request):
    """(visible organisations, the one chosen or None, those to report on).

    No visible organisation: PermissionDenied (the Wagtail admin turns it into a redirect home
    with a message, or a 403 for scripts). A number that is not a visible organisation's id:
    404, naming nothing. Anything else (empty, "all", junk): every visible organisation.
    """
    visible = list(visible_organizations(request.user))
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


def summary_table(rows):
    """The header and rows of the summary, with its totals last; None where there is no exam."""
    header = [
        _("Organisation"),
        _("Course"),
        _("Required"),
        _("Enrolled"),
        _("Completed"),
        _("Passed the exam"),
        _("Credit hours awarded"),
    ]
    body = [
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
    ]
    total = totals(rows)
    body.append([_("Total"), "", "", total.enrolled, total.completed, total.passed, total.hours])
    return header, body


def overdue_table(rows):
    header = [
        _("Learner"),
        _("Organisation"),
        _("Course"),
        _("Due"),
        _("Days overdue"),
        _("Lessons done"),
        _("Lessons"),
    ]
    body = [
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
    ]
    return header, body


def filename(extension, table=""):
    stem = "training-report-overdue" if table == OVERDUE else "training-report"
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def export_csv(request):
    """One table as CSV (``?table=overdue`` for the overdue list), with a BOM for Excel."""
    _visible, _chosen, organizations = chosen_organizations(request)
    table = OVERDUE if request.GET.get("table") == OVERDUE else ""
    if table == OVERDUE:
        header, body = overdue_table(overdue_rows(organizations))
    else:
        header, body = summary_table(report_rows(organizations))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv", table)}"'
    response.write("\ufeff")  # a byte-order mark tells Excel the file is UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in body:
        writer.writerow([csv_cell(value) for value in row])
    return response


def export_xlsx(request):
    """Both tables as sheets of one workbook: the summary, then the overdue list."""
    _visible, _chosen, organizations = chosen_organizations(request)
    workbook = Workbook(write_only=True)
    for title, (header, body) in [
        (_("Summary"), summary_table(report_rows(organizations))),
        (_("Overdue"), overdue_table(overdue_rows(organizations))),
    ]:
        sheet = workbook.create_sheet(title[:31])
        sheet.append([xlsx_cell(sheet, value) for value in header])
        for row in body:
            sheet.append([xlsx_cell(sheet, value) for value in row])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename("xlsx")}"'
    workbook.save(response)
    return response
