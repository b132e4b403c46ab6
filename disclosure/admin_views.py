"""Admin views that are not plain edits: withdrawing or taking down a disclosure, guarding the
earlier revisions of a taken-down one, importing members."""

import base64
import functools
import hashlib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from disclosure.imports import MAX_BYTES, apply_import, plan_import
from disclosure.models import DisclosurePage, OrganizationPage
from disclosure.models.disclosures import WithdrawalKind
from disclosure.roles import is_moderator, managed_organizations
from home import audit
from home.addresses import public_base_url
from home.throttle import Window

VIEW_REMOVED_REVISION_ACTION = "disclosure.view_removed_revision"
# Wagtail's page views (wagtail/admin/urls/pages.py) that show a revision's content, by name,
# with the words the page's history uses for them.
REVISION_VIEWS = {
    "revisions_view": gettext_lazy("preview"),
    "revisions_compare": gettext_lazy("comparison"),
    "revisions_revert": gettext_lazy("edit form of the earlier version"),
    "workflow_preview": gettext_lazy("review preview"),
}
PAGE_KEYS = ("page_id", "pk")  # how those URLs name the page

KIND_EXPLANATIONS = {
    WithdrawalKind.WITHDRAWN: gettext_lazy(
        "Withdraw (撤回): the text and attachments stay readable at the same address, marked "
        "as withdrawn. For items that are out of date, replaced or published twice."
    ),
    WithdrawalKind.REMOVED: gettext_lazy(
        "Take down (撤下): the summary, text and attachments are deleted from the page, search, "
        "feeds, the API and file downloads; only the title, the catalogue facts, the date and "
        "your reason stay. For personal information that was not masked, an ID number "
        "published by mistake, or anything that must not be read again."
    ),
}


class WithdrawalForm(forms.Form):
    """The kind of withdrawal and its public reason; a withdrawn page can only be taken down."""

    kind = forms.ChoiceField(
        label=gettext_lazy("What happens to the content"), widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=4,
        max_length=1000,
        help_text=gettext_lazy("Shown publicly on the disclosure's page with the date."),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [WithdrawalKind.REMOVED] if page.is_withdrawn else list(WithdrawalKind)
        self.fields["kind"].choices = [(kind.value, KIND_EXPLANATIONS[kind]) for kind in kinds]


def can_withdraw(page, user):
    """Live and not yet taken down (a withdrawn page may still be taken down)."""
    return page.live and not page.is_removed and page.permissions_for_user(user).can_edit()


def withdraw(request, page_id):
    """Withdraw (撤回) or take down (撤下) a published disclosure; it stays at its URL with the
    date and the reason, and a take-down also removes its summary, text and attachments."""
    page = get_object_or_404(DisclosurePage, pk=page_id)
    if not can_withdraw(page, request.user):
        raise PermissionDenied
    form = WithdrawalForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        page.withdraw(kind, form.cleaned_data["reason"].strip(), user=request.user)
        if kind == WithdrawalKind.REMOVED:
            message = _("“%(title)s” has been taken down.")
        else:
            message = _("“%(title)s” has been withdrawn.")
        messages.success(request, message % {"title": page.title})
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(request, "disclosure/admin/withdraw.html", {"page": page, "form": form})


def may_see_removed_content(user):
    """The committee (and superusers) may look at what a take-down removed, for the record."""
    return is_moderator(user)


def guard_removed_revisions(view, view_name):
    """Wrap one of Wagtail's revision views: on a taken-down disclosure only the committee may
    open it, and each time it does, the page's history says who looked at which revision."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        page_id = next((kwargs[name] for name in PAGE_KEYS if name in kwargs), None)
        page = DisclosurePage.objects.filter(pk=page_id).first()
        if page is None or not page.is_removed:
            return view(request, *args, **kwargs)
        if not may_see_removed_content(request.user):
            messages.error(
                request,
                _(
                    "This disclosure has been taken down: its earlier versions are open to the "
                    "committee only."
                ),
            )
            return redirect("wagtailadmin_pages:history", page.pk)
        response = view(request, *args, **kwargs)
        if response.status_code < 300:  # a redirect showed nothing
            shown = {name: str(value) for name, value in kwargs.items() if name not in PAGE_KEYS}
            log(
                instance=page,
                action=VIEW_REMOVED_REVISION_ACTION,
                user=request.user,
                data={"view": view_name, "method": request.method, **shown},
            )
        return response

    return guarded


class ImportMembersForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=OrganizationPage.objects.none()
    )
    csv_file = forms.FileField(
        label=gettext_lazy("CSV file"),
        required=False,
        help_text=gettext_lazy(
            "Columns: name (姓名), username (用户名) or phone (手机号), email (邮箱), "
            "role (角色: 职工, 党员 or 编辑). UTF-8 or GBK."
        ),
    )
    data = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def file_bytes(self):
        """The uploaded file, or on confirmation the same bytes carried from the preview."""
        upload = self.cleaned_data.get("csv_file")
        if upload:
            return upload.read(MAX_BYTES + 1)
        try:
            return base64.b64decode(self.cleaned_data.get("data") or "", validate=True)
        except ValueError:
            return b""


REFUSALS = Window("import-refusals", 24 * 3600)


def refusals_exhausted(user):
    return not is_moderator(user) and REFUSALS.count(user.pk) > settings.IMPORT_REFUSALS_PER_DAY


def count_refusals(request, organization, plan, data):
    """Refused rows are logged (the committee sees who probes which names) and counted: after
    IMPORT_REFUSALS_PER_DAY of them, a person's previews stop answering for the day, whatever the
    file holds. A taken username cannot be hidden from an import that creates accounts, but it
    cannot be used to list accounts either."""
    refused = [row.username for row in plan.rows if row.status == "refused"]
    if not refused:
        return
    audit.record(
        audit.IMPORT_REFUSED,
        organization,
        user=request.user,
        data={"usernames": refused, "sha256": hashlib.sha256(data).hexdigest()},
    )
    REFUSALS.hit(request.user.pk, len(refused))


def import_members(request):
    """Upload, preview each row with its errors, then confirm: all rows or none. Moderators
    import into any organisation, editors into their own."""
    organizations = managed_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = ImportMembersForm(
        request.POST or None, request.FILES or None, organizations=organizations
    )
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"]
        data = form.file_bytes()
        if not data:
            form.add_error("csv_file", _("Choose a CSV file."))
            return TemplateResponse(request, "disclosure/admin/import_members.html", context)
        plan = None
        if not refusals_exhausted(request.user):
            plan = plan_import(organization, data, actor=request.user)
            count_refusals(request, organization, plan, data)
        if plan is None or refusals_exhausted(request.user):
            form.add_error(
                None,
                _(
                    "Too many rows of your imports were refused today. Nothing was checked; "
                    "please contact 两新工委."
                ),
            )
            return TemplateResponse(request, "disclosure/admin/import_members.html", context)
        if "confirm" in request.POST and plan.ok:
            unsent = apply_import(organization, plan, public_base_url(), data, actor=request.user)
            messages.success(
                request,
                _("Imported %(count)d rows into %(org)s.")
                % {"count": len(plan.rows), "org": organization.title},
            )
            context.update(done=True, plan=plan, unsent=unsent, organization=organization)
        else:
            context.update(
                plan=plan,
                organization=organization,
                confirm_form=ImportMembersForm(
                    initial={
                        "organization": organization.pk,
                        "data": base64.b64encode(data).decode(),
                    },
                    organizations=organizations,
                ),
            )
    return TemplateResponse(request, "disclosure/admin/import_members.html", context)
