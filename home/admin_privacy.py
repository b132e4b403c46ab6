"""The admin names a page only to those who may read it or edit it.

Wagtail's explorer, search and page API list the pages a user has permissions under, and the
choosers go through ``construct_page_chooser_queryset`` (home.wagtail_hooks). Other admin views
look pages up by id or list them site-wide, and an editor of one organisation could read
another's restricted or draft titles there. Each is closed here, through Wagtail's own
extension points wherever one exists, always with the one rule in
``home.visibility.pages_visible_in_admin``:

- page bulk actions (delete, move, publish, unpublish): registered again, looking up only
  visible pages; an id the user may not see is treated as missing (all of them: a 404);
- the page views Wagtail routes through its page viewset (move confirmation, workflow actions,
  task preview, cancellation): refused before anything, message included, names the page;
- the dashboard panels (pages to review, in review, locked, recent edits): visible pages only;
- the page types usage report and the chooser's "chosen" step, which have no extension point:
  see ``install_view_patches``.

Documents and images are named only to those who may change or choose them
(``home.visibility.files_managed_by``): the admin API's document and image endpoints and their
bulk actions (delete, add tags, add to collection) look up nothing else. A snippet's records
(memberships, learners, certificates …) are listed by its chooser only to users with a
permission on the model (``home.visibility.may_use_records``): every snippet of the project is
registered through ``PermissionCheckedSnippetViewSet``.

Reports that Wagtail already draws from the user's page permissions (locked and aging pages,
site history, workflows, workflow tasks) and the page usage views ("Private page") need nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_list_or_404, get_object_or_404
from wagtail import hooks
from wagtail.admin.views import home
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages import move, workflow
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views.bulk_actions import add_tags as document_add_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_add_to_collection
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views.bulk_actions import add_tags as image_add_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_add_to_collection
from wagtail.images.views.bulk_actions import delete as image_delete
from wagtail.models import Page
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from home.visibility import files_managed_by, may_use_records, pages_visible_in_admin

# Database integers are signed 64-bit: a larger "id" is no page, not an error.
MAX_ID = 2**63 - 1


def page_ids(values):
    """The database ids among ``values`` (strings from a query string, or pages, documents …);
    the rest dropped."""
    ids = []
    for value in values:
        try:
            pk = int(getattr(value, "pk", value))
        except (TypeError, ValueError):
            continue
        if 0 < pk <= MAX_ID:
            ids.append(pk)
    return ids


def keep_visible(user, items, page_of):
    """The ``items`` whose page (``page_of(item)``) ``user`` may see; items that are not about
    a page (a snippet in a workflow) stay."""
    items = list(items)
    pages = [page_of(item) for item in items]
    ids = [page.pk for page in pages if isinstance(page, Page)]
    visible = set(pages_visible_in_admin(user).filter(pk__in=ids).values_list("pk", flat=True))
    return [
        item
        for item, page in zip(items, pages, strict=True)
        if not isinstance(page, Page) or page.pk in visible
    ]


# ---- bulk actions ------------------------------------------------------------------------


class VisiblePagesOnly:
    """For page bulk actions: only pages the user may see are looked up, so neither the
    confirmation nor the "you may not" list names anyone else's page."""

    def visible_pages(self):
        return pages_visible_in_admin(self.request.user)

    def get_queryset(self, model, object_ids):
        # An instance method where Wagtail has a classmethod: the rule needs the user.
        if not isinstance(object_ids, QuerySet):
            object_ids = page_ids(object_ids)
        return get_list_or_404(self.visible_pages().filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" under a parent: the parent must be a page the user sees (Wagtail fails on
        # a missing one).
        if parent_id is not None:
            ids = page_ids([parent_id])
            if not ids or not self.visible_pages().filter(pk=ids[0]).exists():
                raise Http404
            parent_id = ids[0]
        return super().get_all_objects_in_listing_query(parent_id)


class VisibleDeleteBulkAction(VisiblePagesOnly, DeleteBulkAction):
    pass


class VisibleMoveBulkAction(VisiblePagesOnly, MoveBulkAction):
    def get_form(self, form_class=None):
        # The chosen destination is shown back on the form: it must be a page the user sees.
        form = super().get_form(form_class)
        form.fields["chooser"].queryset = self.visible_pages()
        return form


class VisiblePublishBulkAction(VisiblePagesOnly, PublishBulkAction):
    pass


class VisibleUnpublishBulkAction(VisiblePagesOnly, UnpublishBulkAction):
    pass


PAGE_BULK_ACTIONS = [
    VisibleDeleteBulkAction,
    VisibleMoveBulkAction,
    VisiblePublishBulkAction,
    VisibleUnpublishBulkAction,
]


# ---- documents and images: the admin API and bulk actions ----------------------------------


class ManagedFilesAPI:
    """For the admin API's document and image endpoints: listing, detail and ``find/`` see only
    the files the user may change or choose (Wagtail's list every file to any admin user)."""

    def get_queryset(self):
        managed = files_managed_by(self.request.user, self.model)
        return super().get_queryset().filter(pk__in=managed.values("pk"))

    def get_object(self):
        if not page_ids([self.kwargs.get("pk")]):
            raise Http404
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            ids = page_ids([request.GET["id"]])
            return queryset.filter(pk=ids[0]).first() if ids else None
        return super().find_object(queryset, request)


class ManagedDocumentsAPIViewSet(ManagedFilesAPI, DocumentsAdminAPIViewSet):
    pass


class ManagedImagesAPIViewSet(ManagedFilesAPI, ImagesAdminAPIViewSet):
    pass


def register_file_endpoints(router):
    """For the ``construct_admin_api`` hook (after Wagtail's, whose endpoints these replace)."""
    router.register_endpoint("documents", ManagedDocumentsAPIViewSet)
    router.register_endpoint("images", ManagedImagesAPIViewSet)


class ManagedFilesOnly:
    """For document and image bulk actions: only files the user manages are looked up, so
    neither the confirmation nor the "you may not" list names anyone else's; an id of another
    file is treated as missing (all of them: a 404)."""

    def get_queryset(self, model, object_ids):
        # An instance method where Wagtail has a classmethod: the rule needs the user.
        if not isinstance(object_ids, QuerySet):
            object_ids = page_ids(object_ids)
        managed = files_managed_by(self.request.user, model)
        return get_list_or_404(managed.filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" in a collection: a collection id that is no number is missing.
        if parent_id is not None:
            ids = page_ids([parent_id])
            if not ids:
                raise Http404
            parent_id = ids[0]
        return super().get_all_objects_in_listing_query(parent_id)


class ManagedDocumentDeleteBulkAction(ManagedFilesOnly, document_delete.DeleteBulkAction):
    pass


class ManagedDocumentAddTagsBulkAction(ManagedFilesOnly, document_add_tags.AddTagsBulkAction):
    pass


class ManagedDocumentAddToCollectionBulkAction(
    ManagedFilesOnly, document_add_to_collection.AddToCollectionBulkAction
):
    pass


class ManagedImageDeleteBulkAction(ManagedFilesOnly, image_delete.DeleteBulkAction):
    pass


class ManagedImageAddTagsBulkAction(ManagedFilesOnly, image_add_tags.AddTagsBulkAction):
    pass


class ManagedImageAddToCollectionBulkAction(
    ManagedFilesOnly, image_add_to_collection.AddToCollectionBulkAction
):
    pass


FILE_BULK_ACTIONS = [
    ManagedDocumentDeleteBulkAction,
    ManagedDocumentAddTagsBulkAction,
    ManagedDocumentAddToCollectionBulkAction,
    ManagedImageDeleteBulkAction,
    ManagedImageAddTagsBulkAction,
    ManagedImageAddToCollectionBulkAction,
]


# ---- snippet choosers ----------------------------------------------------------------------


class PermissionCheckedChooserMixin:
    """For every view of a snippet's chooser (choose, results, chosen, chosen-multiple, create):
    refused unless the user has a permission on the model. Wagtail opens a snippet's chooser to
    every admin user, and it lists the records (memberships: username × organisation × role)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_use_records(request.user, self.model_class):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _pk_values(model, values):
    """The values among ``values`` that are a primary key of ``model``; the rest dropped."""
    pks = []
    for value in values:
        try:
            pk = model._meta.pk.to_python(value)
        except (TypeError, ValueError, ValidationError):
            continue
        if not isinstance(pk, int) or 0 < pk <= MAX_ID:
            pks.append(pk)
    return pks


class PermissionCheckedChooseView(PermissionCheckedChooserMixin, snippet_chooser.ChooseView):
    pass


class PermissionCheckedChooseResultsView(
    PermissionCheckedChooserMixin, snippet_chooser.ChooseResultsView
):
    pass


class PermissionCheckedChosenView(PermissionCheckedChooserMixin, snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        pks = _pk_values(self.model_class, [pk])
        if not pks:
            raise ObjectDoesNotExist
        return super().get_object(pks[0])


class PermissionCheckedChosenMultipleView(
    PermissionCheckedChooserMixin, snippet_chooser.SnippetChosenMultipleView
):
    def get_objects(self, pks):
        return super().get_objects(_pk_values(self.model_class, pks))


class PermissionCheckedCreateView(PermissionCheckedChooserMixin, snippet_chooser.SnippetCreateView):
    pass


class PermissionCheckedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = PermissionCheckedChooseView
    choose_results_view_class = PermissionCheckedChooseResultsView
    chosen_view_class = PermissionCheckedChosenView
    chosen_multiple_view_class = PermissionCheckedChosenMultipleView
    create_view_class = PermissionCheckedCreateView


class PermissionCheckedSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset of the project: its chooser answers only users with a
    permission on the model. A snippet that editors choose in their forms without any such
    permission (the public catalogue of disclosure categories) sets
    ``chooser_viewset_class = SnippetChooserViewSet`` and says why."""

    chooser_viewset_class = PermissionCheckedChooserViewSet


# ---- page views routed through the page viewset ---------------------------------------------


class EditorsOnly:
    """Refuses anyone who may not edit the page (its current task's reviewers may) before the
    view runs: Wagtail's views name the page in a message ("is not awaiting moderation")
    before checking what the user may do."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class WorkflowActionView(EditorsOnly, workflow.WorkflowActionView):
    pass


class CollectWorkflowActionDataView(EditorsOnly, workflow.CollectWorkflowActionDataView):
    pass


class PreviewRevisionForTaskView(EditorsOnly, workflow.PreviewRevisionForTaskView):
    pass


class ConfirmWorkflowCancellationView(EditorsOnly, workflow.ConfirmWorkflowCancellationView):
    pass


class MoveConfirmView(move.MoveConfirmView):
    """Wagtail's move confirmation shows both titles (and a slug in its error) to anyone who
    opens the address; the permission is only checked when the move is posted."""

    def dispatch(self, request, page_to_move_id, destination_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_to_move_id)
        destination = get_object_or_404(Page, id=destination_id)
        if not page.permissions_for_user(request.user).can_move_to(destination):
            raise PermissionDenied
        return super().dispatch(request, page_to_move_id, destination_id, *args, **kwargs)


class PrivatePageViewSet(PageViewSet):
    """The viewset for every page type (registered for ``Page``), with the views above."""

    collect_workflow_action_data_view_class = CollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = ConfirmWorkflowCancellationView
    move_confirm_view_class = MoveConfirmView
    workflow_action_view_class = WorkflowActionView
    workflow_preview_view_class = PreviewRevisionForTaskView


def page_viewset():
    """For the ``register_admin_viewset`` hook (after Wagtail's own, which it replaces)."""
    return PrivatePageViewSet()


# ---- dashboard panels --------------------------------------------------------------------


class WorkflowObjectsToModeratePanel(home.WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["states"] = keep_visible(user, context["states"], lambda state: state["obj"])
        return context


class UserObjectsInWorkflowModerationPanel(home.UserObjectsInWorkflowModerationPanel):
    """Requested by the user or on pages they own, which they may no longer see (an editor
    moved to another organisation)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["workflow_states"] = keep_visible(
            user, context["workflow_states"], lambda state: state.content_object
        )
        return context


class LockedPagesPanel(home.LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["locked_pages"] = keep_visible(user, context["locked_pages"], lambda page: page)
        return context


class RecentEditsPanel(home.RecentEditsPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["last_edits"] = keep_visible(user, context["last_edits"], lambda edit: edit[1])
        return context


PANELS = {
    home.WorkflowObjectsToModeratePanel: WorkflowObjectsToModeratePanel,
    home.UserObjectsInWorkflowModerationPanel: UserObjectsInWorkflowModerationPanel,
    home.LockedPagesPanel: LockedPagesPanel,
    home.RecentEditsPanel: RecentEditsPanel,
}


def replace_homepage_panels(request, panels):
    """For the ``construct_homepage_panels`` hook: Wagtail's page panels, filtered."""
    for index, panel in enumerate(panels):
        replacement = PANELS.get(type(panel))
        if replacement is not None:
            panels[index] = replacement()


# ---- views with no extension point ---------------------------------------------------------
#
# The page types usage report and the chooser's "chosen" step are bound in Wagtail's own URL
# configuration (wagtail.admin.urls), which is matched before any register_admin_urls pattern,
# and they offer no hook or viewset. Patching their methods is the only way short of a
# middleware, so it is done here, once, and nowhere else.


def _page_types_usage_queryset(self):
    """PageTypesUsageReportView.get_queryset, counting and naming only pages the user sees
    (Wagtail's names the latest edited page of each type site-wide)."""
    page_type = ContentType.objects.get_for_model(Page)
    queryset = ContentType.objects.filter(model__in=self.page_models)
    if not Page.objects.filter(depth__gt=1, content_type=page_type).exists():
        queryset = queryset.exclude(pk=page_type.pk)
    self.queryset = queryset
    # The locale and site filters join the pages: take the distinct types they leave.
    queryset = ContentType.objects.filter(pk__in=self.filter_queryset(queryset).values("pk"))
    pages = pages_visible_in_admin(self.request.user).filter(content_type=OuterRef("pk"))
    language_code = self.filters.form.cleaned_data.get("page_locale")
    site_root_path = self.filters.form.cleaned_data.get("site")
    if language_code:
        pages = pages.filter(locale__language_code=language_code)
    if site_root_path:
        pages = pages.filter(path__startswith=site_root_path)
    count = pages.order_by().values("content_type").annotate(n=Count("pk")).values("n")
    latest = pages.order_by(
        F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
    ).values("pk")
    return queryset.annotate(
        count=Coalesce(Subquery(count[:1]), 0),
        last_edited_page_id=Subquery(latest[:1]),
    ).order_by("-count", "app_label", "model")


_wagtail_chosen_multiple_get = ChosenMultipleView.get


def _chosen_multiple_get(self, request):
    """ChosenMultipleView.get through the choosers' own filter: Wagtail's returns the title of
    any page id it is given."""
    # The root is never a choice (Wagtail's view fails on a page without a parent).
    pages = Page.objects.filter(pk__in=page_ids(request.GET.getlist("id")), depth__gt=1)
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    request.GET = request.GET.copy()
    request.GET.setlist("id", [str(pk) for pk in pages.values_list("pk", flat=True)])
    return _wagtail_chosen_multiple_get(self, request)


def install_view_patches():
    """Put the two methods above in place (called once, from home.wagtail_hooks)."""
    PageTypesUsageReportView.get_queryset = _page_types_usage_queryset
    ChosenMultipleView.get = _chosen_multiple_get
