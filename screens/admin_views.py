"""Admin views of screens: a new secret address for a screen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from home.addresses import public_url
from screens.models import EmergencyNotice, Screen

NEW_TOKEN_ACTION = "screens.new_token"
CLEAR_NOTICE_ACTION = "screens.clear_notice"


def new_token(request, pk):
    """Give a screen a new address: the old one stops working at once (a lost or stolen player)."""
    if not request.user.has_perm("screens.change_screen"):
        raise PermissionDenied
    screen = get_object_or_404(Screen, pk=pk)
    if request.method == "POST":
        screen.regenerate_token()
        log(instance=screen, action=NEW_TOKEN_ACTION, user=request.user)
        messages.success(
            request,
            _("“%(name)s” has a new address; open it on the screen: %(url)s")
            % {"name": screen.name, "url": public_url(screen.get_absolute_url())},
        )
        return redirect(reverse("wagtailsnippets_screens_screen:edit", args=[screen.pk]))
    return TemplateResponse(request, "screens/admin/new_token.html", {"screen": screen})


def clear_notice(request, pk):
    """Take an emergency notice off every screen now (from the next poll)."""
    if not request.user.has_perm("screens.change_emergencynotice"):
        raise PermissionDenied
    notice = get_object_or_404(EmergencyNotice, pk=pk)
    if request.method == "POST":
        if notice.cleared_at is None:
            notice.cleared_at = timezone.now()
            notice.save(update_fields=["cleared_at"])  # its post_save reaches the screens
            log(instance=notice, action=CLEAR_NOTICE_ACTION, user=request.user)
        messages.success(request, _("The notice has been taken off the screens."))
        return redirect(reverse("wagtailsnippets_screens_emergencynotice:list"))
    return TemplateResponse(request, "screens/admin/clear_notice.html", {"notice": notice})
