"""Printable boards: an A4 or A3 portrait poster of a public page for paper notice boards.

A public disclosure or a monthly programme gets a poster with its facts and a QR code to the
page; anything else (another page type, a draft, a withdrawn or restricted item) is a 404, so a
poster never shows what the page itself would not show to anyone.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from disclosure.models import public_disclosures
from home.qr import qr_svg
from integrity.models import MonthlyProgramPage

SIZES = ("a4", "a3")


def public_disclosure(page_id):
    """The live, public, not withdrawn disclosure ``page_id``, or None."""
    return (
        public_disclosures().filter(pk=page_id).select_related("category", "organization").first()
    )


def public_programme(page_id):
    """The live, public monthly programme ``page_id``, or None."""
    return (
        MonthlyProgramPage.objects.public_items()
        .filter(pk=page_id)
        .select_related("film_poster")
        .first()
    )


def board(request, page_id):
    """The poster of a public disclosure or monthly programme; ``?size=a3`` for A3 paper."""
    size = request.GET.get("size", "").lower()
    size = size if size in SIZES else "a4"
    page = public_disclosure(page_id)
    template = "screens/board_disclosure.html"
    if page is None:
        page = public_programme(page_id)
        template = "screens/board_programme.html"
    url = page.get_full_url(request) if page is not None else None
    if url is None:  # no such page, or one outside every site: nothing to point the QR code at
        raise Http404
    return TemplateResponse(
        request,
        template,
        {
            "page": page,
            "size": size,
            "page_url": url,
            "back_url": page.get_url(request) or url,
            "qr_svg": qr_svg(url, omitsize=True),  # sized by the stylesheet
            "printed_on": timezone.localdate(),
        },
    )
