"""The main menu and the breadcrumbs of a page, fetched together in one query per request."""

from django.db.models import Q
from wagtail.models import Page, Site

from home.visibility import public_only


def navigation(request, page=None):
    """{"menu": [...], "ancestors": [...]} for the request's site and ``page``.

    Menu items are the site root's live, public children marked "show in menus"; ancestors are
    the live, public pages from the site root down to ``page`` (excluded).
    """
    cached = getattr(request, "_site_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "ancestors": []}
    root = site.root_page
    steplen = Page.steplen
    wanted = Q(depth=root.depth + 1, path__startswith=root.path, show_in_menus=True)
    if page is not None and page.path.startswith(root.path):
        ancestor_paths = [page.path[:end] for end in range(len(root.path), len(page.path), steplen)]
        wanted |= Q(path__in=ancestor_paths)
    pages = list(
        public_only(Page.objects.live().filter(wanted))
        .only("title", "url_path", "path", "depth", "show_in_menus")
        .order_by("path")
    )
    result = {
        "menu": [p for p in pages if p.depth == root.depth + 1 and p.show_in_menus],
        "ancestors": [
            p
            for p in pages
            if page is not None and p.path != page.path and page.path.startswith(p.path)
        ],
        "root": root,
    }
    request._site_navigation = result
    return result
