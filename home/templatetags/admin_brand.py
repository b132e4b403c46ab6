"""The site's name in the admin's chrome (sidebar, login page, tab title)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def brand_name(context):
    """The name the public header shows (the site's settings), else WAGTAIL_SITE_NAME."""
    chrome = context.get("site_settings") or {}
    return chrome.get("site_name") or settings.WAGTAIL_SITE_NAME
