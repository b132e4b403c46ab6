"""One set of words and colours for states across the admin (screens, practice reports,
disclosures), so a clerk reads a state the same way on every listing.

The words are the states' own ``TextChoices`` labels; the colour (tone) of each state is kept in
one table here, by the state's stored value, so the apps need not agree on anything else. Home
knows the values as plain strings and imports none of the apps that define them.
"""

from django.template.loader import render_to_string
from wagtail.admin.ui.tables import Column

OK, WARN, DANGER, MUTED = "ok", "warn", "danger", "muted"

TONES = {
    # screens.models.ScreenStatus
    "online": OK,
    "stale": WARN,
    "offline": DANGER,
    # integrity.models.ReportStatus: waiting for the committee, sent back, accepted
    "submitted": WARN,
    "returned": DANGER,
    "approved": OK,
    # disclosure.models.disclosures.DisclosureState
    "live": OK,
    "withdrawn": WARN,
    "removed": DANGER,
}


def tone_of(value):
    """The tone of a state's stored value; grey for anything not in the table."""
    return TONES.get(str(value), MUTED)


def status_tag(choice):
    """A ``TextChoices`` member as the admin's coloured status tag (its label, its tone)."""
    return render_to_string(
        "home/admin/status_tag.html", {"label": choice.label, "tone": tone_of(choice.value)}
    )


class StatusColumn(Column):
    """A listing column showing a choice field as a status tag, sortable by the field."""

    def __init__(self, name, choices, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)
        self.choices = choices

    def get_value(self, instance):
        value = getattr(instance, self.name)
        return status_tag(self.choices(value)) if value else ""
