"""Give the committee's group the right to review practice reports."""

from django.db.models.signals import post_migrate

from disclosure.access import grant_moderator_permissions
from home.signals import connect

MODERATOR_PERMISSIONS = ["view_practicereport", "change_practicereport"]


def grant_moderators(app_config, using="default", **kwargs):
    grant_moderator_permissions(app_config, MODERATOR_PERMISSIONS, using=using)


def register_signal_handlers(app_config):
    """Every handler of the integrity app; called once from ``IntegrityConfig.ready()``."""
    connect(post_migrate, grant_moderators, app_config)
