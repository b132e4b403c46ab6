"""Admin and portal integration of the integrity programme."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.admin_privacy import PermissionCheckedSnippetViewSet
from home.sections import PortalSection
from integrity.models import MonthlyProgramPage, PracticeReport


class PracticeReportViewSet(PermissionCheckedSnippetViewSet):
    """Moderators approve a report or return it with a comment."""

    model = PracticeReport
    icon = "tick-inverse"
    menu_label = gettext_lazy("Practice reports")
    list_display = ["organization", "program", "status", "held_on", "submitted_at"]
    list_filter = ["status", "program"]


register_snippet(PracticeReportViewSet)


@hooks.register("after_edit_snippet")
def record_review(request, instance):
    if isinstance(instance, PracticeReport):
        PracticeReport.objects.filter(pk=instance.pk).update(
            reviewed_by=request.user, reviewed_at=timezone.now()
        )


@hooks.register("register_portal_section")
def this_month_section(request):
    programme = MonthlyProgramPage.current()
    if programme is None:
        return None
    return PortalSection(
        key="integrity",
        template="integrity/portal_programme.html",
        context={"programme": programme, "is_this_month": programme.is_this_month},
        more_url=programme.get_parent().url,
    )


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
