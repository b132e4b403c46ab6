"""Admin integration of disclosures: catalogue snippets, withdrawal and take-down, the guard on a
taken-down disclosure's revisions, delete and copy protection, portal."""

import datetime

from django.contrib import messages
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from disclosure import admin_views
from disclosure import panels as work_queues
from disclosure.figures import key_figures
from disclosure.models import (
    Category,
    DisclosureIndexPage,
    DisclosurePage,
    Membership,
    OrganizationPage,
    Validity,
    for_listing,
    public_disclosures,
    readable_disclosures,
)
from disclosure.models.disclosures import TAKE_DOWN_ACTION, WITHDRAW_ACTION
from disclosure.roles import DELETE_PUBLISHED_DISCLOSURES, is_moderator, managed_organizations
from home.admin_privacy import PermissionCheckedSnippetViewSet
from home.caching import cached_snapshot, index_url
from home.sections import PortalSection

# Sent to the portal; site.css shows fewer where the column beside them is shorter.
PORTAL_LATEST = 8
PORTAL_CHART_MONTHS = 12


class CategoryViewSet(PermissionCheckedSnippetViewSet):
    model = Category
    # The categories are the public catalogue, and every editor chooses one on a disclosure
    # (DisclosurePage.category) without any permission on categories: their chooser stays open.
    chooser_viewset_class = SnippetChooserViewSet
    icon = "list-ul"
    menu_label = gettext_lazy("Disclosure categories")
    list_display = ["name", "kind", "order"]
    list_filter = ["kind"]
    ordering = ["order"]


register_snippet(CategoryViewSet)


class WithdrawMenuItem(PageMenuItem):
    icon_name = "warning"
    url_name = "disclosure_withdraw"
    priority = 45

    @property
    def label(self):
        if getattr(self.page.specific_deferred, "is_withdrawn", False):
            return _("Take down")
        return _("Withdraw or take down")

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, DisclosurePage) and admin_views.can_withdraw(page, user)


@hooks.register("register_admin_urls")
def register_withdraw_url():
    return [
        path(
            "disclosures/<int:page_id>/withdraw/",
            admin_views.withdraw,
            name="disclosure_withdraw",
        ),
        path("members/import/", admin_views.import_members, name="disclosure_import_members"),
    ]


class ImportMembersMenuItem(MenuItem):
    def is_shown(self, request):
        return managed_organizations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMembersMenuItem(
        gettext_lazy("Import members"),
        reverse("disclosure_import_members"),
        icon_name="group",
        order=900,
    )


class MembershipViewSet(PermissionCheckedSnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = gettext_lazy("Memberships")
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "user__first_name"]
    search_backend_name = None  # plain database lookups on the user


register_snippet(MembershipViewSet)


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    yield WithdrawMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield WithdrawMenuItem(page=page)


