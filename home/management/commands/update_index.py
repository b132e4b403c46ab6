"""Wagtail's `update_index`, with a progress bar per model: counts, time left, a summary.

The stock command prints a dot per thousand objects; re-indexing 10,000 disclosures takes about
a minute (pinyin and attachments, home.search), so it shows how far it is (home.progress_bar).
"""

from django.utils.translation import gettext as _
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from home.progress_bar import Progress


class Command(WagtailUpdateIndex):
    progress = None

    def queryset_chunks(self, qs, chunk_size=1000):
        total = qs.count()
        self.progress = Progress(total, self.stdout, "") if self.verbosity > 0 else None
        for chunk in super().queryset_chunks(qs, chunk_size):
            yield chunk
            if self.progress is not None:
                self.progress.advance(len(chunk))

    def print_iter_progress(self, iterable):
        yield from iterable  # the progress bar above replaces the stock dots

    def print_newline(self):
        if self.progress is not None:
            self.progress.finish(_("indexed"))
            self.progress = None
        else:
            super().print_newline()
