"""Admin integration of disclosures: catalogue snippets, withdrawal, delete protection, portal."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from disclosure import admin_views
from disclosure.demo import add_demo_arguments, load_disclosure_demo
from disclosure.models import Category, DisclosureIndexPage, DisclosurePage, Membership
from disclosure.panels import ReturnedForChangesPanel
from disclosure.queries import for_listing, key_figures, readable_disclosures
from home.caching import cached_snapshot
from home.sections import PortalSection

PORTAL_LATEST = 6


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = gettext_lazy("Disclosure categories")
    list_display = ["name", "kind", "order"]
    list_filter = ["kind"]
    ordering = ["order"]


register_snippet(CategoryViewSet)


class WithdrawMenuItem(PageMenuItem):
    label = gettext_lazy("Withdraw")
    icon_name = "warning"
    url_name = "disclosure_withdraw"
    priority = 45

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
        return admin_views.importable_organizations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMembersMenuItem(
        gettext_lazy("Import members"),
        reverse("disclosure_import_members"),
        icon_name="group",
        order=900,
    )


class MembershipViewSet(SnippetViewSet):
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


@hooks.register("register_log_actions")
def register_withdraw_log_action(actions):
    actions.register_action(
        admin_views.WITHDRAW_ACTION, gettext_lazy("Withdraw"), gettext_lazy("Withdrawn")
    )


def published_disclosures_among(pages):
    """Disclosures that were ever published: they have a 索引号 for good."""
    specific = [page.specific_deferred for page in pages]
    return [page for page in specific if isinstance(page, DisclosurePage) and page.index_number]


def refuse_deleting_published(request, pages):
    if request.user.has_perm("disclosure.delete_published_disclosure"):
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
    if action_type == "delete":
        return refuse_deleting_published(request, list(objects))
    return None


@hooks.register("register_portal_section")
def latest_disclosures_section(request):
    items = list(for_listing(readable_disclosures(request.user))[:PORTAL_LATEST])
    if not items:
        return None
    index = DisclosureIndexPage.objects.live().first()
    return PortalSection(
        key="disclosures",
        template="disclosure/includes/portal_latest.html",
        context={"items": items},
        more_url=index.url if index else "",
    )


@hooks.register("register_portal_section")
def key_figures_section(request):
    figures = cached_snapshot("key-figures", key_figures)
    if not figures["total"]:
        return None
    return PortalSection(
        key="figures", template="disclosure/includes/portal_figures.html", context=figures
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


hooks.register("register_demo_arguments", add_demo_arguments)
hooks.register("register_demo_content", load_disclosure_demo, order=10)


@hooks.register("construct_homepage_panels")
def add_returned_panel(request, panels):
    panels.append(ReturnedForChangesPanel(request))
