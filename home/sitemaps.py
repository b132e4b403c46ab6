"""The sitemap: live pages under no view restriction."""

from wagtail.contrib.sitemaps import Sitemap

from home.visibility import public_only


class PublicSitemap(Sitemap):
    """Wagtail's sitemap, with the restriction filter that scales (see home.visibility)."""

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public_only(pages).order_by("path").defer_streamfields().specific()
