"""Work queues on the admin dashboard: one panel component for every app's queue.

Each app adds its own queues through Wagtail's ``construct_homepage_panels`` hook (in its
``wagtail_hooks.py``), for the roles it knows about; home knows none of them. A queue shows at
most ``QUEUE_ROWS`` rows and the total, each row one click from its action, and a link to the
full list; an empty queue says so rather than vanish, so a clerk sees the work is done.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

QUEUE_ROWS = 10


@dataclass
class QueueRow:
    """One item of work: what it is, where to act on it, and a short note (age, status)."""

    label: str
    url: str
    detail: str = ""
    badge: str = ""


def days_since(moment, today=None):
    """Whole days from ``moment`` (a date or datetime) to today, in the site's time zone."""
    if hasattr(moment, "tzinfo"):
        moment = timezone.localdate(moment)
    return ((today or timezone.localdate()) - moment).days


def waiting_badge(moment):
    """ "waiting N days" since ``moment``."""
    days = days_since(moment)
    return ngettext("waiting %(days)d day", "waiting %(days)d days", days) % {"days": days}


class WorkQueuePanel(Component):
    """A dashboard panel listing one queue of work.

    ``rows`` are the first ``QUEUE_ROWS`` items (``QueueRow``), ``total`` how many there are in
    all; ``more_url`` leads to the full list.
    """

    template_name = "home/admin/work_queue.html"

    def __init__(self, name, heading, rows, *, total=None, empty="", more_url="", order=150):
        self.name = name
        self.heading = heading
        self.rows = list(rows)[:QUEUE_ROWS]
        self.total = len(self.rows) if total is None else total
        self.empty = empty
        self.more_url = more_url
        self.order = order

    @classmethod
    def from_queryset(cls, name, heading, queryset, make_row, **kwargs):
        """A queue of ``queryset``'s items (ordered, with what ``make_row`` reads selected),
        ``make_row(item)`` giving each row: two queries, however long the queue."""
        rows = [make_row(item) for item in queryset[:QUEUE_ROWS]]
        return cls(name, heading, rows, total=queryset.count(), **kwargs)

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "rows": self.rows,
            "total": self.total,
            "hidden": max(self.total - len(self.rows), 0),
            "empty": self.empty,
            "more_url": self.more_url,
        }


class PublicAddressPanel(Component):
    """Tells the committee, at the top of the dashboard, that printed QR codes and links point
    to a local or private-network address (home.addresses): a poster printed now would scan
    to a page readers cannot open."""

    name = "public_address"
    template_name = "home/admin/public_address.html"
    order = 50  # above every queue

    def __init__(self, address):
        self.address = address

    def get_context_data(self, parent_context):
        return {"address": self.address}
