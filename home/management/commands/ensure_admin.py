"""Make sure a local administrator exists and print how to log in (demo sites only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.logins import ensure_login, login_lines


class Command(BaseCommand):
    help = _("Create the local administrator with a generated password if missing; print logins.")

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help=_("Port the site is served on."))

    def handle(self, *args, port, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError(
                _("Demo logins are off in these settings; use `manage.py createsuperuser`.")
            )
        _user, _password, created = ensure_login(
            "admin",
            _("Administrator"),
            "admin",
            is_staff=True,
            is_superuser=True,
            email="admin@example.com",
        )
        if created:
            self.stdout.write(self.style.SUCCESS(_("Created the administrator account.")))
        print_logins(self.stdout, port)


def print_logins(stdout, port):
    base = f"http://127.0.0.1:{port}"
    stdout.write("")
    stdout.write(_("Site: %(url)s/   Admin: %(url)s/admin/") % {"url": base})
    for line in login_lines():
        stdout.write("  " + line)
    stdout.write(_("Show these again with: make logins (python manage.py show_logins)"))
    stdout.write("")
