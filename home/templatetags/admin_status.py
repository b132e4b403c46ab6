"""``{% status_tag choice %}``: a state as the admin's coloured tag (home.status)."""

from django import template

from home import status

register = template.Library()


@register.simple_tag
def status_tag(choice):
    return status.status_tag(choice)  # a template's output: safe, its label escaped


@register.filter
def admin_state(page):
    """A page's state in the shared vocabulary (``admin_state`` on its model), or None where
    Wagtail's own status tag (draft, in moderation, scheduled…) says it."""
    return getattr(page, "admin_state", None)
