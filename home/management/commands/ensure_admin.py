"""Make sure an administrator exists.

On demo sites (settings.DEMO_ENABLED) the generated password is kept with the other demo logins
and shown again each time. Elsewhere the superuser ``admin`` is created with a generated password
that is printed once and stored nowhere; the account is flagged so that, with
FORCE_INITIAL_PASSWORD_CHANGE (production), its first login must choose a new password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home.account_security import flag_initial_password
from home.logins import create_with_generated_password, ensure_login, login_lines

USERNAME = "admin"


class Command(BaseCommand):
    help = _("Create the administrator with a generated password if missing, and print it.")

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help=_("Port the site is served on."))

    def handle(self, *args, port, **options):
        if not settings.DEMO_ENABLED:
            self.ensure_production_admin()
            return
        _user, _password, created = ensure_login(
            "admin",
            _("Administrator"),
            USERNAME,
            is_staff=True,
            is_superuser=True,
            email="admin@example.com",
        )
        if created:
            self.stdout.write(self.style.SUCCESS(_("Created the administrator account.")))
        print_logins(self.stdout, port)

    def ensure_production_admin(self):
        if get_user_model().objects.filter(username=USERNAME).exists():
            self.stdout.write(
                _("The account %(username)s exists already; nothing was changed.")
                % {"username": USERNAME}
            )
            return
        user, password = create_with_generated_password(USERNAME, is_staff=True, is_superuser=True)
        flag_initial_password(user)
        self.stdout.write(self.style.SUCCESS(_("Created the administrator account.")))
        self.stdout.write(
            _("Username: %(username)s   Password: %(password)s")
            % {"username": USERNAME, "password": password}
        )
        self.stdout.write(
            _("This password is shown once and stored nowhere. Change it at the first login.")
        )


def print_logins(stdout, port):
    base = f"http://127.0.0.1:{port}"
    stdout.write("")
    stdout.write(_("Site: %(url)s/   Admin: %(url)s/admin/") % {"url": base})
    for line in login_lines():
        stdout.write("  " + line)
    stdout.write(_("Show these again with: make logins (python manage.py show_logins)"))
    stdout.write("")
