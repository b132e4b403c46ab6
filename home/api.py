"""The public read API (Wagtail API v2 at /api/v2/): public pages only, for everyone.

Wagtail's pages endpoint shows restricted pages to logged-in sessions. This API is for reuse of
what is public, so it serves the same to every caller and never a restricted page or its title.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from home.visibility import public_only


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequestError("unknown site")
        pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
        return public_only(pages)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
