"""Context processors. ``site_chrome``: the site's settings as templates use them (name,
organisation, contact, footer links).

Every page shows them; reading them costs two queries (the settings row, the linked pages), so a
snapshot per site is kept with home.caching and dropped when settings or pages change.
"""

from wagtail.models import Page, Site

from home.caching import cached_snapshot
from home.models import SiteSettings
from home.visibility import public_only

FIELDS = ["site_name", "organization", "district", "address", "phone", "email", "icp_number"]


def build_chrome(site):
    settings = SiteSettings.for_site(site)
    links = []
    for block in settings.footer_links:
        page = block.value["page"]
        if page is not None:
            page = public_only(Page.objects.live().filter(pk=page.pk)).first()
            if page is None:
                continue
            links.append({"title": block.value["title"], "url": page.get_url()})
        elif block.value["url"]:
            links.append({"title": block.value["title"], "url": block.value["url"]})
    chrome = {name: getattr(settings, name) for name in FIELDS}
    chrome["footer_links"] = links
    return chrome


def site_chrome(request):
    """Context processor: ``site_settings`` for the request's site."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {"site_settings": {}}
    return {"site_settings": cached_snapshot(f"site-chrome:{site.pk}", lambda: build_chrome(site))}
