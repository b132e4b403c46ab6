"""Admin actions on disclosures that are not plain edits: withdrawal."""

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

from disclosure.models import DisclosurePage
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
