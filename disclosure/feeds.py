"""Atom feeds of the newest public disclosures, for the whole district or one organisation.

Every link in a feed is at the site's public address (home.addresses), as on posters and in the
sitemap, not at whatever host the feed reader asked.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from disclosure.models.disclosures import for_listing, public_disclosures
from home.addresses import public_url

FEED_LENGTH = 50


class DisclosureFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, page, organization=None):
        super().__init__()
        self.page = page
        self.organization = organization

    def title(self):
        if self.organization:
            return _("Disclosures of %(name)s") % {"name": self.organization.title}
        return _("Latest disclosures")

    def get_feed(self, obj, request):
        self.request = request
        return super().get_feed(obj, request)

    def link(self):
        return (self.organization or self.page).get_full_url(self.request)

    def feed_url(self):
        return public_url(self.request.path)

    def subtitle(self):
        return _("Public party-affairs and enterprise-affairs disclosures, newest first.")

    def items(self):
        queryset = public_disclosures()
        if self.organization:
            queryset = queryset.filter(organization=self.organization)
        return for_listing(queryset)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.organization.title

    def item_categories(self, item):
        return [item.get_kind_display(), item.category.name]
