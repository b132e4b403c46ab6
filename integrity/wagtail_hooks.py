"""Admin and portal integration of the integrity programme."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.images import get_image_model
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action
from wagtail.snippets.models import register_snippet

import home.converters  # noqa: F401 - registers <id:…>
from disclosure.roles import REVIEW_PRACTICE_REPORTS, edited_organizations
from home.admin_privacy import PermissionCheckedSnippetViewSet
from home.caching import index_url
from home.dashboard import QueueRow, WorkQueuePanel, waiting_badge
from home.sections import PortalSection
from home.status import StatusColumn, status_tag
from home.visibility import PUBLIC_FILE_HOOK
from integrity import admin_views
from integrity.models import (
    REPORT_APPROVED_ACTION,
    REPORT_RETURNED_ACTION,
    REPORT_SUBMITTED_ACTION,
    IntegrityIndexPage,
    MonthlyProgramPage,
    PracticeReport,
    ReportPhoto,
    ReportStatus,
)

# The portal shows this many practice highlights, each with its first photo in this rendition
# (the same spec as in integrity/portal_highlights.html, so the prefetch finds it).
PORTAL_HIGHLIGHTS = 4
HIGHLIGHT_PHOTO = "fill-480x360"


class PracticeReportViewSet(PermissionCheckedSnippetViewSet):
    """Moderators approve a report or return it with a comment."""

    model = PracticeReport
    icon = "tick-inverse"
    menu_label = gettext_lazy("Practice reports")
    list_display = [
        "organization",
        "program",
        StatusColumn("status", ReportStatus, label=gettext_lazy("Status")),
        "held_on",
        "submitted_at",
    ]
    list_filter = ["status", "program"]


register_snippet(PracticeReportViewSet)


@hooks.register("after_edit_snippet")
def record_review(request, instance):
    """A review made in the snippet's edit form, recorded as the review screen records one."""
    if isinstance(instance, PracticeReport):
        PracticeReport.objects.filter(pk=instance.pk).update(
            reviewed_by=request.user, reviewed_at=timezone.now()
        )
        action = {
            ReportStatus.APPROVED: REPORT_APPROVED_ACTION,
            ReportStatus.RETURNED: REPORT_RETURNED_ACTION,
        }.get(instance.status)
        if action:
            log_action(
                instance, action, user=request.user, data={"comment": instance.reviewer_comment}
            )


# ---- the review screen (integrity.admin_views) ---------------------------------------------


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("practice-reports/review/", admin_views.review_queue, name="integrity_review"),
        path(
            "practice-reports/review/<id:report_id>/",
            admin_views.review_report,
            name="integrity_review_report",
        ),
    ]


class ReviewMenuItem(MenuItem):
    """“实践报告审核”, with the number of reports awaiting review in its label (Wagtail's
    sidebar has no badge of its own)."""

    def is_shown(self, request):
        return request.user.has_perm(REVIEW_PRACTICE_REPORTS)

    def render_component(self, request):
        count = PracticeReport.objects.awaiting_review().count()
        label = self.label
        if count:
            label = _("%(label)s (%(count)d)") % {"label": self.label, "count": count}
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        gettext_lazy("Practice report review"),
        reverse("integrity_review"),
        name="practice-report-review",
        icon_name="tick-inverse",
        order=310,
    )


class ReviewFormatter(LogFormatter):
    """A report's submission or review in its history, with the reviewer's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    @actions.register_action(REPORT_SUBMITTED_ACTION)
    class SubmittedFormatter(ReviewFormatter):
        label = gettext_lazy("Submit practice report")
        message = gettext_lazy("Submitted for review")

    @actions.register_action(REPORT_APPROVED_ACTION)
    class ApprovedFormatter(ReviewFormatter):
        label = gettext_lazy("Approve practice report")
        message = pgettext_lazy("practice report", "Approved")

    @actions.register_action(REPORT_RETURNED_ACTION)
    class ReturnedFormatter(ReviewFormatter):
        label = gettext_lazy("Return practice report")
        message = gettext_lazy("Returned for changes")


# ---- dashboard work queues (home.dashboard) ------------------------------------------------


def reports_to_review_panel():
    return WorkQueuePanel.from_queryset(
        "practice_reports_to_review",
        _("Practice reports to review"),
        PracticeReport.objects.awaiting_review().select_related("organization", "program"),
        lambda report: QueueRow(
            label=report.organization.title,
            url=reverse("integrity_review_report", args=[report.pk]),
            detail=report.program.title,
            badge=waiting_badge(report.submitted_at),
        ),
        empty=_("No practice report awaits review."),
        more_url=reverse("integrity_review"),
        order=120,
    )


def report_status(report, programme):
    """(detail, badge) of an organisation's report on ``programme``."""
    if report is None:
        deadline = programme.practice_end
        if deadline is None:
            return _("Not reported"), ""
        return _("Not reported"), _("due %(date)s") % {
            "date": date_format(deadline, "MONTH_DAY_FORMAT")
        }
    state = status_tag(ReportStatus(report.status))  # the admin's words and colours (home.status)
    if report.status == ReportStatus.RETURNED:
        return state, report.reviewer_comment
    return state, ""


