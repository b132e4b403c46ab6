"""Screens and emergency notices in the admin, with each screen's health."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSetGroup

from home.admin_privacy import PermissionCheckedSnippetViewSet
from screens import admin_views
from screens.models import EmergencyNotice, Screen, ScreenStatus
from screens.playlist import current_version, screens_with_version


def screen_status(screen):
    """Online / late / offline from the last heartbeat, and whether it plays the current version."""
    status = screen.status()
    label = ScreenStatus(status).label
    if screen.last_seen_at is None:
        return format_html('<span class="w-status w-status--label">{}</span>', label)
    current = screen.last_version == current_version(screen)
    version = gettext_lazy("current") if current else gettext_lazy("old playlist")
    css = "w-status--primary" if status == "online" and current else "w-status--label"
    return format_html(
        '<span class="w-status {}">{}</span> {} · {}',
        css,
        label,
        timezone.localtime(screen.last_seen_at).strftime("%Y-%m-%d %H:%M:%S"),
        version,
    )


def player_link(screen):
    url = screen.get_absolute_url() + "?preview=1"  # no heartbeat from the admin
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}</a>', url, gettext_lazy("Open player")
    )


class ActionEditView(EditView):
    """An edit view with one more header button: ``extra_button`` = (label, url name, icon,
    permission), shown while ``action_shown(object)`` holds."""

    extra_button = None

    def action_shown(self, instance):
        return True

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        label, url_name, icon, permission = self.extra_button
        if self.request.user.has_perm(permission) and self.action_shown(self.object):
            buttons.append(
                HeaderButton(label, url=reverse(url_name, args=[self.object.pk]), icon_name=icon)
            )
        return buttons


class ScreenEditView(ActionEditView):
    extra_button = (
        gettext_lazy("New address"),
        "screens_new_token",
        "link",
        "screens.change_screen",
    )


class ScreenViewSet(PermissionCheckedSnippetViewSet):
    model = Screen
    icon = "desktop"
    menu_label = gettext_lazy("Screens")
    list_display = [
        "name",
        "place",
        "orientation",
        Column("status", label=gettext_lazy("Status"), accessor=screen_status),
        Column("player", label=gettext_lazy("Player"), accessor=player_link),
    ]
    list_filter = ["orientation", "organization"]
    search_fields = ["name", "place"]
    edit_view_class = ScreenEditView
    copy_view_enabled = False

    def get_queryset(self, request):
        return screens_with_version()


class NoticeEditView(ActionEditView):
    extra_button = (
        gettext_lazy("Clear now"),
        "screens_clear_notice",
        "cross",
        "screens.change_emergencynotice",
    )

    def action_shown(self, notice):
        return notice.cleared_at is None


class EmergencyNoticeViewSet(PermissionCheckedSnippetViewSet):
    model = EmergencyNotice
    edit_view_class = NoticeEditView
    icon = "warning"
    menu_label = gettext_lazy("Emergency notices")
    list_display = ["text", "all_screens", "starts_at", "expires_at", "cleared_at"]
    copy_view_enabled = False


class ScreensGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Screens")
    menu_icon = "desktop"
    menu_order = 330
    items = (ScreenViewSet, EmergencyNoticeViewSet)


register_snippet(ScreensGroup)


@hooks.register("register_admin_urls")
def register_screen_urls():
    return [
        path("screens/<int:pk>/new-token/", admin_views.new_token, name="screens_new_token"),
        path(
            "screens/notices/<int:pk>/clear/",
            admin_views.clear_notice,
            name="screens_clear_notice",
        ),
    ]


@hooks.register("after_create_snippet")
def record_notice_author(request, instance):
    if isinstance(instance, EmergencyNotice):
        EmergencyNotice.objects.filter(pk=instance.pk).update(created_by=request.user)


@hooks.register("register_log_actions")
def register_new_token_log_action(actions):
    actions.register_action(
        admin_views.NEW_TOKEN_ACTION,
        gettext_lazy("New screen address"),
        gettext_lazy("Gave the screen a new address"),
    )
    actions.register_action(
        admin_views.CLEAR_NOTICE_ACTION,
        gettext_lazy("Emergency notice cleared"),
        gettext_lazy("Took the emergency notice off every screen"),
    )
