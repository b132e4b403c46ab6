"""Give the committee's group the right to review practice reports."""

from disclosure.access import grant_moderator_permissions

MODERATOR_PERMISSIONS = ["view_practicereport", "change_practicereport"]


def grant_moderators(app_config, using="default", **kwargs):
    grant_moderator_permissions(app_config, MODERATOR_PERMISSIONS, using=using)
