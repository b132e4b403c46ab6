"""Screens and emergency notices in the admin, with each screen's health."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSetGroup

from home.admin_privacy import PermissionCheckedSnippetViewSet
from home.status import status_tag
from screens import admin_views
from screens.models import EmergencyNotice, Screen, ScreenStatus
from screens.playlist import current_version, screens_with_version


def screen_status(screen):
    """Online / late / offline from the last heartbeat, and whether it plays the current version."""
    tag = status_tag(ScreenStatus(screen.status()))
    if screen.last_seen_at is None:
        return tag
    current = screen.last_version == current_version(screen)
    version = gettext_lazy("current") if current else gettext_lazy("old playlist")
    return format_html(
        "{} {} · {}",
        tag,
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
    list_display = [
        "text",
        Column(
            "all_screens",
            label=gettext_lazy("on every screen"),
            accessor=lambda notice: gettext("yes") if notice.all_screens else gettext("no"),
        ),
        "starts_at",
        "expires_at",
        "cleared_at",
    ]
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


# ---- dashboard work queue (home.dashboard) -------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_offline_screens_panel(request, panels):
    """The committee's queue of screens that stopped calling in (three polls missed)."""
    from datetime import timedelta

    from django.db.models import Q
    from django.utils.translation import gettext as _

    from home.dashboard import QUEUE_ROWS, QueueRow, WorkQueuePanel
    from home.roles import is_moderator

    if not is_moderator(request.user):
        return
    now = timezone.now()
    # No screen polls more often than every 10 s: one not heard from for 30 s may be offline;
    # Screen.status decides with its own interval.
    quiet = Screen.objects.filter(
        Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=now - timedelta(seconds=30))
    ).order_by("last_seen_at", "name")
    offline = [s for s in quiet if s.status(now) == ScreenStatus.OFFLINE]
    rows = [
        QueueRow(
            label=str(screen),
            url=reverse(Screen.snippet_viewset.get_url_name("edit"), args=[screen.pk]),
            detail=_("last seen %(when)s")
            % {"when": timezone.localtime(screen.last_seen_at).strftime("%Y-%m-%d %H:%M")}
            if screen.last_seen_at
            else _("never connected"),
            badge=ScreenStatus.OFFLINE.label,
        )
        for screen in offline[:QUEUE_ROWS]
    ]
    panels.append(
        WorkQueuePanel(
            "screens_offline",
            _("Screens offline"),
            rows,
            total=len(offline),
            empty=_("Every screen is online."),
            more_url=reverse(Screen.snippet_viewset.get_url_name("list")),
            order=130,
        )
    )
