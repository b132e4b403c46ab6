"""Every CSV and XLSX export of the site: a table described once, written the same way everywhere.

Clerks open these files in Excel or WPS, so each format gets what those programs need: CSV in
UTF-8 with a byte-order mark (else Excel shows Chinese as mojibake), streamed so a large catalogue
never sits in memory; XLSX with a title row (what the table is, the filter used, when it was
exported), a frozen header with an auto-filter, real date and number cells and columns as wide as
their text (a Chinese character is twice as wide as a Latin one).

Titles and names come from editors and members; one that starts with ``=``, ``+``, ``-`` or ``@``
would be a formula to a spreadsheet (CSV injection). CSV cells get a leading apostrophe, XLSX
cells are typed as text. This module is the one place that rule is written.

A view describes its table and hands it to :func:`export_response`::

    table = Table(
        title=_("Disclosure catalogue"),
        columns=[Column(_("Title")), Column(_("Date published"), ColumnType.DATE)],
        rows=([d.title, d.published_on] for d in queryset.iterator()),
        filters=describe_filters(filterset),
    )
    return export_response(table, request.GET.get("format", "csv"), "disclosures")
"""

import csv
import datetime
import decimal
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain

from django.core.validators import EMPTY_VALUES
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.encoding import force_str
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.filters import active_filters

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TITLE_ROW = 1  # XLSX: what the table is, the filter used, the time of export
HEADER_ROW = 2  # XLSX: the column labels; data starts on the row below
MIN_WIDTH = 6
MAX_WIDTH = 60
CSV_ROWS_PER_CHUNK = 200  # one write to the client per this many rows, not one per row


class ColumnType(StrEnum):
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    INT = "int"
    DECIMAL = "decimal"


NUMBER_FORMATS = {  # whole numbers need none: Excel's "General" shows them as they are
    ColumnType.DATE: "yyyy-mm-dd",
    ColumnType.DATETIME: "yyyy-mm-dd hh:mm",
    ColumnType.DECIMAL: "0.0#",
}


@dataclass(frozen=True)
class Column:
    """A column: its header label, the type of its cells and, if the content is no guide (long
    free text), a fixed width in characters; otherwise the XLSX width is fitted to the content."""

    label: str
    type: ColumnType = ColumnType.TEXT
    width: int | None = None


@dataclass
class Table:
    """What an export holds. ``rows`` are sequences in column order and may be a lazy generator
    over ``queryset.iterator()``; ``footer`` rows (totals) follow them outside the XLSX
    auto-filter, so sorting never moves them; ``filters`` are (label, value) pairs of the filter
    used, see :func:`describe_filters`; ``sheet_name`` defaults to the title."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    filters: Sequence[tuple[str, object]] = ()
    footer: Sequence[Sequence] = ()
    sheet_name: str = ""


# ---- cells ---------------------------------------------------------------------------------------


def cell_value(column_type, value):
    """The value a cell of ``column_type`` holds: a date, a local time without zone (spreadsheets
    know none), a number, or text; None when empty. A value that does not fit its column (a
    "Total" label in a number column) is written as text."""
    if value in EMPTY_VALUES:
        return None
    if column_type == ColumnType.DATETIME and isinstance(value, datetime.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if column_type == ColumnType.DATE and isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime):
            return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
        return value
    if column_type in (ColumnType.INT, ColumnType.DECIMAL) and isinstance(
        value, int | float | decimal.Decimal
    ):
        return value
    return force_str(value)


def row_values(types, row):
    """The cell values of ``row`` under columns of ``types`` (as many values as columns)."""
    return [cell_value(t, v) for t, v in zip(types, row, strict=True)]


def csv_cell(value):
    """A CSV cell: dates in ISO 8601, text that looks like a formula behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def display_width(text):
    """Columns ``text`` takes in a spreadsheet: wide (CJK) characters count two."""
    text = str(text)
    lines = text.splitlines()
    if text.isascii():  # most cells (numbers, codes, addresses): no need to look closer
        return max(map(len, lines), default=0)
    return max(
        (
            len(line) + sum(unicodedata.east_asian_width(char) in "WF" for char in line)
            for line in lines
        ),
        default=0,
    )


def value_width(value):
    if isinstance(value, datetime.datetime):
        return len("2026-12-07 14:05")
    return display_width(csv_cell(value))


# ---- filters and the title row -------------------------------------------------------------------


def describe_filters(filterset):
    """(label, value) of each filter ``filterset`` applies (home.filters.active_filters)."""
    return [(active.label, active.value) for active in active_filters(filterset)]


