from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrityConfig(AppConfig):
    """The monthly integrity programme 一月一课一片一实践 and each branch's practice report."""

    name = "integrity"
    verbose_name = _("Integrity programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from integrity.signals import register_signal_handlers

        register_signal_handlers(self)