def this_months_report_panel(user):
    """This month's report of each organisation the user edits: its status and deadline."""
    organizations = list(edited_organizations(user))
    programme = MonthlyProgramPage.current()
    if not organizations or programme is None:
        return None
    reports = {
        report.organization_id: report
        for report in PracticeReport.objects.filter(
            program=programme, organization__in=[org.pk for org in organizations]
        )
    }
    address = reverse("integrity:report", args=[programme.pk])
    rows = []
    for organization in organizations:
        detail, badge = report_status(reports.get(organization.pk), programme)
        rows.append(
            QueueRow(
                label=f"{organization.title} · {programme.title}",
                url=f"{address}?organization={organization.slug}",
                detail=detail,
                badge=badge,
            )
        )
    return WorkQueuePanel(
        "this_months_practice_report",
        _("This month's practice report"),
        rows,
        total=len(organizations),
        order=140,
    )


@hooks.register("construct_homepage_panels")
def add_practice_report_panels(request, panels):
    if request.user.has_perm(REVIEW_PRACTICE_REPORTS):
        panels.append(reports_to_review_panel())
    panel = this_months_report_panel(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_portal_section")
def this_month_section(request):
    programme = MonthlyProgramPage.current()
    if programme is None:
        return None
    return PortalSection(
        key="integrity",
        template="integrity/portal_programme.html",
        context={"programme": programme, "is_this_month": programme.is_this_month},
        more_url=index_url(IntegrityIndexPage),
    )


def portal_highlights(count=PORTAL_HIGHLIGHTS):
    """The photos of the latest highlights, each with its report, organisation, month and
    image (one query) and the image's rendition (one more), however many there are."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=HIGHLIGHT_PHOTO)
    return list(
        ReportPhoto.objects.on_the_portal()
        .select_related("report__organization", "report__program", "image")
        .prefetch_related(Prefetch("image__renditions", queryset=renditions))
        .order_by("-report__program__month", "-report__reviewed_at", "-report__pk")[:count]
    )


@hooks.register("register_portal_section")
def practice_highlights_section(request):
    photos = portal_highlights()
    if not photos:
        return None
    return PortalSection(
        key="highlights", template="integrity/portal_highlights.html", context={"photos": photos}
    )


@hooks.register(PUBLIC_FILE_HOOK)
def highlight_photo_is_public(obj):
    """The portal shows the first photo of each highlight to everyone: serve it to everyone."""
    if not isinstance(obj, get_image_model()):
        return False
    return ReportPhoto.objects.on_the_portal().filter(image_id=obj.pk).exists()


@hooks.register("before_copy_page")
def copy_programme_to_the_next_free_month(request, page):
    """A copy of a monthly programme is next free month's draft (MonthlyProgramPage.copy).

    Wagtail's copy view would keep the month, which another programme may not share: on its
    confirmation the copy is made here instead, and the editor lands on the new draft.
    """
    page = page.specific_deferred
    if not isinstance(page, MonthlyProgramPage) or request.method != "POST":
        return None
    title = request.POST.get("new_title", "").strip()[:255] or page.title
    copy = page.copy(update_attrs={"title": title}, user=request.user)
    messages.success(
        request,
        _("Copied as the draft of %(month)s.")
        % {"month": date_format(copy.month, "YEAR_MONTH_FORMAT")},
    )
    return redirect("wagtailadmin_pages:edit", copy.pk)