class ReasonFormatter(LogFormatter):
    """A withdrawal or take-down in the page's history: what happened, and the reason given."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


@hooks.register("register_log_actions")
def register_withdraw_log_actions(actions):
    @actions.register_action(WITHDRAW_ACTION)
    class WithdrawFormatter(ReasonFormatter):
        label = gettext_lazy("Withdraw")
        message = gettext_lazy("Withdrawn: the text stays, marked as withdrawn")

    @actions.register_action(TAKE_DOWN_ACTION)
    class TakeDownFormatter(ReasonFormatter):
        label = gettext_lazy("Take down")
        message = gettext_lazy("Taken down: summary, text and attachments removed")

    @actions.register_action(admin_views.VIEW_REMOVED_REVISION_ACTION)
    class ViewRemovedRevisionFormatter(LogFormatter):
        label = gettext_lazy("View a taken-down version")

        def format_message(self, log_entry):
            view = (log_entry.data or {}).get("view", "")
            return _("Viewed an earlier version of this taken-down disclosure: %(view)s") % {
                "view": admin_views.REVISION_VIEWS.get(view, view)
            }


class DisclosurePageViewSet(PageViewSet):
    """Disclosures' admin views: those of whichever viewset serves every page type, with the
    revision views guarded on taken-down disclosures (admin_views.guard_removed_revisions).

    Wagtail routes each page URL (wagtail/admin/urls/pages.py) through the viewset registered
    for the page's type, so this guards preview, compare, revert and workflow preview of every
    revision however it is reached, with no URL or middleware of our own. The other views are
    taken at request time from the viewset registered for ``Page``, so a project-wide page
    viewset still applies to disclosures.
    """

    model = DisclosurePage
    parent_models = []  # the explorer's listing of an organisation stays Wagtail's own

    def get_view_by_name(self, name):
        view = page_viewset_registry.get_by_type(Page).get_view_by_name(name)
        if name in admin_views.REVISION_VIEWS:
            return admin_views.guard_removed_revisions(view, name)
        return view


@hooks.register("register_admin_viewset")
def register_disclosure_page_viewset():
    return DisclosurePageViewSet("disclosure_pages")


@hooks.register("before_edit_page")
def explain_taken_down_edit(request, page):
    """Editing a taken-down disclosure keeps only its record: say so before anything is typed."""
    page = page.specific_deferred
    if request.method == "GET" and isinstance(page, DisclosurePage) and page.is_removed:
        messages.warning(
            request,
            _(
                "This disclosure has been taken down: its summary, text and attachments are not "
                "kept, and anything entered there is dropped when it is saved."
            ),
        )


@hooks.register("before_copy_page")
def refuse_copying_organisations(request, page):
    """An organisation is one legal entity (its credit code is unique): it is added, not copied."""
    if isinstance(page.specific_deferred, OrganizationPage):
        messages.error(request, _("An organisation cannot be copied: add a new one instead."))
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


def published_disclosures_among(pages):
    """Disclosures that were ever published: they have a 索引号 for good."""
    specific = [page.specific_deferred for page in pages]
    return [page for page in specific if isinstance(page, DisclosurePage) and page.index_number]


def refuse_deleting_published(request, pages):
    if request.user.has_perm(DELETE_PUBLISHED_DISCLOSURES):
        return None
    if not published_disclosures_among(pages):
        return None
    messages.error(
        request,
        _("A published disclosure is never deleted: withdraw it instead, giving the reason."),
    )
    return redirect(reverse("wagtailadmin_explore", args=[pages[0].get_parent().pk]))


@hooks.register("before_delete_page")
def protect_published_disclosure(request, page):
    return refuse_deleting_published(request, [page])


@hooks.register("before_bulk_action")
def protect_published_disclosures_in_bulk(request, action_type, objects, action_class_instance):
    # Every bulk action passes here: documents and images are deleted in bulk too.
    if action_type == "delete" and issubclass(action_class_instance.model, Page):
        return refuse_deleting_published(request, list(objects))
    return None


@hooks.register("register_portal_section")
def latest_disclosures_section(request):
    items = list(for_listing(readable_disclosures(request.user))[:PORTAL_LATEST])
    if not items:
        return None
    return PortalSection(
        key="disclosures",
        template="disclosure/includes/portal_latest.html",
        context={"items": items},
        more_url=index_url(DisclosureIndexPage),
    )


def last_months(count, today=None):
    """The first days of the last ``count`` months, oldest first, this month last."""
    month = (today or timezone.localdate()).replace(day=1)
    months = []
    for _step in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


def disclosures_per_month(months=PORTAL_CHART_MONTHS, today=None):
    """Public disclosures published in each of the last ``months`` months (one grouped query),
    with each bar's height in percent of the busiest month, for the portal's chart."""
    first_days = last_months(months, today)
    counts = dict(
        public_disclosures()
        .filter(published_on__gte=first_days[0])
        .annotate(month=TruncMonth("published_on"))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    busiest = max(counts.values(), default=0)
    bars = []
    for month in first_days:
        count = counts.get(month, 0)
        # A month with any disclosure shows at least a sliver, so it is not read as none.
        height = max(round(100 * count / busiest), 2) if count else 0
        bars.append({"month": month, "count": count, "height": height, "y": 100 - height})
    return bars


@hooks.register("register_portal_section")
def key_figures_section(request):
    figures = cached_snapshot("key-figures", key_figures)
    if not figures["total"]:
        return None
    this_month = timezone.localdate().replace(day=1)
    # Keyed by the month too: the chart moves on at midnight on the first, not when content does.
    bars = cached_snapshot(f"disclosures-per-month:{this_month:%Y-%m}", disclosures_per_month)
    return PortalSection(
        key="figures",
        template="disclosure/includes/portal_figures.html",
        context={
            **figures,
            "bars": bars if any(bar["count"] for bar in bars) else [],
            # A date format: "Jan" in English, "1月" in Chinese.
            "month_format": pgettext("date format of a month under a chart's bar", "M"),
        },
    )


@hooks.register("search_exact_match")
def disclosure_by_index_number(request, query):
    """A search for exactly a 索引号 opens that disclosure, if the visitor may read it."""
    page = (
        readable_disclosures(request.user, include_withdrawn=True)
        .filter(index_number=query.strip().upper())
        .first()
    )
    return page.url if page else None


@hooks.register("search_rank_facts")
def disclosure_rank_facts(ids):
    """What the search ranking needs of disclosures: the summary, the 文号, whether the item is
    current (not withdrawn, not repealed) and its date of publication (home/search/views.py)."""
    rows = DisclosurePage.objects.filter(pk__in=ids).values_list(
        "pk", "summary", "document_number", "validity", "withdrawn_at", "published_on"
    )
    return {
        pk: {
            "summary": summary,
            "reference": number,
            "current": validity != Validity.REPEALED and withdrawn_at is None,
            "date": published_on,
        }
        for pk, summary, number, validity, withdrawn_at, published_on in rows
    }


@hooks.register("construct_homepage_panels")
def add_work_queue_panels(request, panels):
    """The committee's review queue, and what was returned for changes; an editor's drafts
    (disclosure.panels)."""
    user = request.user
    if is_moderator(user):
        # Replaces Wagtail's "Awaiting your review", which asks the database again for every
        # page listed.
        panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
        panels.append(work_queues.awaiting_review_panel())
    for panel in (work_queues.returned_panel(user), work_queues.drafts_panel(user)):
        if panel is not None:
            panels.append(panel)
