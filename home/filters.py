"""The filters a django-filter ``FilterSet`` applies, worded for people: one loop for every
place that names them (the chips above a listing, the title row of an export).

Values are worded by Wagtail's active-filter adapters, as the admin words its own filter chips:
labels of choices, names of chosen objects, date ranges; never raw ids or slugs. A value the form
rejects (an unknown organisation, year 99999) filtered nothing, so it is left out, and so is a
field left at its default (不含已撤回 is not a filter the reader chose).
"""

from typing import NamedTuple

from django.core.validators import EMPTY_VALUES
from django.http import QueryDict
from wagtail.admin.active_filters import filter_adapter_class_registry


class ActiveFilter(NamedTuple):
    label: str
    value: str
    removed_url: str  # the listing without this filter ("" when no path was given)


def active_filters(filterset, path="", query=None):
    """The filters ``filterset`` applies, in the form's order. ``path`` and ``query`` (the
    request's parameters without the page number) build each one's ``removed_url``."""
    if not filterset.is_bound:
        return []
    query = QueryDict(mutable=True) if query is None else query
    form = filterset.form
    form.is_valid()
    found = []
    for name in form.changed_data:
        value = form.cleaned_data.get(name)
        if value in EMPTY_VALUES or value == form[name].initial:
            continue
        filter_ = filterset.filters[name]
        adapter_class = filter_adapter_class_registry.get(filter_)
        adapter = adapter_class(filter_, form[name], value, path, query)
        for active in adapter.get_active_filters():
            removed = active.removed_filter_url.removesuffix("?") if path else ""
            found.append(ActiveFilter(active.field_label, active.value, removed))
    return found
