"""Dashboard work queues of pages (home.dashboard): what awaits the committee's review, what it
returned for changes, and each editor's drafts.

An editor's queues hold only pages of the organisations they edit; the committee's hold every
page. Each queue is a few queries, however many pages there are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, WorkflowState

from disclosure.roles import Role, is_moderator, member_organizations
from home.dashboard import QueueRow, WorkQueuePanel, waiting_badge


def in_organizations(user):
    """The condition on pages: under an organisation ``user`` edits; None if there is none."""
    paths = list(member_organizations(user, Role.EDITOR).values_list("path", flat=True))
    if not paths:
        return None
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def page_states(status, pages=None):
    """Workflow states of pages with ``status``, with each page's title and id (and, for
    pages sent back, the last reviewer's comment and when it was made)."""
    page = Page.objects.filter(pk=OuterRef("page_id"))
    last_task = TaskState.objects.filter(workflow_state=OuterRef("pk")).order_by("-pk")
    states = (
        WorkflowState.objects.filter(status=status)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .annotate(
            title=Subquery(page.values("draft_title")[:1]),
            comment=Subquery(last_task.values("comment")[:1]),
            since=Subquery(last_task.values("started_at")[:1]),
            returned_at=Subquery(last_task.values("finished_at")[:1]),
        )
        .select_related("requested_by")
    )
    if pages is not None:
        states = states.filter(page_id__in=pages.values("pk"))
    return states


def awaiting_review_panel():
    """The committee's queue: disclosures and pages submitted for review, the longest waiting
    first."""
    return WorkQueuePanel.from_queryset(
        "pages_awaiting_review",
        _("Awaiting review"),
        page_states(WorkflowState.STATUS_IN_PROGRESS).order_by("since", "pk"),
        lambda state: QueueRow(
            label=state.title,
            url=reverse("wagtailadmin_pages:edit", args=[state.page_id]),
            detail=_("submitted by %(name)s") % {"name": person(state.requested_by)},
            badge=waiting_badge(state.since or state.created_at),
        ),
        empty=_("Nothing awaits review."),
        more_url=reverse("wagtailadmin_reports:workflow"),
        order=110,
    )


def returned_panel(user):
    """Pages returned for changes, with the reviewer's comment: the committee sees every one
    still waiting for its editors, an editor those of their organisations."""
    pages = None
    if not is_moderator(user):
        condition = in_organizations(user)
        if condition is None:
            return None
        pages = Page.objects.filter(condition)
    return WorkQueuePanel.from_queryset(
        "returned_for_changes",
        _("Returned for changes"),
        page_states(WorkflowState.STATUS_NEEDS_CHANGES, pages).order_by("returned_at", "pk"),
        lambda state: QueueRow(
            label=state.title,
            url=reverse("wagtailadmin_pages:edit", args=[state.page_id]),
            detail=state.comment or "—",
            badge=waiting_badge(state.returned_at or state.created_at),
        ),
        empty=_("Nothing was returned for changes."),
        order=115,
    )


def pages_in_workflow():
    """Ids of pages with the reviewers or sent back to their editors. (Not through the page's
    ``_workflow_states`` relation: it compares the text ``object_id`` with the integer id,
    which PostgreSQL refuses.)"""
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        )
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .values("page_id")
    )


def drafts_panel(user):
    """An editor's unfinished work in their organisations: pages they own or last edited that
    are not live or have unpublished changes, and are not with the reviewers."""
    condition = in_organizations(user)
    if condition is None:
        return None
    drafts = (
        Page.objects.filter(condition)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(pk__in=pages_in_workflow())
        .order_by("-latest_revision_created_at", "-pk")
    )
    return WorkQueuePanel.from_queryset(
        "my_drafts",
        _("Your drafts"),
        drafts,
        lambda page: QueueRow(
            label=page.draft_title,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            detail=_("not published yet") if not page.live else _("unpublished changes"),
            badge=date_format(
                timezone.localtime(page.latest_revision_created_at), "SHORT_DATE_FORMAT"
            )
            if page.latest_revision_created_at
            else "",
        ),
        empty=_("No drafts: everything you started is published or with the reviewers."),
        order=105,
    )


def person(user):
    if user is None:
        return "—"
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()
