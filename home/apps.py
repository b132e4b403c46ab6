from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page, shared page behaviour and blocks, site settings, accounts and demo commands."""

    name = "home"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.checks import register_checks
        from home.signals import register_signal_handlers
        from home.uploads import limit_image_decoding

        register_checks()
        register_signal_handlers()

        limit_image_decoding()  # no image past IMAGE_MAX_PIXELS is ever decoded (home.uploads)
