"""The public read API (Wagtail API v2 at /api/v2/): public pages only, for everyone.

Wagtail's pages endpoint shows restricted pages to logged-in sessions. This API is for reuse of
what is public, so it serves the same to every caller and never a restricted page or its title.

Every parameter is checked before it reaches the database, and a bad one is a 400 with
``{"message": "..."}``, as Wagtail's own ``BadRequestError``: a field filter's value by the type
of the model field it filters (``FIELD_TYPES``), offsets and limits, ids, locale, search and its
operator. Searching goes through the site's Chinese search backend (home/search/).
"""

import datetime
import math

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.utils import timezone
from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page, Site

from home.search.views import MAX_QUERY_LENGTH
from home.visibility import public_only

# Far past any number of pages, and offset + limit still fits the database's 64-bit integers.
MAX_OFFSET = 2**62
SEARCH_OPERATORS = ("and", "or")


def parse_integer(field, value):
    number = int(value)
    low, high = integer_range(field)
    if not low <= number <= high:
        raise ValueError(value)
    return number


def integer_range(field):
    return connection.ops.integer_field_range(field.get_internal_type())


def parse_date(field, value):
    return models.DateField().to_python(value)


def parse_datetime(field, value):
    """A date (the whole day) or a date and time; naive times are in the site's time zone."""
    try:
        return parse_date(field, value)
    except ValidationError:
        moment = models.DateTimeField().to_python(value)
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def parse_number(field, value):
    number = field.to_python(value)
    if not math.isfinite(number):  # NaN and Infinity are not values a column holds
        raise ValueError(value)
    return number


def parse_text(field, value):
    return value


# How a ?field=value filter reads its value, by the type of the model field, most specific type
# first. A field of any other type (StreamField, JSON, reverse relations) cannot be filtered.
FIELD_TYPES = [
    (models.BooleanField, parse_boolean, "true or false"),
    (models.IntegerField, parse_integer, "an integer from {low} to {high}"),
    (models.DateTimeField, parse_datetime, "a date (YYYY-MM-DD) or a date and time (ISO 8601)"),
    (models.DateField, parse_date, "a date (YYYY-MM-DD)"),
    ((models.DecimalField, models.FloatField), parse_number, "a number"),
    ((models.CharField, models.TextField), parse_text, "text"),
]


def filter_value(model, name, value):
    """The lookup and value of the filter ``?name=value`` on ``model``, or a BadRequestError."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    while isinstance(field, models.ForeignKey):  # a link to a page is one to its page_ptr
        field = field.target_field
    parse, expected = next(
        ((parse, expected) for types, parse, expected in FIELD_TYPES if isinstance(field, types)),
        (None, None),
    )
    if parse is None:
        raise BadRequestError(f"cannot filter by '{name}'")
    try:
        parsed = parse(field, value)
    except (ValueError, TypeError, ValidationError) as error:
        if isinstance(field, models.IntegerField):
            low, high = integer_range(field)
            expected = expected.format(low=low, high=high)
        raise BadRequestError(f"{name} must be {expected}") from error
    choices = [str(key) for key, label in field.flatchoices]
    if choices and str(parsed) not in choices:
        raise BadRequestError(f"{name} must be one of: {', '.join(choices)}")
    is_whole_day = isinstance(field, models.DateTimeField) and type(parsed) is datetime.date
    return (f"{name}__date" if is_whole_day else name), parsed


def links_to_page(model, name):
    field = model._meta.get_field(name)
    return isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)


def is_public_page_id(page_id):
    return public_only(Page.objects.live().filter(pk=page_id)).exists()


class FieldsFilter(filters.FieldsFilter):
    """``?field=value`` on the API's database fields, each value read by its field's type."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # a parameter of its own, see LocaleFilter
        for name, value in request.GET.items():
            if name in fields:
                lookup, parsed = filter_value(queryset.model, name, value)
                if links_to_page(queryset.model, name) and not is_public_page_id(parsed):
                    # A link to a page the public may not see matches nothing, so the filter
                    # is no way to learn that the page exists.
                    return queryset.none()
                queryset = queryset.filter(**{lookup: parsed})
        return queryset


class LocaleFilter(filters.LocaleFilter):
    """An unknown ``?locale=`` is a bad parameter (400), as an unknown ``?type=`` is."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError("locale doesn't exist")
        return super().filter_queryset(request, queryset, view)


class SearchFilter(filters.SearchFilter):
    """``?search=`` with the site's Chinese search backend, over the pages filtered so far.

    The database backends cannot read the visibility policy's conditions (``Exists``) or filters
    on fields they do not index, so the filtered pages reach them as a list of ids, which they
    can. Listings only: a detail view is one page.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET or view.action != "listing_view":
            return queryset
        if len(request.GET["search"]) > MAX_QUERY_LENGTH:
            raise BadRequestError(f"search must be at most {MAX_QUERY_LENGTH} characters")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(f"search_operator must be one of: {', '.join(SEARCH_OPERATORS)}")
        if "?" in queryset.query.order_by:
            raise BadRequestError("random ordering with a search is not supported")
        ids = queryset.order_by().values("pk")
        queryset = queryset.model.objects.filter(pk__in=ids).order_by(*queryset.query.order_by)
        return super().filter_queryset(request, queryset, view)


class Pagination(WagtailPagination):
    """Wagtail's offset and limit, with an offset the database can take (the limit is at most
    WAGTAILAPI_LIMIT_MAX)."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own check below says what is wrong
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicHtmlUrlField(PageHtmlUrlField):
    """``meta.html_url`` at the site's public address (home.addresses). A listing holds plain
    Page objects, which address themselves by the Site record; the page as its own type (no
    query: ``specific_deferred``) uses the public address, as the detail view does."""

    def to_representation(self, page):
        return super().to_representation(page.specific_deferred)


class PublicPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint over public pages, with every parameter checked (a 400, never
    a 500)."""

    base_serializer_class = PublicPageSerializer
    pagination_class = Pagination
    filter_backends = [
        FieldsFilter,
        filters.ChildOfFilter,
        filters.AncestorOfFilter,
        filters.DescendantOfFilter,
        filters.OrderingFilter,
        filters.TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]

    def initial(self, request, *args, **kwargs):
        """Before any parameter is read: no NUL anywhere (PostgreSQL refuses it in text)."""
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(f"null characters are not allowed in {name}")

    def get_base_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequestError("unknown site")
        pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
        return public_only(pages)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            filter_value(Page, "id", request.GET["id"])
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
