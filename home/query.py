"""Reader querysets shared by every app: which pages a visitor may see listed."""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction

# Per-request memory of the restricted sections: several listings on one page need them.
_request = Local()


def _start_request(**kwargs):
    _request.active = True
    _request.sections = None


def _end_request(**kwargs):
    _request.active = False
    _request.sections = None


request_started.connect(_start_request)
request_finished.connect(_end_request)


def private_sections():
    """Restrictions on pages that have children (a handful), with the pages' paths."""
    sections = getattr(_request, "sections", None)
    if sections is None:
        restricted = Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk")))
        paths = list(
            Page.objects.filter(numchild__gt=0)
            .filter(restricted)
            .order_by()  # unordered, so SQLite uses the numchild index
            .values_list("path", flat=True)
        )
        sections = []
        if paths:
            sections = list(
                PageViewRestriction.objects.filter(page__path__in=paths)
                .select_related("page")
                .prefetch_related("groups")
            )
        if getattr(_request, "active", False):
            _request.sections = sections
    return sections


def user_group_ids(user):
    if not hasattr(user, "_reader_group_ids"):
        user._reader_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._reader_group_ids


def accepts(restriction, user):
    """Wagtail's rule for one restriction (PageViewRestriction.accept_request), without a request.

    Password restrictions never list: the password lives in a session, a listing has none.
    """
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return bool({group.pk for group in restriction.groups.all()} & user_group_ids(user))
    return False


def readable_by(queryset, user):
    """Pages of ``queryset`` that ``user`` may open, under Wagtail's view restrictions.

    A page is readable when every restriction on it and on its ancestors accepts the user.
    Sections (restricted pages with children) are few and checked here; a restriction on the
    page itself is checked in SQL, so the query does not grow with the number of restrictions
    (Wagtail's ``public()`` adds one condition per restriction).
    """
    if user is not None and user.is_authenticated and user.is_superuser:
        return queryset
    closed = Q()
    for restriction in private_sections():
        if user is None or not accepts(restriction, user):
            closed |= Q(path__startswith=restriction.page.path)
    own = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    if user is not None and user.is_authenticated:
        own = own.exclude(
            Q(restriction_type=PageViewRestriction.LOGIN)
            | Q(restriction_type=PageViewRestriction.GROUPS, groups__in=user_group_ids(user))
        )
    queryset = queryset.exclude(Exists(own))
    return queryset.exclude(closed) if closed else queryset


def exclude_private(queryset):
    """Pages under no view restriction at all: what anyone may see (Wagtail's ``public()``)."""
    return readable_by(queryset, None)
