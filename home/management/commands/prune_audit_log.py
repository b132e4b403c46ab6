"""Remove audit entries and files older than AUDIT_RETENTION_DAYS (never fewer than 180)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home import audit


class Command(BaseCommand):
    help = _("Remove audit log entries and files older than the retention period.")

    def handle(self, *args, **options):
        entries, files = audit.prune()
        self.stdout.write(
            _("Kept %(days)d days: removed %(entries)d entries and %(files)d files.")
            % {"days": audit.retention_days(), "entries": entries, "files": files}
        )
