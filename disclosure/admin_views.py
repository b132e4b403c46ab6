"""Admin views that are not plain edits: withdrawing a disclosure, importing members."""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from disclosure.imports import MAX_BYTES, apply_import, plan_import
from disclosure.models import DisclosurePage, OrganizationPage, Role
from home.caching import content_changed

WITHDRAW_ACTION = "disclosure.withdraw"


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=4,
        max_length=1000,
        help_text=gettext_lazy("Shown publicly on the disclosure's page with the date."),
    )


def can_withdraw(page, user):
    return page.live and not page.is_withdrawn and page.permissions_for_user(user).can_edit()


def withdraw(request, page_id):
    """Withdraw a published disclosure: it stays at its URL, marked 已撤回 with the reason."""
    page = get_object_or_404(DisclosurePage, pk=page_id)
    if not can_withdraw(page, request.user):
        raise PermissionDenied
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page.withdrawn_at = timezone.now()
        page.withdrawal_reason = form.cleaned_data["reason"].strip()
        DisclosurePage.objects.filter(pk=page.pk).update(
            withdrawn_at=page.withdrawn_at, withdrawal_reason=page.withdrawal_reason
        )
        log(instance=page, action=WITHDRAW_ACTION, user=request.user)
        content_changed()
        messages.success(request, _("“%(title)s” has been withdrawn.") % {"title": page.title})
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(request, "disclosure/admin/withdraw.html", {"page": page, "form": form})


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


def importable_organizations(user):
    """Moderators import into any organisation; editors into their own."""
    organizations = OrganizationPage.objects.live().order_by("title")
    if user.has_perm("disclosure.add_membership"):
        return organizations
    return organizations.filter(memberships__user=user, memberships__role=Role.EDITOR)


def import_members(request):
    """Upload, preview each row with its errors, then confirm: all rows or none."""
    organizations = importable_organizations(request.user)
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
        plan = plan_import(organization, data)
        if "confirm" in request.POST and plan.ok:
            unsent = apply_import(organization, plan, request.build_absolute_uri("/"))
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
