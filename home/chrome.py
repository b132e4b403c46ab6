"""The site's settings as templates use them, cached between requests.

Every page shows the site name, organisation, contact details and footer links. Reading them
costs two queries (the settings row, the linked pages), so a snapshot is cached per site and
dropped whenever settings or pages change. With several processes and the local-memory cache
another process may show an old snapshot for up to CHROME_TIMEOUT; a shared cache (REDIS_URL)
drops it everywhere at once.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.query import exclude_private

CHROME_TIMEOUT = 300
VERSION_KEY = "site-chrome-version"


def chrome_key(site_id):
    return f"site-chrome:{cache.get_or_set(VERSION_KEY, 1)}:{site_id}"


def build_chrome(site):
    settings = SiteSettings.for_site(site)
    links = []
    for block in settings.footer_links:
        page = block.value["page"]
        if page is not None:
            page = exclude_private(Page.objects.live().filter(pk=page.pk)).first()
            if page is None:
                continue
            links.append({"title": block.value["title"], "url": page.get_url()})
        elif block.value["url"]:
            links.append({"title": block.value["title"], "url": block.value["url"]})
    fields = ["site_name", "organization", "district", "address", "phone", "email", "icp_number"]
    chrome = {name: getattr(settings, name) for name in fields}
    chrome["footer_links"] = links
    return chrome


def site_chrome(request):
    """Context processor: ``site_settings`` for the request's site."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {"site_settings": {}}
    chrome = cache.get(chrome_key(site.pk))
    if chrome is None:
        chrome = build_chrome(site)
        # Key taken again: building may have created the settings row, which bumps the version.
        cache.set(chrome_key(site.pk), chrome, CHROME_TIMEOUT)
    return {"site_settings": chrome}


def invalidate_chrome(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2)


post_save.connect(invalidate_chrome, sender=SiteSettings)
post_save.connect(invalidate_chrome, sender=PageViewRestriction)
post_delete.connect(invalidate_chrome, sender=PageViewRestriction)
post_delete.connect(invalidate_chrome, sender=Page)
page_published.connect(invalidate_chrome)
page_unpublished.connect(invalidate_chrome)
post_page_move.connect(invalidate_chrome)
