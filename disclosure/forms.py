"""The admin form of a disclosure: a public change note for every later publication, and
attachments named for readers."""

import os
import re

from django.utils.translation import gettext_lazy as _

from home.forms import SitePageForm

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class DisclosurePageForm(SitePageForm):
    """Ask for a change note whenever a published disclosure is published or submitted again
    (and choose only what the editor may, as every page form: home.forms)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.was_published:
            # Each publication gets its own note: never offer the previous one again.
            self.initial["change_note"] = ""
            self.initial["minor_change"] = False
        else:
            for name in ("change_note", "minor_change"):
                if name in self.fields:
                    self.fields[name].help_text = _("Not needed for the first publication.")

    @property
    def was_published(self):
        return bool(self.instance.pk and self.instance.index_number)

    def clean(self):
        cleaned_data = super().clean()
        publishing = any(action in self.data for action in PUBLISHING_ACTIONS)
        if (
            publishing
            and self.was_published
            and not cleaned_data.get("minor_change")
            and not (cleaned_data.get("change_note") or "").strip()
        ):
            self.add_error(
                "change_note",
                _("Say what changed for readers, or tick “minor change” for a typo or layout fix."),
            )
        if publishing:
            self.refuse_file_names_as_attachment_names()
        return cleaned_data

    def attachment_forms(self):
        """The attachment rows kept on save that have a document."""
        formset = self.formsets.get("attachments")
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid()
            and form.cleaned_data.get("document")
            and not form.cleaned_data.get("DELETE")
        ]

    def refuse_file_names_as_attachment_names(self):
        """An attachment is named after its document unless the editor names it; when that
        name is only the uploaded file's name (Wagtail fills a document's title in from the
        file: “zhutidangri”), readers would see the file name, so publishing asks for a name."""
        for form in self.attachment_forms():
            document = form.cleaned_data["document"]
            name = form.cleaned_data.get("title") or document.title
            if name == document.title and title_is_file_name(document):
                form.add_error(
                    "title",
                    _("“%(name)s” is the file's name: type the name readers should see.")
                    % {"name": document.title},
                )

    def save(self, commit=True):
        # An unnamed attachment shows its document's title, written into the row so the
        # editor sees (and may change) the name readers get.
        for form in self.attachment_forms():
            if not form.instance.title:
                form.instance.title = form.cleaned_data["document"].title
        return super().save(commit=commit)


def title_is_file_name(document):
    """True when a document's title is just its file's name in Latin letters (“IMG_2031”,
    “zhutidangri”), as Wagtail fills it in on upload. A Chinese file name is usually a name
    readers can read, so it is accepted."""
    stem = os.path.splitext(os.path.basename(document.file.name))[0]
    stem = re.sub(r"_[A-Za-z0-9]{7}$", "", stem)  # the suffix storage adds to a taken name

    def plain(text):
        return re.sub(r"[\s_.-]+", "", text).casefold()

    return document.title.isascii() and plain(document.title) == plain(stem)
