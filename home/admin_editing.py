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
Autosave stays on the edit view, where it saves revisions of a page that already exists, except
while the page waits for review: the reviewer's form would save a draft under the reviewer's name
(a rich-text field settling as it loads counts as a change) and could land just after the
approval, leaving the page just published with a 当前草稿.
"""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.models import Page, PageViewRestriction, WorkflowState

from home.admin_privacy import PrivatePageViewSet

# Wagtail's explorer shows 50 rows, each with a menu of up to ten actions: about 10 ms a row to
# draw, 0.6 s a page at 10,000 disclosures. 20 rows, as Wagtail's other listings
# (``ModelViewSet.list_per_page``) and the public listings show, answer in under 300 ms
# (bench/admin.py); filters, search and the page numbers reach the rest.
EXPLORER_PER_PAGE = 20


class CreateWithoutAutosaveView(CreateView):
    """Wagtail's create view with autosave off (the form still warns of unsaved changes)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        context.pop("autosave_indicator", None)
        return context


class EditWithoutAutosaveInReviewView(EditView):
    """Wagtail's edit view, without autosave while the page is in review."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.workflow_state
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            context["autosave_enabled"] = False
            context.pop("autosave_indicator", None)
        return context


class RowRestrictions:
    """A page listing that asks only the restrictions that can apply to the rows it shows.

    Each row's privacy icon (``test_page_is_public``) compares the page's path with the path of
    every restricted page on the site, read once per request into
    ``request.all_page_view_restriction_paths``: with a restriction per restricted disclosure,
    20 rows × 2,350 paths at 10,000 disclosures. A restriction applies to a row only if it is on
    the row's page or an ancestor, whose paths are the row path's prefixes: those are read
    instead, in one query, before the rows are drawn. Same icon, same answer.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = Page.steplen
        paths = {page.path for page in context["object_list"]}
        parent = getattr(self, "parent_page", None)
        if parent is not None:
            paths.add(parent.path)
        prefixes = {path[:end] for path in paths for end in range(steps, len(path) + 1, steps)}
        self.request.all_page_view_restriction_paths = list(
            PageViewRestriction.objects.filter(page__path__in=prefixes).values_list(
                "page__path", flat=True
            )
        )
        return context


class ExplorerView(RowRestrictions, ExplorableIndexView):
    pass


class PageSearchView(RowRestrictions, SearchView):
    pass


class EditingPageViewSet(PrivatePageViewSet):
    """The project's page viewset (home.admin_privacy) with the create view above, and an
    explorer of ``EXPLORER_PER_PAGE`` rows."""

    add_view_class = CreateWithoutAutosaveView
    edit_view_class = EditWithoutAutosaveInReviewView
    index_view_class = ExplorerView
    search_view_class = PageSearchView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(paginate_by=EXPLORER_PER_PAGE, **kwargs)


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


def no_sorting_where_nothing_can_be_added(buttons, page, user, context=None):
    """``construct_page_listing_buttons``: “sort menu order” orders a page's children; a page
    whose type takes none (a disclosure, a lesson) has nothing to sort, yet Wagtail offers it on
    every row. One button less a row, to read and to draw."""
    if page.specific_class is None or page.specific_class.allowed_subpage_models():
        return
    for button in buttons:
        if isinstance(button, ButtonWithDropdownFromHook):
            button.dropdown_buttons = [
                item
                for item in button.dropdown_buttons
                if not (item.url or "").endswith("?ordering=ord")
            ]
