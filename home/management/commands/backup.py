"""Back up the database and every uploaded file into one archive while the site keeps serving.

The work and its checks are in home.backup; this command only reports."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.backup import BackupError, backup


class Command(BaseCommand):
    help = _(
        "Write the database and every uploaded file into one archive (default: VAR_DIR/backups/), "
        "while the site keeps serving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help=_("Archive file, or a folder to put a time-stamped archive in.")
        )

    def handle(self, *args, output, **options):
        try:
            result = backup(output, stdout=self.stdout)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts, media = result.manifest["counts"], result.manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written: %(path)s (%(size)s, %(seconds).1f s): %(rows)d rows in "
                    "%(models)d models, %(files)d media files."
                )
                % {
                    "path": result.path,
                    "size": filesizeformat(result.size),
                    "seconds": result.seconds,
                    "rows": sum(counts.values()),
                    "models": len(counts),
                    "files": len(media),
                }
            )
        )
