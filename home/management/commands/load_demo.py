"""Load the demo content of every app, once: a second run changes nothing and says so.

Each app keeps its demo in a `demo` package (`<app>/demo/__init__.py` with `load(context)`, its
data tables beside it). They are found and imported here, when the command runs, so the running
site never imports demo code. They run in INSTALLED_APPS order, which follows the apps'
dependencies (home, disclosure, integrity, training, screens), and hand on what they made
through one `DemoContext`.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _

from home.demo.context import DemoContext

DEMO_MODULE = "demo"


def demo_loaders():
    """The `load` function of each installed app's demo package, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, DEMO_MODULE):
            yield import_module(f"{app_config.name}.{DEMO_MODULE}").load


class Command(BaseCommand):
    help = _("Load demo content (organisations, disclosures, programmes, courses, screens).")

    def handle(self, *args, **options):
        if not settings.DEMO_ENABLED:
            raise CommandError(_("Demo content is off in these settings."))
        context = DemoContext(stdout=self.stdout)
        created = 0
        for load in demo_loaders():
            # Each app's content is all or nothing, so an interrupted run can simply be repeated.
            with transaction.atomic():
                created += load(context)
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo content loaded: %(count)d items created.") % {"count": created}
                )
            )
        else:
            self.stdout.write(_("Demo content is already present; nothing changed."))
