"""Admin forms of training: a question must have a right answer; revoking needs a reason."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from home import audit
from training.models import Enrolment, QuestionKind


class QuestionForm(WagtailAdminModelForm):
    """Checks the choices against the question type before anything is saved."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return cleaned
        kept = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        right = sum(1 for choice in kept if choice.get("correct"))
        kind = cleaned.get("kind")
        if len(kept) < 2:
            raise forms.ValidationError(_("A question needs at least two choices."))
        if kind == QuestionKind.TRUE_FALSE and len(kept) != 2:
            raise forms.ValidationError(
                _("A true-or-false question has exactly two choices (正确 and 错误).")
            )
        if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and right != 1:
            raise forms.ValidationError(_("Mark exactly one choice as correct."))
        if kind == QuestionKind.MULTIPLE and right < 1:
            raise forms.ValidationError(_("Mark at least one choice as correct."))
        texts = [choice.get("text", "").strip() for choice in kept]
        if len(set(texts)) != len(texts):
            raise forms.ValidationError(_("Two choices have the same text."))
        return cleaned


class RevokeCertificateForm(WagtailAdminModelForm):
    """Editing a certificate means revoking it: a reason is required, and it is shown publicly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["revoke_reason"]
        field.required = True
        field.help_text = gettext_lazy(
            "Shown on the public check page with the date. Revoking cannot be undone."
        )
        field.widget.attrs.setdefault("rows", 3)

    def clean_revoke_reason(self):
        reason = self.cleaned_data["revoke_reason"].strip()
        if len(reason) < 4:
            raise forms.ValidationError(_("Give the reason in a few words."))
        if self.instance.revoked_at is not None and reason != self.instance.revoke_reason:
            raise forms.ValidationError(_("This certificate is already revoked."))
        return reason

    def save(self, commit=True):
        certificate = super().save(commit=False)
        newly_revoked = certificate.revoked_at is None
        if newly_revoked:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = getattr(self, "for_user", None)
            # The course's 学时 are taken back with the certificate.
            Enrolment.objects.filter(pk=certificate.enrolment_id).update(hours_awarded=0)
        if commit:
            certificate.save()
        if newly_revoked:
            audit.record(
                audit.CERTIFICATE_REVOKED,
                certificate,
                user=certificate.revoked_by,
                data={"reason": certificate.revoke_reason, "code": certificate.code},
            )
        return certificate
