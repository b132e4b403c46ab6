"""Template tags for the site-wide layout: main menu and breadcrumbs."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Children of the site's home page marked "show in menus", live and public."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site is not None:
        items = list(
            site.root_page.get_children().live().public().in_menu().only("title", "url_path")
        )
        for item in items:
            item.is_current = current is not None and item.pk == current.pk
            item.is_ancestor = (
                current is not None
                and not item.is_current
                and current.url_path.startswith(item.url_path)
            )
    return {"items": items, "current_path": request.path if request else ""}


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(page):
    """The path from the home page down to ``page``, public ancestors only."""
    ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1).live().public()
    return {"ancestors": list(ancestors.only("title", "url_path", "depth")), "page": page}
