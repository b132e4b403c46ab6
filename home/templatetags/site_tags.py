"""Template tags for the site-wide layout: main menu, breadcrumbs and the share card."""

from django import template
from django.templatetags.static import static
from django.utils.translation import gettext as _

from home.addresses import public_url
from home.navigation import navigation

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    items = navigation(request, current)["menu"]
    for item in items:
        item.is_current = current is not None and item.pk == current.pk
        item.is_ancestor = (
            current is not None and not item.is_current and current.path.startswith(item.path)
        )
    return {"items": items, "current_path": request.path}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The path from the home page down to ``page``, public ancestors only."""
    nav = navigation(context["request"], page)
    return {"ancestors": nav["ancestors"], "page": page, "root": nav.get("root")}


@register.filter
def verbose_name_plural(model):
    return model._meta.verbose_name_plural


# The default card picture: square, raster (chat apps read no SVG), drawn by tools/share_image.py.
DEFAULT_SHARE_IMAGE = ("img/share.png", 600, 600)


@register.inclusion_tag("includes/share_card.html", takes_context=True)
def share_card(context, page=None):
    """Open Graph and schema.org tags, so a link pasted into WeChat (or any chat) shows a card
    with the title, a line of text and a picture, all at the site's public address. Only on
    what the visitor may read: a restricted page is a 404 before its template is reached."""
    request = context["request"]
    site_name = (context.get("site_settings") or {}).get("site_name", "")
    if not hasattr(page, "share_description"):  # a view that is not a page: the site's card
        page = None
    kind = "article" if page is not None and page.depth > 2 else "website"
    if page is not None and page.get_view_restrictions():
        # A member may share what only members read: a chat shows the card to everyone in it
        # (WeChat builds it from the open page), so the card names the site, not the item.
        page = None
        description = _("This item is open only to members of its organisation: log in to read it.")
    else:
        description = page.share_description() if page else ""
    title = (page.seo_title or page.title) if page else context.get("share_title") or site_name
    image = page.share_image() if page else None
    url = public_url(request.path)
    if image is not None:
        rendition = image.get_rendition("fill-600x600")
        picture = (public_url(rendition.url), rendition.width, rendition.height)
    else:
        path, width, height = DEFAULT_SHARE_IMAGE
        picture = (public_url(static(path)), width, height)
    return {
        "site_name": site_name,
        "title": title,
        "description": description,
        "url": url,
        "image": picture[0],
        "image_width": picture[1],
        "image_height": picture[2],
        "kind": kind,
    }


@register.filter
def with_labels(row, header):
    """A table row's cells, each with its column's heading: ``(heading, cell)`` pairs, so a
    table can show each cell under its column's name when it becomes cards on a phone."""
    header = list(header or [])
    return [(header[i] if i < len(header) else "", cell) for i, cell in enumerate(row)]
