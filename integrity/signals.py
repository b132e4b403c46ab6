"""Give the committee's group the right to review practice reports."""

from django.contrib.auth.models import Permission

from disclosure.access import moderators_group

MODERATOR_PERMISSIONS = ["view_practicereport", "change_practicereport"]


def grant_moderators(**kwargs):
    group = moderators_group()
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="integrity", codename__in=MODERATOR_PERMISSIONS
        )
    )
