"""Template filters on the visibility policy (home.visibility): templates never compare an
audience or a restriction themselves."""

from django import template

from home import visibility

register = template.Library()


@register.filter
def is_public_item(page):
    """``{% if page|is_public_item %}``: the page is one anyone may have, on paper or a screen."""
    return visibility.is_public_item(page)
