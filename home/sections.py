"""Sections of the portal home page that other apps fill.

The home app cannot import the apps that depend on it, so each of them registers a function with
the ``register_portal_section`` Wagtail hook. The function takes the request and returns a
``PortalSection`` (or None to leave the slot to its empty state). Slots that nobody fills show a
calm empty state instead of disappearing, so the portal's layout is the same from the first day.
The slots' places on the page (site.css, "Portal layout") are named by their keys.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK_NAME = "register_portal_section"


@dataclass(frozen=True)
class Slot:
    key: str
    title: str
    empty_message: str


SLOTS = (
    Slot("figures", _("Key figures"), _("Figures appear once organisations have joined.")),
    Slot("disclosures", _("Latest disclosures"), _("No disclosures have been published yet.")),
    Slot(
        "integrity",
        _("This month: one lesson, one film, one practice"),
        _("This month's integrity programme has not been published yet."),
    ),
    Slot("training", _("Courses"), _("No courses are open yet.")),
    Slot(
        "highlights",
        _("Practice highlights"),
        _("Photos of the organisations' practice appear here once reports are approved."),
    ),
)


@dataclass
class PortalSection:
    """What an app puts in a slot: a template, its context and an optional "more" link."""

    key: str
    template: str
    context: dict = field(default_factory=dict)
    more_url: str = ""
    more_label: str = ""


def portal_sections(request):
    """Return the slots in order, each paired with the section filling it (or None)."""
    filled = {}
    for provider in hooks.get_hooks(HOOK_NAME):
        section = provider(request)
        if section is not None:
            filled[section.key] = section
    return [(slot, filled.get(slot.key)) for slot in SLOTS]
