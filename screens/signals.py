"""Moderators run the screens; saving a screen or a notice changes what screens play."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from disclosure.access import grant_moderator_permissions
from home.caching import content_changed
from screens.models import EmergencyNotice, Screen

MODERATOR_PERMISSIONS = [
    "add_screen",
    "change_screen",
    "delete_screen",
    "view_screen",
    "add_emergencynotice",
    "change_emergencynotice",
    "delete_emergencynotice",
    "view_emergencynotice",
]


def grant_moderators(app_config, using="default", **kwargs):
    grant_moderator_permissions(app_config, MODERATOR_PERMISSIONS, using=using)


def notice_changed(sender, instance=None, raw=False, **kwargs):
    if not raw:
        content_changed()


post_save.connect(notice_changed, sender=EmergencyNotice)
post_delete.connect(notice_changed, sender=EmergencyNotice)
m2m_changed.connect(notice_changed, sender=EmergencyNotice.screens.through)
post_delete.connect(notice_changed, sender=Screen)
