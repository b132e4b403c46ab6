"""The admin's video upload form, with a size limit and a clear message past it."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm


class FilmUploadForm(BaseMediaForm):
    """wagtailmedia's form, refusing files over FILM_MAX_UPLOAD_MB (README, "Films")."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.FILM_MAX_UPLOAD_MB
        if upload is not None and getattr(upload, "size", 0) > limit * 1024 * 1024:
            raise forms.ValidationError(
                _(
                    "This file is %(size)d MB; films may be at most %(limit)d MB. Shorten or "
                    "compress it (for example 720p H.264 or VP9), or give a video address instead."
                )
                % {"size": upload.size // (1024 * 1024), "limit": limit}
            )
        return upload
