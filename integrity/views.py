"""Site views of the integrity programme: the report form and the participation export.

Their addresses are fixed (``integrity/urls.py``), named by the programme page's id, like
training's; the programme page itself is served by Wagtail.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from disclosure.models import OrganizationPage
from disclosure.roles import REVIEW_PRACTICE_REPORTS, edited_organizations
from home.exports import CSV, Column, ColumnType, Table, export_response
from home.visibility import readable_by
from integrity.forms import PracticeReportForm
from integrity.models import MonthlyProgramPage, PracticeReport, ReportPhoto, ReportStatus


def readable_programme(page_id, user):
    """A live programme the user may read, else 404."""
    return get_object_or_404(readable_by(MonthlyProgramPage.objects.live(), user), pk=page_id)


def report_view(request, page_id):
    return report_form(request, readable_programme(page_id, request.user))


def participation_view(request, page_id):
    return participation_csv(request, readable_programme(page_id, request.user))


def chosen_organization(request, organizations):
    """The organisation named in the request, which must be one of the user's (else 403)."""
    slug = request.POST.get("organization") or request.GET.get("organization")
    if not slug:
        return organizations.first()
    organization = OrganizationPage.objects.filter(slug=slug).first()
    if organization is None or not organizations.filter(pk=organization.pk).exists():
        raise PermissionDenied
    return organization


def report_form(request, program):
    """File, or correct and resubmit, an organisation's report for ``program``'s month."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organizations = edited_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    organization = chosen_organization(request, organizations)
    report = PracticeReport.objects.filter(organization=organization, program=program).first()
    locked = report is not None and report.status != ReportStatus.RETURNED
    form = None
    if not locked:
        form = PracticeReportForm(
            request.POST or None,
            request.FILES or None,
            instance=report or PracticeReport(organization=organization, program=program),
        )
    if request.method == "POST":
        if locked:
            messages.error(
                request,
                _("%(org)s has already reported on this month; the report was not changed.")
                % {"org": organization.title},
            )
        elif form.is_valid():
            save_report(form, request.user, organization)
            messages.success(request, _("Thank you: the report has been sent for review."))
            address = reverse("integrity:report", args=[program.pk])
            return redirect(f"{address}?organization={organization.slug}")
    return TemplateResponse(
        request,
        "integrity/report_form.html",
        {
            "page": program,
            "form": form,
            "report": report,
            "locked": locked,
            "organization": organization,
            "organizations": organizations,
        },
    )


@transaction.atomic
def save_report(form, user, organization):
    report = form.save(commit=False)
    report.status = ReportStatus.SUBMITTED
    report.submitted_by = user
    report.submitted_at = timezone.now()
    report.save()
    report.log_submission(user)
    collection = getattr(getattr(organization, "access", None), "collection", None)
    Image = get_image_model()
    for number, upload in enumerate(form.cleaned_data["photos"], start=1):
        image = Image(
            title=f"{organization.title} {report.program.title} {number}",
            file=upload,
            uploaded_by_user=user,
        )
        if collection is not None:
            image.collection = collection
        image.save()
        ReportPhoto.objects.create(report=report, image=image)
    return report


def participation_csv(request, program):
    """Every organisation's report status for the month (moderators only), as CSV or, with
    ``?format=xlsx``, as XLSX."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(REVIEW_PRACTICE_REPORTS):
        raise PermissionDenied
    table = Table(
        title=_("Participation in the monthly programme"),
        columns=[
            Column(_("Organisation name")),
            Column(_("Status")),
            Column(_("Held on"), ColumnType.DATE),
            Column(_("Attendance"), ColumnType.INT),
        ],
        rows=[
            [
                organization.title,
                report.get_status_display() if report else _("Not reported"),
                report.held_on if report else None,
                report.attendance if report else None,
            ]
            for organization, report in PracticeReport.objects.status_by_organization(program)
        ],
        filters=[(_("Month"), date_format(program.month, "YEAR_MONTH_FORMAT"))],
    )
    return export_response(table, request.GET.get("format", CSV), f"participation-{program.slug}")
