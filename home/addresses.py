"""The site's public address: the one base of every absolute link that leaves the site.

QR codes (posters, certificates, screen slides), the sitemap, feeds, the API's ``html_url``,
share cards and e-mails all carry absolute links; a printed QR code cannot be corrected, so
they all ask here. The address is ``settings.PUBLIC_BASE_URL`` (env ``PUBLIC_BASE_URL``, checked
at start-up by config.env) when set, else the default Site record's address. Pages follow it
through ``home.models.SitePage.get_url_parts``; links between pages of the site stay relative.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

LOCAL_NAMES = {"localhost", "localhost.localdomain"}
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


def configured_base_url():
    """``PUBLIC_BASE_URL`` without a trailing slash, or "" when it is not set."""
    return (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")


def site_base_url():
    """The default Site record's address (scheme, host and port as Wagtail writes them).

    Read from Wagtail's cached site root paths: a single-site install (the usual one) asks the
    database nothing here.
    """
    paths = Site.get_site_root_paths()
    if len({path.site_id for path in paths}) == 1:
        return paths[0].root_url
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def public_base_url():
    """The public address, without a trailing slash: ``https://gk.example.org``."""
    return configured_base_url() or site_base_url().rstrip("/")


def public_url(path_or_url):
    """``path_or_url`` at the public address; an address that names its host is kept as it is
    (a page of another Site record)."""
    if urlsplit(path_or_url).scheme:
        return path_or_url
    return public_base_url() + "/" + path_or_url.lstrip("/")


def is_unreachable_from_outside(base_url):
    """Whether ``base_url`` is empty or names a loopback or private-network host (127.x, ::1,
    localhost, 10/8, 172.16/12, 192.168/16, link-local, ``.local`` …): a QR code printed with it
    would not open for a reader on the internet."""
    host = (urlsplit(base_url).hostname or "").rstrip(".").lower()
    if not host:
        return True
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name resolves on the local network only
    return not address.is_global


def public_address_warning_applies():
    """Whether the committee should be told the public address is not a public one: only
    outside development (``DEBUG``), where a local address is expected."""
    return not settings.DEBUG and is_unreachable_from_outside(public_base_url())
