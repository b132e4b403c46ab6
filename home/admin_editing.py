"""Editing without litter: no autosave on the create form, and submit-for-review first for
editors who cannot publish.

Wagtail 8 autosaves the page create form (``WAGTAIL_AUTOSAVE_INTERVAL``): the first autosave
posts the form as JSON to the create view, whose ``save_action`` adds the page to the tree as a
draft (``parent.add_child``) before anything was meant to be kept, then moves the browser to
that draft's edit view. An abandoned “add page” leaves that draft behind, and its slug is taken,
so the next page of the same title ends ``-2``, ``-3`` … (home.models.PinyinSlugMixin finds the
free one). Wagtail has no setting for the create view alone (the interval applies to create and
edit), so the page viewset's ``add_view_class`` (a documented extension point) gets a create
view that never autosaves: the page exists once its author saves, submits or publishes it.
Autosave stays on the edit view, where it saves revisions of a page that already exists.
"""

from wagtail.admin.views.pages.create import CreateView

from home.admin_privacy import PrivatePageViewSet


class CreateWithoutAutosaveView(CreateView):
    """Wagtail's create view with autosave off (the form still warns of unsaved changes)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        context.pop("autosave_indicator", None)
        return context


class EditingPageViewSet(PrivatePageViewSet):
    """The project's page viewset (home.admin_privacy) with the create view above."""

    add_view_class = CreateWithoutAutosaveView


def page_viewset():
    """For the ``register_admin_viewset`` hook, in place of home.admin_privacy.page_viewset."""
    return EditingPageViewSet()


def submit_first_for_editors(menu_items, request, context):
    """``construct_page_action_menu``: for someone who cannot publish here, “submit for review”
    is the footer's main button instead of “save draft” (Wagtail puts it in the dropdown).
    Moderators, who have “publish”, keep Wagtail's order."""
    names = [item.name for item in menu_items]
    if "action-publish" in names or "action-submit" not in names:
        return
    menu_items.insert(0, menu_items.pop(names.index("action-submit")))
