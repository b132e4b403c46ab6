"""Import an organisation's members from a CSV file: all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.imports import apply_import, plan_import
from disclosure.models import OrganizationPage
from home.addresses import public_base_url


class Command(BaseCommand):
    help = _(
        "Import members of an organisation from a CSV file (name, username or phone, email, role)."
    )

    def add_arguments(self, parser):
        parser.add_argument("organization", help=_("The organisation's slug, as in its address."))
        parser.add_argument("csv_file", type=Path)

    def handle(self, *args, organization, csv_file, **options):
        org = OrganizationPage.objects.filter(slug=organization).first()
        if org is None:
            raise CommandError(
                _("No organisation has the slug “%(slug)s”.") % {"slug": organization}
            )
        try:
            data = csv_file.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        plan = plan_import(org, data)
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(error)
            raise CommandError(_("Nothing was imported: correct the file and run again."))
        unsent = apply_import(org, plan, public_base_url(), data)
        self.stdout.write(
            _(
                "%(org)s: %(new)d new accounts, %(joins)d joined, %(role)d changed role, "
                "%(same)d unchanged."
            )
            % {
                "org": org.title,
                "new": plan.count("new"),
                "joins": plan.count("joins"),
                "role": plan.count("role"),
                "same": plan.count("unchanged"),
            }
        )
        for username, link in unsent:
            self.stdout.write(
                _("%(user)s has no email; give them this link to set a password: %(link)s")
                % {"user": username, "link": link}
            )
