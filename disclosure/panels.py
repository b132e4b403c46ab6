"""Admin dashboard panel: what the committee returned to an organisation's editors."""

from django.db.models import IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from disclosure.roles import Role, member_organizations


def returned_states(user):
    """Workflow states sent back for changes on pages of the user's organisations."""
    paths = list(member_organizations(user, Role.EDITOR).values_list("path", flat=True))
    if not paths:
        return []
    in_organizations = Q(pk__in=[])
    for path in paths:
        in_organizations |= Q(path__startswith=path)
    pages = Page.objects.filter(in_organizations).values("pk")
    last_comment = TaskState.objects.filter(workflow_state=OuterRef("pk")).order_by("-finished_at")
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .filter(page_id__in=pages)
        .annotate(comment=Subquery(last_comment.values("comment")[:1]))
        .prefetch_related("content_object")
        .order_by("-created_at")[:20]
    )
    return [state for state in states if state.content_object]


class ReturnedForChangesPanel(Component):
    name = "returned_for_changes"
    template_name = "disclosure/admin/returned_panel.html"
    order = 205

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = returned_states(self.request.user)
        return context
