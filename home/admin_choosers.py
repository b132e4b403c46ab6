"""Choosers name only what the user may see: what a form shows back, and where a chooser browses.

- A chooser widget (page, document, image, snippet) shows the item whose id a form holds. Wagtail
  fetches it by id whatever the form's field accepts, so a form sent back with an error showed
  any item's title or thumbnail. ``install_widget_lookup`` makes the widget look the id up among
  its field's choices (the queryset a form narrows: home.forms, the page bulk move form in
  home.admin_privacy): an id outside them shows as nothing chosen.
- The page chooser browsing a parent (``/admin/choose-page/<id>/``) lists the parent itself:
  ``refuse_hidden_parent`` answers 404 for a parent the user may not see.
- The copy form takes its new parent page from the request before validating it (a missing or
  bad id is a 500) and shows it back: ``check_copy_destination`` answers 404 for a parent that
  does not exist or that the user may not see.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.admin.widgets.chooser import BaseChooser

from home.admin_privacy import page_ids
from home.visibility import pages_visible_in_admin

_wagtail_get_instance = BaseChooser.get_instance


def _get_instance_among_choices(self, value):
    """BaseChooser.get_instance, looking an id up among the choices of the widget's field (a
    ModelChoiceField hands its queryset to its widget as ``choices``)."""
    queryset = getattr(getattr(self, "choices", None), "queryset", None)
    if value is None or queryset is None or isinstance(value, self.model_class):
        return _wagtail_get_instance(self, value)
    try:
        instance = queryset.filter(pk=value).first()
    except (TypeError, ValueError, ValidationError):  # not an id at all
        return None
    return None if instance is None else _wagtail_get_instance(self, instance)


def install_widget_lookup():
    """Put the lookup above in place (called once, from home.wagtail_hooks): Wagtail offers no
    extension point for what a chooser widget shows."""
    BaseChooser.get_instance = _get_instance_among_choices


def visible_page_id(user, value):
    """The id in ``value`` if it is a page ``user`` may see in the admin, else None."""
    ids = page_ids([value])
    if ids and pages_visible_in_admin(user).filter(pk=ids[0]).exists():
        return ids[0]
    return None


def refuse_hidden_parent(pages, request):
    """For ``construct_page_chooser_queryset``: browsing the children of a page the user may
    not see is a 404 (the chooser would show that page's title above them)."""
    match = request.resolver_match
    if (
        match is not None
        and match.url_name == "wagtailadmin_choose_page_child"
        and visible_page_id(request.user, match.kwargs.get("parent_page_id")) is None
    ):
        raise Http404
    return pages


def check_copy_destination(request, page):
    """For ``before_copy_page``: a posted new parent must be a page the user may see."""
    if (
        request.method == "POST"
        and visible_page_id(request.user, request.POST.get("new_parent_page")) is None
    ):
        raise Http404
    return None
