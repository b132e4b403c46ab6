from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreensConfig(AppConfig):
    """Screens in storefronts and offices, their player, and printed boards."""

    name = "screens"
    verbose_name = _("Screens")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from screens.signals import register_signal_handlers

        register_signal_handlers(self)
