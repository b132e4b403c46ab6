"""Remove an account's authenticator and recovery codes, e.g. after a lost phone.

The person then sets two-factor login up again at their next login. The reset is recorded in
Wagtail's log (the history report) with the moderator or superuser named by ``--by``.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.two_factor import may_reset_two_factor, reset_two_factor


class Command(BaseCommand):
    help = _("Remove a user's authenticator and recovery codes so they set them up again.")

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("The account whose two-factor login is reset."))
        parser.add_argument(
            "--by",
            dest="actor",
            help=_("Username of the moderator or superuser who asked for the reset (logged)."),
        )

    def handle(self, *args, username, actor=None, **options):
        user = self.find(username)
        actor_user = None
        if actor:
            actor_user = self.find(actor)
            if not may_reset_two_factor(actor_user, user):
                raise CommandError(
                    _("%(actor)s may not reset the two-factor login of %(username)s.")
                    % {"actor": actor, "username": username}
                )
        removed = reset_two_factor(user, actor_user)
        self.stdout.write(
            _(
                "Two-factor login of %(username)s reset (%(count)d devices removed); "
                "it is set up again at the next login."
            )
            % {"username": username, "count": removed}
        )

    @staticmethod
    def find(username):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("There is no account %(username)s.") % {"username": username})
        return user
