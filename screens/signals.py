"""Moderators run the screens; saving a screen or a notice changes what screens play."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtailmedia.models import get_media_model

from disclosure.access import grant_moderator_permissions
from disclosure.models import Category
from home.caching import content_changed
from home.signals import connect
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


def screen_content_changed(sender, instance=None, raw=False, **kwargs):
    """Whatever a slide shows changed: playlists are rebuilt at the next poll."""
    if not raw:
        content_changed()


def register_signal_handlers(app_config):
    """Every handler of the screens app; called once from ``ScreensConfig.ready()``."""
    connect(post_migrate, grant_moderators, app_config)
    # What slides show besides pages: the notices, category names, images and their
    # descriptions, films, and the site's address in each QR code.
    for model in (EmergencyNotice, Screen, Category, get_image_model(), get_media_model(), Site):
        connect(post_save, screen_content_changed, model)
        connect(post_delete, screen_content_changed, model)
    connect(m2m_changed, screen_content_changed, EmergencyNotice.screens.through)
