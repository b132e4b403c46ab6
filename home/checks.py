"""System checks of the portal's configuration (``manage.py check --deploy`` shows them).

Registered from ``HomeConfig.ready``. They read settings only, never the database, so they also
run before the first migration.
"""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

from config.env import base_url_problem
from home.addresses import configured_base_url, is_unreachable_from_outside


def hint():
    return _(
        "Set PUBLIC_BASE_URL to the address readers use, e.g. https://gk.example.org "
        "(README, “Production”); QR codes, posters, certificates, the sitemap, feeds, the API "
        "and e-mails all carry it."
    )


def public_address(app_configs=None, **kwargs):
    """A bad PUBLIC_BASE_URL is an error; outside development, an unset, loopback or
    private-network one is a warning: printed QR codes would not open for readers."""
    value = configured_base_url()
    problem = value and base_url_problem(value)
    if problem:
        return [
            checks.Error(
                _("PUBLIC_BASE_URL is not a site address (%(problem)s): %(value)s")
                % {"problem": problem, "value": value},
                hint=hint(),
                id="home.E001",
            )
        ]
    if settings.DEBUG:
        return []
    if not value:
        return [
            checks.Warning(
                _(
                    "PUBLIC_BASE_URL is not set: links and printed QR codes use the address "
                    "in the default Site record, which may be where the site was set up."
                ),
                hint=hint(),
                id="home.W001",
            )
        ]
    if is_unreachable_from_outside(value):
        return [
            checks.Warning(
                _(
                    "PUBLIC_BASE_URL %(value)s is a local or private-network address: printed "
                    "QR codes and links would not open for readers outside this network."
                )
                % {"value": value},
                hint=hint(),
                id="home.W002",
            )
        ]
    return []


def register_checks():
    checks.register(public_address)
