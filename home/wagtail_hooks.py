"""Wagtail hooks of the portal app."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.wagtail_hooks import SettingsMenuItem
from wagtail.snippets.models import register_snippet

from home import admin_choosers, admin_editing, admin_privacy, audit, audit_admin  # noqa: F401
from home.addresses import public_address_warning_applies, public_base_url
from home.dashboard import PublicAddressPanel
from home.models import SearchSynonym
from home.roles import is_moderator
from home.two_factor import RESET_ACTION as TWO_FACTOR_RESET_ACTION
from home.two_factor import SETUP_ACTION as TWO_FACTOR_SETUP_ACTION
from home.visibility import can_read, can_view_file, pages_visible_in_admin


@hooks.register("register_log_actions")
def register_two_factor_log_action(actions):
    actions.register_action(
        TWO_FACTOR_RESET_ACTION,
        gettext_lazy("Reset two-factor login"),
        gettext_lazy("Two-factor login reset: authenticator and recovery codes removed"),
    )
    actions.register_action(
        TWO_FACTOR_SETUP_ACTION,
        gettext_lazy("Two-factor login set up"),
        gettext_lazy("Set up an authenticator app for two-factor login"),
    )


@hooks.register("before_serve_page", order=-1)
def hide_what_the_visitor_may_not_read(page, request, serve_args, serve_kwargs):
    """A restricted page answers the same plain 404 as a page that does not exist, to everyone
    who may not read it, so a guessed address (pinyin slugs make titles guessable) confirms
    nothing. The 404 page offers anonymous visitors the login page, with a way back here.
    """
    if not can_read(request.user, page):
        raise Http404
    return None


@hooks.register("before_serve_document")
def guard_document(document, request):
    """Documents follow the pages that use them (home.visibility.can_view_file); a document the
    visitor may not have is the same 404 as one that does not exist."""
    if not can_view_file(request.user, document):
        raise Http404
    if request.user.is_authenticated and not can_view_file(AnonymousUser(), document):
        audit.record(audit.RESTRICTED_DOWNLOAD, document, user=request.user)
    return None


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Choosers list what the user may read or edit, never other people's drafts.

    Wagtail's page chooser lists every page to anyone in the admin; an editor of one
    organisation would see the titles of another's drafts there.
    """
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_visible_in_admin(request.user).values("pk"))


# The admin names a page only to those who may read or edit it: bulk actions, page views,
# dashboard panels and reports (home.admin_privacy). Wagtail registers its own bulk actions and
# page viewset first (order 0 and -1); these take their places.
for bulk_action in admin_privacy.PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)
# The same viewset with a create view that does not autosave (home.admin_editing).
hooks.register("register_admin_viewset", admin_editing.page_viewset, order=1)
# Documents and images likewise, to those who may change or choose them (the admin API and bulk
# actions); snippet choosers are checked in their viewsets (PermissionCheckedSnippetViewSet).
for bulk_action in admin_privacy.FILE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)
hooks.register("construct_admin_api", admin_privacy.register_file_endpoints, order=1)
hooks.register("construct_homepage_panels", admin_privacy.replace_homepage_panels)
admin_privacy.install_view_patches()

# Choosers and the forms that show chosen items back name only what the user may see
# (home.admin_choosers).
hooks.register("construct_page_chooser_queryset", admin_choosers.refuse_hidden_parent)
hooks.register("before_copy_page", admin_choosers.check_copy_destination)
admin_choosers.install_widget_lookup()

# Editors who cannot publish see “submit for review” as the main button (home.admin_editing).
hooks.register("construct_page_action_menu", admin_editing.submit_first_for_editors)
hooks.register(
    "construct_page_listing_buttons", admin_editing.no_sorting_where_nothing_can_be_added
)


@hooks.register("insert_global_admin_css")
def site_colours_in_the_admin():
    """The site's colours and the shared status tags (home.status) on every admin screen."""
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin.css"))


@hooks.register("construct_help_menu")
def keep_help_on_this_network(request, menu_items):
    """Wagtail's help links (what's new, the editor guide) lead to wagtail.org: off a closed
    network, and in English. The keyboard shortcuts stay."""
    external = ("whats-new-in-wagtail", "editor-guide")
    menu_items[:] = [item for item in menu_items if not item.name.startswith(external)]


@hooks.register("construct_main_menu")
def settings_menu_without_wagtails_version(request, menu_items):
    """Wagtail's settings submenu signs its footer "Wagtail v8.0.1": another product's name and
    version in the portal's own admin (and a version is of use to an attacker, not a clerk)."""
    for index, item in enumerate(menu_items):
        if isinstance(item, SettingsMenuItem):
            menu_items[index] = SubmenuMenuItem(
                item.label, item.menu, name=item.name, icon_name=item.icon_name, order=item.order
            )


@hooks.register("construct_homepage_panels")
def warn_of_a_local_public_address(request, panels):
    """The committee sees, before printing anything, that QR codes would point to a local or
    private-network address (home.addresses); never in development."""
    if is_moderator(request.user) and public_address_warning_applies():
        panels.append(PublicAddressPanel(public_base_url()))


class SearchSynonymViewSet(admin_privacy.PermissionCheckedSnippetViewSet):
    """The committee's synonym table for the site search (home.search.query)."""

    model = SearchSynonym
    icon = "search"
    menu_label = gettext_lazy("Search synonyms")
    add_to_settings_menu = True
    list_display = [
        "term",
        "equivalents",
        Column("both_ways_label", label=gettext_lazy("both ways")),
    ]
    search_fields = ["term", "equivalents"]
    ordering = ["term"]


register_snippet(SearchSynonymViewSet)
