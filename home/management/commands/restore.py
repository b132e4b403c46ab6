"""Restore an archive made by `backup` into an empty database and media folder, then check it.

Stop the site first. The work and its checks are in home.backup; this command only reports."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from home.backup import BackupError, restore


class Command(BaseCommand):
    help = _(
        "Restore a backup archive into an empty database and media folder, then compare every "
        "row count and file checksum with the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("The archive written by the backup command."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Replace everything in a database and media folder that are not empty."),
        )

    def handle(self, *args, archive, force, **options):
        connections.close_all()
        try:
            result = restore(archive, force=force, stdout=self.stdout)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Restore complete in %(seconds).1f s: the backup of %(created)s.")
                % {"seconds": result.seconds, "created": result.manifest["created"]}
            )
        )
