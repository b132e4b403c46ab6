"""Load the demo content of every app, once: a second run changes nothing and says so."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks

DEMO_HOOK = "register_demo_content"
DEMO_ARGUMENTS_HOOK = "register_demo_arguments"


class Command(BaseCommand):
    help = _("Load demo content (organisations, disclosures, programmes, courses, screens).")

    def add_arguments(self, parser):
        for add_arguments in hooks.get_hooks(DEMO_ARGUMENTS_HOOK):
            add_arguments(parser)

    def handle(self, *args, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError(_("Demo content is off in these settings."))
        created = 0
        for loader in hooks.get_hooks(DEMO_HOOK):
            # Each app's content is all or nothing, so an interrupted run can simply be repeated.
            with transaction.atomic():
                created += loader(self.stdout, options) or 0
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo content loaded: %(count)d items created.") % {"count": created}
                )
            )
        else:
            self.stdout.write(_("Demo content is already present; nothing changed."))
