"""Admin and portal integration of the training app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from disclosure.roles import managed_organizations
from home.admin_privacy import PermissionCheckedSnippetViewSet
from home.caching import index_url
from home.sections import PortalSection
from training import admin_views, learner_context  # noqa: F401  (registers its hook)
from training.admin_forms import QuestionForm, RevokeCertificateForm
from training.models import Certificate, CourseIndexPage, Learner, Question, courses_for_readers

PORTAL_COURSES = 5


@hooks.register("register_portal_section")
def courses_section(request):
    courses = list(courses_for_readers()[:PORTAL_COURSES])
    if not courses:
        return None
    return PortalSection(
        key="training",
        template="training/portal_courses.html",
        context={"courses": courses},
        more_url=index_url(CourseIndexPage),
    )


class IssuedRecordPolicy(ModelPermissionPolicy):
    """Records the site makes itself (learners, certificates): nobody adds or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Learner, IssuedRecordPolicy(Learner), exact_class=True)
register_permission_policy(Certificate, IssuedRecordPolicy(Certificate), exact_class=True)


class QuestionViewSet(PermissionCheckedSnippetViewSet):
    model = Question
    icon = "help"
    menu_label = gettext_lazy("Question bank")
    list_display = ["text", "course", "kind", "active"]
    list_filter = ["course", "kind", "active"]
    search_fields = ["text"]
    ordering = ["course", "pk"]
    copy_view_enabled = True


Question.base_form_class = QuestionForm


class LearnerViewSet(PermissionCheckedSnippetViewSet):
    model = Learner
    icon = "user"
    menu_label = gettext_lazy("Learners")
    list_display = ["user", "organization", "track", "created_at"]
    list_filter = ["track", "organization"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    copy_view_enabled = False


class CertificateViewSet(PermissionCheckedSnippetViewSet):
    model = Certificate
    icon = "tasks"
    menu_label = gettext_lazy("Certificates")
    list_display = ["course_title", "learner_name", "issued_on", "hours", "revoked_at"]
    list_filter = ["course", "issued_on"]
    search_fields = ["code", "learner_name", "course_title"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("learner_name", read_only=True),
        FieldPanel("course_title", read_only=True),
        FieldPanel("issued_on", read_only=True),
        FieldPanel("hours", read_only=True),
        FieldPanel("revoke_reason"),
    ]


Certificate.base_form_class = RevokeCertificateForm


class TrainingGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Training")
    menu_icon = "tasks"
    menu_order = 310
    items = (QuestionViewSet, LearnerViewSet, CertificateViewSet)


register_snippet(TrainingGroup)


# ---- training reports (admin views in training.admin_views) ---------------------------------


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("training/reports/", admin_views.reports, name="training_reports"),
        path("training/reports/export.csv", admin_views.export_csv, name="training_reports_csv"),
        path("training/reports/export.xlsx", admin_views.export_xlsx, name="training_reports_xlsx"),
    ]


class TrainingReportsMenuItem(MenuItem):
    """Shown to whoever may see at least one organisation: moderators and editors."""

    def is_shown(self, request):
        return managed_organizations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return TrainingReportsMenuItem(
        gettext_lazy("Training reports"),
        reverse("training_reports"),
        icon_name="clipboard-list",
        order=320,
    )


# ---- dashboard work queue (home.dashboard) -------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_overdue_training_panel(request, panels):
    """The committee's queue of organisations with learners overdue on required courses (as
    in the training report's overdue list), the longest overdue first."""
    from django.db.models import Count, Min
    from django.utils import timezone
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from home.dashboard import QUEUE_ROWS, QueueRow, WorkQueuePanel, days_since
    from home.roles import is_moderator
    from training.models import Enrolment

    if not is_moderator(request.user):
        return
    by_organization = list(
        Enrolment.objects.filter(
            learner__active=True,
            course__required=True,
            course__live=True,
            completed_at__isnull=True,
            due_on__lt=timezone.localdate(),
        )
        .values("learner__organization", "learner__organization__title")
        .annotate(learners=Count("learner", distinct=True), oldest=Min("due_on"))
        .order_by("oldest", "learner__organization__title")
    )
    address = reverse("training_reports")
    rows = [
        QueueRow(
            label=row["learner__organization__title"],
            url=f"{address}?organization={row['learner__organization']}",
            detail=ngettext(
                "%(count)d learner overdue", "%(count)d learners overdue", row["learners"]
            )
            % {"count": row["learners"]},
            badge=ngettext(
                "overdue %(days)d day", "overdue %(days)d days", days_since(row["oldest"])
            )
            % {"days": days_since(row["oldest"])},
        )
        for row in by_organization[:QUEUE_ROWS]
    ]
    panels.append(
        WorkQueuePanel(
            "overdue_training",
            _("Overdue training"),
            rows,
            total=len(by_organization),
            empty=_("No learner is overdue on a required course."),
            more_url=address,
            order=135,
        )
    )
