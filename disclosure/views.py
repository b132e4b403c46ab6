"""Views of the disclosure app that are not pages: catalogue exports."""

from django.http import Http404

from disclosure.exports import csv_response, xlsx_response
from disclosure.filters import DisclosureFilter
from disclosure.models import for_listing, public_disclosures

RESPONSES = {"csv": csv_response, "xlsx": xlsx_response}


def export(request, extension):
    """The listing's filtered catalogue as a file; the same filters as /disclosures/."""
    if extension not in RESPONSES:
        raise Http404
    filters = DisclosureFilter(request.GET, queryset=public_disclosures(True))
    return RESPONSES[extension](for_listing(filters.qs), request)
