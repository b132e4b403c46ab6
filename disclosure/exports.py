"""The filtered catalogue as CSV or XLSX: the disclosure table, written by home.exports."""

from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.filters import DisclosureFilter
from disclosure.models import public_disclosures
from home.exports import Column, ColumnType, Table, describe_filters, export_response

CHUNK = 500


def export_columns(request):
    """(column, value of a disclosure) of each column of the catalogue."""
    return [
        (Column(_("Index number")), lambda d: d.index_number),
        (Column(_("Title")), lambda d: d.title),
        (Column(_("Published by")), lambda d: d.organization.title),
        (Column(_("Kind")), lambda d: d.get_kind_display()),
        (Column(_("Category")), lambda d: d.category.name),
        (Column(_("Document number")), lambda d: d.document_number),
        (Column(_("Date written"), ColumnType.DATE), lambda d: d.date_written),
        (Column(_("Date published"), ColumnType.DATE), lambda d: d.published_on),
        (Column(_("Period")), lambda d: d.period_label),
        (Column(_("Validity")), lambda d: d.get_validity_display()),
        (Column(_("Display until"), ColumnType.DATE), lambda d: d.display_until),
        (Column(_("Withdrawn"), ColumnType.DATE), lambda d: d.withdrawn_at),
        (Column(_("Web address")), lambda d: d.get_full_url(request)),
    ]


def disclosure_table(queryset, request):
    """The catalogue of ``queryset`` (read in chunks, never all at once), titled with the
    listing's filters as the request gives them."""
    columns = export_columns(request)
    filters = DisclosureFilter(request.GET, queryset=public_disclosures(True))
    return Table(
        title=_("Disclosure catalogue"),
        sheet_name=_("Disclosures"),
        columns=[column for column, _value in columns],
        rows=(
            [value(disclosure) for _column, value in columns]
            for disclosure in queryset.iterator(chunk_size=CHUNK)
        ),
        filters=describe_filters(filters),
    )


def filename():
    return f"disclosures-{timezone.localdate().isoformat()}"


def csv_response(queryset, request):
    return export_response(disclosure_table(queryset, request), "csv", filename())


def xlsx_response(queryset, request):
    return export_response(disclosure_table(queryset, request), "xlsx", filename())
