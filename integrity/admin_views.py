"""The committee's review of practice reports in the admin: the queue and one report's screen.

A report is read on one screen (photos, those present, the summary, the day against the
month's window, its history) and approved or returned there; the queue approves several at
once. Every change goes through ``PracticeReport.approve`` / ``return_for_changes``, so a
report is reviewed the same way however it is reached. Only those who may review reports
(``REVIEW_PRACTICE_REPORTS``) get here; anyone else is sent back by Wagtail's admin.
"""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from disclosure.roles import REVIEW_PRACTICE_REPORTS
from home.admin_privacy import page_ids
from integrity.models import PracticeReport, ReportStatus

PER_PAGE = 50
# Names are typed one a line or separated by 、 or commas.
NAME_SEPARATORS = re.compile(r"[\s,，、;；]+")


def check_reviewer(request):
    if not request.user.has_perm(REVIEW_PRACTICE_REPORTS):
        raise PermissionDenied


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={
            "required": gettext_lazy("Say what should change when returning a report.")
        },
    )


def review_queue(request):
    """Reports awaiting review, the longest waiting first; POST approves the ticked ones."""
    check_reviewer(request)
    if request.method == "POST":
        ids = page_ids(request.POST.getlist("report"))
        approved = sum(
            report.approve(request.user)
            for report in PracticeReport.objects.awaiting_review().filter(pk__in=ids)
        )
        if approved:
            messages.success(
                request,
                ngettext(
                    "%(count)d practice report approved.",
                    "%(count)d practice reports approved.",
                    approved,
                )
                % {"count": approved},
            )
        else:
            messages.warning(request, _("No report was approved: tick the reports to approve."))
        return redirect("integrity_review")
    reports = PracticeReport.objects.awaiting_review().select_related(
        "organization", "program", "submitted_by"
    )
    page = Paginator(reports, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "integrity/admin/review_queue.html", {"page": page})


def review_report(request, report_id):
    """One report with everything needed to judge it, and the approve / return forms."""
    check_reviewer(request)
    report = get_object_or_404(
        PracticeReport.objects.select_related("organization", "program", "submitted_by"),
        pk=report_id,
    )
    return_form = ReturnForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "approve":
            if report.approve(request.user):
                messages.success(
                    request,
                    _("Approved the practice report of %(org)s.") % {"org": report.organization},
                )
            else:
                messages.warning(request, already_reviewed(report))
            return redirect("integrity_review")
        if action == "return":
            return_form = ReturnForm(request.POST)
            if return_form.is_valid():
                try:
                    returned = report.return_for_changes(
                        request.user, return_form.cleaned_data["comment"]
                    )
                except ValidationError as error:
                    return_form.add_error("comment", error.message_dict["reviewer_comment"])
                else:
                    if returned:
                        messages.success(
                            request,
                            _("Returned the practice report of %(org)s for changes.")
                            % {"org": report.organization},
                        )
                    else:
                        messages.warning(request, already_reviewed(report))
                    return redirect("integrity_review")
    photos = report.photos.select_related("image").order_by("pk")
    return TemplateResponse(
        request,
        "integrity/admin/review_report.html",
        {
            "report": report,
            "status": ReportStatus(report.status),
            "photos": photos,
            "names": [name for name in NAME_SEPARATORS.split(report.attendee_names) if name],
            "outside_window": outside_window(report),
            "history": report.review_history(),
            "return_form": return_form,
        },
    )


def already_reviewed(report):
    report.refresh_from_db(fields=["status"])
    return _("This report was already reviewed (%(status)s); nothing was changed.") % {
        "status": ReportStatus(report.status).label
    }


def outside_window(report):
    program = report.program
    if not (program.practice_start and program.practice_end):
        return False
    return not (program.practice_start <= report.held_on <= program.practice_end)
