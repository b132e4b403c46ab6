from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrityConfig(AppConfig):
    """The monthly integrity programme 一月一课一片一实践 and each branch's practice report."""

    name = "integrity"
    verbose_name = _("Integrity programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from integrity.signals import grant_moderators

        post_migrate.connect(grant_moderators, sender=self)
