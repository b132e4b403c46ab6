"""The visibility policy: who may read a page, a document, an image or a media file.

Every channel that carries reader content (pages, listings, search, feeds, sitemap, API, screens,
posters, exports, related links, document, image and media serving, the admin's lists) asks this
module, so the rule is found with one grep and changed in one place:

- ``readable_by(queryset, user)`` / ``public_only(queryset)``: pages under Wagtail's view
  restrictions, as queryset filters (also as ``ReaderQuerySet`` methods on every site page type);
- ``public_items(queryset)`` / ``is_public_item(page)``: what anonymous reuse channels (feeds,
  API, screens, posters) may carry: live, unrestricted, and not held back by the page type
  itself (a withdrawn disclosure, see ``SitePage.public_item_filter``);
- ``can_read(user, page)``, and ``can_view_file(user, obj)`` for
  documents, images and media: a file is served to those who may read a live page that uses it,
  or who manage it;
- ``pages_visible_in_admin(user)``: the admin names a page only to those who may read it or
  edit it (``pages_editable_by``);
- ``manages(user, obj)`` / ``files_managed_by(user, model)``: the documents and images the admin
  names to a user (its API, bulk actions) are those they may change or choose;
- ``may_use_records(user, model)``: the admin lists a snippet model's records (its chooser) only
  to those with a permission on the model.
"""

from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from wagtail import hooks
from wagtail.models import (
    Page,
    PageManager,
    PageViewRestriction,
    ReferenceIndex,
    TaskState,
    get_default_page_content_type,
)
from wagtail.permissions import policy_registry
from wagtail.query import PageQuerySet

from home.request_cache import forget, remember


def private_sections():
    """Restrictions on pages that have children (a handful), with the pages' paths; worked out
    once per request (several listings on one page need them)."""
    return remember("visibility:private-sections", _private_sections)


def _private_sections():
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
    return sections


def user_group_ids(user):
    """The user's group ids, once per request."""
    return remember(
        ("visibility:groups", user.pk),
        lambda: set(user.groups.values_list("pk", flat=True)),
    )


def forget_user_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """A change of groups within a request (the admin's user form) is seen by its next check."""
    if action.startswith("post_"):
        user_ids = (pk_set or ()) if reverse else [instance.pk]
        for pk in user_ids:
            forget(("visibility:groups", pk))


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


def public_only(queryset):
    """Pages under no view restriction at all: what anyone may see (Wagtail's ``public()``)."""
    return readable_by(queryset, None)


def public_item_filter(model):
    """The page type's own conditions for reuse channels to carry a page, as field lookups
    (``SitePage.public_item_filter``): used as a queryset filter and on a page in hand alike."""
    return getattr(model, "public_item_filter", {})


def public_items(queryset):
    """What feeds, screens and posters may carry: live, unrestricted pages that their type does
    not hold back (a withdrawn or taken-down disclosure, a restricted audience)."""
    return public_only(queryset.live()).filter(**public_item_filter(queryset.model))


def is_public_item(page):
    """Whether ``page`` is one of ``public_items``: the same rule for one page in hand, with no
    query beyond its view restrictions (which the page's own check has already asked for)."""
    page = page.specific_deferred if type(page) is Page else page
    if not page.live or not _meets(page, public_item_filter(type(page))):
        return False
    return not page.get_view_restrictions()


def _meets(page, lookups):
    """Whether ``page``'s own values satisfy ``lookups`` (``field`` or ``field__isnull`` only)."""
    for lookup, wanted in lookups.items():
        name, _, test = lookup.partition("__")
        value = getattr(page, name)
        if test == "isnull":
            if (value is None) != wanted:
                return False
        elif test:
            raise ValueError(f"public_item_filter supports only exact and isnull: {lookup}")
        elif value != wanted:
            return False
    return True


def can_read(user, page):
    """Whether ``user`` may open the live ``page``: every view restriction on it and its
    ancestors accepts them (the same rule as ``readable_by``, for one page in hand)."""
    if not page.live:
        return False
    if user is not None and user.is_authenticated and user.is_superuser:
        return True
    return all(accepts(restriction, user) for restriction in page.get_view_restrictions())


