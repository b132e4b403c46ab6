"""Who is of the committee: the one test of it, for every app.

The committee's group (两新工委) reviews and publishes everything, manages accounts and reads
the audit log; its rights are granted in disclosure.access, which creates the group.
"""

MODERATORS = "两新工委"


def is_moderator(user):
    """Whether ``user`` is of the committee (两新工委) or a superuser."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def is_privileged(user):
    """Accounts that only the committee manages, in the admin's Users: superusers, staff and
    moderators. No organisation's import may touch them."""
    return user.is_superuser or user.is_staff or user.groups.filter(name=MODERATORS).exists()
