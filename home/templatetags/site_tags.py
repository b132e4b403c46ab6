"""Template tags for the site-wide layout: main menu and breadcrumbs."""

from django import template

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