class ReaderQuerySet(PageQuerySet):
    """``PageQuerySet`` with the policy's filters, in the style of ``live()`` and ``public()``."""

    def readable_by(self, user):
        return readable_by(self, user)

    def public_only(self):
        return public_only(self)

    def public_items(self):
        return public_items(self)


ReaderPageManager = PageManager.from_queryset(ReaderQuerySet)


# ---- the admin: whose titles a user sees --------------------------------------------------


def pages_editable_by(user):
    """Pages ``user`` may edit, as Wagtail's ``PagePermissionTester.can_edit`` decides: under a
    "change" permission, their own pages under an "add" one, and pages whose current workflow
    task they review."""
    if not user.is_authenticated or not user.is_active:
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    reviewing = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=get_default_page_content_type())
        .annotate(page_id=Cast("workflow_state__object_id", IntegerField()))
        .values("page_id")
    )
    return Page.objects.filter(Q(pk__in=editable.values("pk")) | Q(pk__in=reviewing))


def pages_visible_in_admin(user):
    """Pages whose title ``user`` may see in the admin: those they may read (live, under the view
    restrictions) or edit. Every admin list, report and confirmation that names pages is drawn
    from these (home.admin_privacy)."""
    if user.is_authenticated and user.is_superuser:
        return Page.objects.all()
    readable = readable_by(Page.objects.live(), user).values("pk")
    return Page.objects.filter(Q(pk__in=readable) | Q(pk__in=pages_editable_by(user).values("pk")))


# ---- files: documents, images and media ----------------------------------------------------


def manages(user, obj):
    """Whether ``user`` may change or choose ``obj`` in the admin (its collection's permissions)."""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(obj))
    if policy is None:
        return user.is_superuser
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], obj)


def files_managed_by(user, model):
    """The documents or images (``model``) ``user`` may change or choose in the admin, as a
    queryset: those in collections where their groups have either permission. The admin's
    document and image API and bulk actions look up only these (home.admin_privacy)."""
    if not user.is_authenticated or not user.is_active:
        return model.objects.none()
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["change", "choose"])


def may_use_records(user, model):
    """Whether ``user`` may have records of ``model`` (a snippet: memberships, learners,
    certificates …) listed in the admin, as in its chooser: only with a permission on the model
    (add, change, delete or view, as its permission policy decides)."""
    if not user.is_authenticated or not user.is_active:
        return False
    policy = policy_registry.get_by_type(model)
    return policy.user_has_any_permission(user, ["add", "change", "delete", "view"])


def users_of(obj):
    """What uses ``obj`` (Wagtail's reference index of live content): page ids, and whether any
    object that is not a page (a screen, the site settings) uses it."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids, other = set(), False
    for content_type_id, object_id in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    ):
        if content_type_id == page_type.pk:
            page_ids.add(int(object_id))
        else:
            other = True
    return page_ids, other


# Apps that show a file to everyone outside any page's fields answer for their own records
# (integrity: the first photo of each practice highlight on the portal): f(obj) -> bool.
PUBLIC_FILE_HOOK = "is_file_shown_publicly"


def can_view_file(user, obj):
    """Whether ``user`` may have the file of a document, image or media item ``obj``.

    It is served to those who manage it, and to those who may read a live page that uses it
    (attaches it, links it from its body, shows it). A file that no live page uses (a draft's,
    a practice report's photo, a taken-down disclosure's attachment) is for those who manage it
    only, unless an app shows it to everyone (``PUBLIC_FILE_HOOK``). Site furniture that is not
    a page (a screen, the site settings) is public.
    """
    if manages(user, obj):
        return True
    page_ids, used_elsewhere = users_of(obj)
    if obj._meta.label_lower != "wagtaildocs.document" and used_elsewhere:
        return True
    if page_ids:
        pages = Page.objects.live().filter(pk__in=page_ids)
        if readable_by(pages, user if user.is_authenticated else None).exists():
            return True
    # Asked last: a file a page shows is answered above without the apps' extra query.
    return any(shown(obj) for shown in hooks.get_hooks(PUBLIC_FILE_HOOK))
