from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Home page, shared page behaviour and blocks, site settings, accounts and demo commands."""

    name = "home"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import caching, chrome  # noqa: F401  (connect the cache invalidation signals)
