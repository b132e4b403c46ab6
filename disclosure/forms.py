"""The admin form of a disclosure: a public change note for every later publication."""

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
        return cleaned_data
