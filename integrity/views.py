"""Site views of the integrity programme: the report form and the participation export."""

import csv

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from disclosure.models import Membership, OrganizationPage, Role
from home.spreadsheets import csv_cell
from integrity.forms import PracticeReportForm
from integrity.models import PracticeReport, ReportPhoto, ReportStatus
from integrity.participation import status_by_organization

REVIEW_PERMISSION = "integrity.change_practicereport"


def editable_organizations(user):
    """Organisations whose reports ``user`` files: those they are an editor of."""
    ids = Membership.objects.filter(user=user, role=Role.EDITOR).values("organization")
    return OrganizationPage.objects.live().filter(pk__in=ids).order_by("title")


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
    organizations = editable_organizations(request.user)
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
            return redirect(program.url + "report/?organization=" + organization.slug)
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
    """Every organisation's report status for the month (moderators only)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="participation-{program.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Organisation name"), _("Status"), _("Held on"), _("Attendance")])
    for organization, report in status_by_organization(program):
        writer.writerow(
            [
                csv_cell(organization.title),
                report.get_status_display() if report else _("Not reported"),
                report.held_on.isoformat() if report else "",
                report.attendance if report else "",
            ]
        )
    return response
