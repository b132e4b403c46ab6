from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """Organisations, their disclosures (党务公开, 企务公开) and the ways readers follow them."""

    name = "disclosure"
    verbose_name = _("Disclosures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from disclosure.signals import register_signal_handlers

        register_signal_handlers(self)
