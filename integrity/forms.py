"""The practice report form that an organisation's editor fills in on the site."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.uploads import LimitedImageField
from integrity.models import PracticeReport

MAX_PHOTOS = 6


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos at once; each must be a real image within the upload limits (home.uploads)."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("At most %(count)d photos.") % {"count": MAX_PHOTOS}, code="too_many"
            )
        image_field = LimitedImageField(required=False)
        cleaned = []
        for upload in files:
            try:
                cleaned.append(image_field.clean(upload))
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(name)s” is not a photo we can use: %(reason)s")
                    % {"name": upload.name, "reason": " ".join(error.messages)}
                ) from error
        return cleaned


class PracticeReportForm(forms.ModelForm):
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 6 photos (JPEG, PNG or WebP, 10 MB each at most)."),
    )

    class Meta:
        model = PracticeReport
        fields = [
            "held_on",
            "held_on_note",
            "attendance",
            "attendee_names",
            "summary",
            "public_highlight",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "attendee_names": forms.Textarea(attrs={"rows": 3}),
        }

    # The choice to show a photo on the portal comes after the photos.
    field_order = ["held_on", "held_on_note", "attendance", "attendee_names", "summary", "photos"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser's date picker stops at today; PracticeReport.clean refuses a later day.
        self.fields["held_on"].widget.attrs["max"] = timezone.localdate().isoformat()
