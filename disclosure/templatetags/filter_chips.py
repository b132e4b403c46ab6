"""The filters a reader has applied to a listing, as chips that each remove one filter.

Shown above the results on every width, and counted on the phone's folded 筛选 control, so a
reader sees what narrows the list without opening the form. Any django-filter ``FilterSet``
works; the filters and their wording come from ``home.filters.active_filters``, as an export's
title row does.
"""

from typing import NamedTuple

from django import template
from django.utils.translation import gettext as _

from home.filters import active_filters

register = template.Library()


class Chip(NamedTuple):
    text: str
    remove_url: str


@register.simple_tag(takes_context=True)
def filter_chips(context, filterset):
    """One chip per understood filter value, in the form's order.

    Each chip links to the same listing without that filter (the other parameters kept, the page
    number dropped: the first page of the wider list). A value the form rejects (an unknown
    organisation, year 99999) filters nothing, so it has no chip.
    """
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    return [
        Chip(_("%(label)s: %(value)s") % {"label": f.label, "value": f.value}, f.removed_url)
        for f in active_filters(filterset, request.path, query)
    ]
