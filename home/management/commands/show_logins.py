"""Print the generated demo logins again (demo sites only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.management.commands.ensure_admin import print_logins


class Command(BaseCommand):
    help = _("Print the demo logins created by make run.")

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help=_("Port the site is served on."))

    def handle(self, *args, port, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError(_("Demo logins are off in these settings."))
        print_logins(self.stdout, port)
