"""Demo content of the portal itself: home page text, site settings, guide and about pages.

Imported only by `load_demo` (never by the running site); the texts are in `home.demo.data`.
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.demo.data import HOME_INTRO, PAGES, SITE_SETTINGS
from home.models import HomePage, SiteSettings, StandardPage


def load(context):
    """Fill the portal's own pages and settings; return how many things were created."""
    created = 0
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == ("localhost", 80):
        # Absolute links (feeds, exports, sitemap) should point where the demo is served.
        base = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
        site.hostname, site.port = base.hostname or "localhost", base.port or 80
        site.save()
    home = context.home = site.root_page.specific
    if isinstance(home, HomePage) and not home.intro:
        home.intro = HOME_INTRO
        home.save_revision().publish()
        created += 1

    footer_pages = []
    for title, slug, intro, body, in_menu in PAGES:
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = StandardPage(
                title=title, slug=slug, intro=intro, body=body, show_in_menus=in_menu
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        footer_pages.append(page)

    settings = SiteSettings.for_site(site)
    if not settings.address:
        for name, value in SITE_SETTINGS.items():
            setattr(settings, name, value)
        settings.footer_links = [
            ("link", {"title": page.title, "page": page, "url": ""}) for page in footer_pages
        ]
        settings.save()
        created += 1

    if created:
        context.stdout.write(_("Portal: home page, site settings and guide pages."))
    return created
