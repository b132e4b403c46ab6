"""The filtered catalogue as CSV (opens in Excel with Chinese intact) or XLSX."""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from home.spreadsheets import csv_cell, xlsx_cell

CHUNK = 500


def export_columns(request):
    return [
        (_("Index number"), lambda d: d.index_number),
        (_("Title"), lambda d: d.title),
        (_("Published by"), lambda d: d.organization.title),
        (_("Kind"), lambda d: d.get_kind_display()),
        (_("Category"), lambda d: d.category.name),
        (_("Document number"), lambda d: d.document_number),
        (_("Date written"), lambda d: d.date_written.isoformat() if d.date_written else ""),
        (_("Date published"), lambda d: d.published_on.isoformat() if d.published_on else ""),
        (_("Period"), lambda d: d.period_label),
        (_("Validity"), lambda d: d.get_validity_display()),
        (_("Display until"), lambda d: d.display_until.isoformat() if d.display_until else ""),
        (
            _("Withdrawn"),
            lambda d: (
                timezone.localtime(d.withdrawn_at).date().isoformat() if d.withdrawn_at else ""
            ),
        ),
        (_("Web address"), lambda d: d.get_full_url(request)),
    ]


def export_rows(queryset, request):
    columns = export_columns(request)
    yield [title for title, _value in columns]
    for disclosure in queryset.iterator(chunk_size=CHUNK):
        yield [value(disclosure) or "" for _title, value in columns]


def filename(extension):
    return f"disclosures-{timezone.localdate().isoformat()}.{extension}"


class _Echo:
    def write(self, value):
        return value


def csv_response(queryset, request):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # a byte-order mark tells Excel the file is UTF-8
        for row in export_rows(queryset, request):
            yield writer.writerow([csv_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    return response


def xlsx_response(queryset, request):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Disclosures"))
    rows = export_rows(queryset, request)
    header = next(rows)
    sheet.append(header)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("xlsx")}"'
    workbook.save(response)
    return response
