"""Reader querysets shared by every app."""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction

# Per-request memory of the restricted sections: several listings on one page need them.
_request = Local()


def _start_request(**kwargs):
    _request.active = True
    _request.section_paths = None


def _end_request(**kwargs):
    _request.active = False
    _request.section_paths = None


request_started.connect(_start_request)
request_finished.connect(_end_request)


def private_section_paths():
    """Paths of restricted pages that have children (a handful), once per request."""
    paths = getattr(_request, "section_paths", None)
    if paths is None:
        restricted = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
        paths = list(
            Page.objects.filter(numchild__gt=0)
            .filter(restricted)
            .order_by()  # unordered, so SQLite uses the numchild index
            .values_list("path", flat=True)
        )
        if getattr(_request, "active", False):
            _request.section_paths = paths
    return paths


def exclude_private(queryset):
    """Pages under no view restriction: Wagtail's ``PageQuerySet.public()``, made to scale.

    Wagtail's ``public()`` ORs one path condition per restriction into the SQL; with a
    restriction on each of thousands of disclosures that query grows with the data (and SQLite
    refuses it past 1,000 terms). A page is private when it or an ancestor is restricted.
    Ancestors have children, so restrictions on pages with children stay path conditions (a few
    sections); a restriction on the page itself is an indexed EXISTS.
    """
    in_private_section = Q()
    for path in private_section_paths():
        in_private_section |= Q(path__startswith=path)
    restricted_itself = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
    queryset = queryset.exclude(restricted_itself)
    return queryset.exclude(in_private_section) if in_private_section else queryset