def title_line(table, exported_at=None):
    """The XLSX title row: the table's title, the filter used and the local time of export
    (2026年12月7日 14:05 in Chinese)."""
    filters = pgettext("separator between filters", "; ").join(
        _("%(label)s: %(value)s") % {"label": label, "value": value}
        for label, value in table.filters
    )
    return _("%(title)s — filter: %(filters)s — exported %(time)s") % {
        "title": table.title,
        "filters": filters or pgettext("filters", "none"),
        "time": formats.date_format(timezone.localtime(exported_at), "DATETIME_FORMAT"),
    }


# ---- CSV -----------------------------------------------------------------------------------------


class _Echo:
    """A file for csv.writer that hands each line back instead of storing it."""

    def write(self, value):
        return value


def csv_lines(table):
    """The table as CSV text in chunks: a byte-order mark (so Excel reads UTF-8), the header,
    the rows, the footer."""
    writer = csv.writer(_Echo())
    types = [column.type for column in table.columns]
    chunk = ["\ufeff", writer.writerow([csv_cell(column.label) for column in table.columns])]
    for row in chain(table.rows, table.footer):
        chunk.append(writer.writerow([csv_cell(value) for value in row_values(types, row)]))
        if len(chunk) >= CSV_ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)


def csv_response(table, filename):
    response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    return response


# ---- XLSX ----------------------------------------------------------------------------------------


def fitted_widths(columns, rows):
    """Each column's width: its fixed width, else its widest cell or label (plus room for the
    filter button), between MIN_WIDTH and MAX_WIDTH."""
    widest = [display_width(column.label) + 2 for column in columns]
    for row in rows:
        for index, value in enumerate(row):
            if value is not None:
                widest[index] = max(widest[index], value_width(value))
    return [
        column.width or min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
        for column, width in zip(columns, widest, strict=True)
    ]


def sheet_title(table, taken):
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    name = table.sheet_name or table.title
    name = "".join(" " if char in "[]:*?/\\" else char for char in str(name)).strip()[:31]
    name = name or "Sheet"
    base, number = name, 2
    while name in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    return name


def write_xlsx(tables, file, exported_at=None):
    """Write ``tables`` as the sheets of one workbook into ``file``.

    openpyxl's write-only mode keeps memory low, but it writes column widths and the frozen pane
    before the first row, so a table's rows are read once into plain values to fit the widths.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter

    def cell(sheet, column_type, value, font=None):
        """A plain value where openpyxl's default is right (text, whole numbers), else a cell
        with its number format, typed as text if openpyxl would take it for a formula."""
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters: not valid XML
            if not value.startswith("=") and font is None:
                return value
        elif value is None or column_type not in NUMBER_FORMATS:
            return value
        result = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            result.data_type = "s"  # text, never a formula
            if font is not None:
                result.font = font
        else:
            result.number_format = NUMBER_FORMATS[column_type]
        return result

    workbook = Workbook(write_only=True)
    workbook.properties.title = str(tables[0].title)
    bold = Font(bold=True)
    for table in tables:
        types = [column.type for column in table.columns]
        rows = [row_values(types, row) for row in table.rows]
        footer = [row_values(types, row) for row in table.footer]
        sheet = workbook.create_sheet(sheet_title(table, workbook.sheetnames))
        for index, width in enumerate(fitted_widths(table.columns, rows + footer), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
        sheet.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
        title = title_line(table, exported_at)
        sheet.append([cell(sheet, ColumnType.TEXT, title, Font(bold=True, size=13))])
        sheet.append([cell(sheet, ColumnType.TEXT, str(c.label), bold) for c in table.columns])
        for row in chain(rows, footer):
            sheet.append([cell(sheet, t, value) for t, value in zip(types, row, strict=True)])
        last_column = get_column_letter(len(table.columns))
        sheet.auto_filter = AutoFilter(ref=f"A{HEADER_ROW}:{last_column}{HEADER_ROW + len(rows)}")
    workbook.save(file)


def xlsx_response(tables, filename):
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.xlsx")
    write_xlsx(tables, response)
    return response


# ---- the one entry point for views ---------------------------------------------------------------


def export_response(tables, fmt, filename):
    """A download of ``tables`` (one Table, or several as the sheets of one workbook; a CSV holds
    one) in format ``fmt``, "csv" or "xlsx", as ``filename`` plus the extension (Chinese names
    work: RFC 5987 ``filename*``). Any other format is a 404, never a 500."""
    tables = [tables] if isinstance(tables, Table) else list(tables)
    if fmt == CSV:
        (table,) = tables
        return csv_response(table, filename)
    if fmt == XLSX:
        return xlsx_response(tables, filename)
    raise Http404
