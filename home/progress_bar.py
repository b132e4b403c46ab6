"""A text progress bar for long management commands: counts, rate, time left, then a summary."""

import sys
import time

BAR_WIDTH = 30
MIN_INTERVAL = 0.25  # seconds between redraws


def format_seconds(seconds):
    seconds = int(seconds)
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}:{seconds:02d}"


class Progress:
    """Redraws one line in place on a terminal, prints a line per 10 % elsewhere (CI logs)."""

    def __init__(self, total, stdout, label):
        self.total = max(total, 0)
        self.stdout = stdout
        self.label = label
        self.done = 0
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.last_decile = -1
        self.interactive = getattr(getattr(stdout, "_out", stdout), "isatty", lambda: False)()

    def advance(self, count=1):
        self.done += count
        now = time.monotonic()
        if self.interactive:
            if now - self.last_draw >= MIN_INTERVAL or self.done >= self.total:
                self.last_draw = now
                self.stdout.write("\r" + self.line(now), ending="")
                self.stdout.flush()
        else:
            decile = int(10 * self.done / self.total) if self.total else 10
            if decile != self.last_decile:
                self.last_decile = decile
                self.stdout.write(self.line(now))

    def line(self, now):
        fraction = self.done / self.total if self.total else 1.0
        filled = int(BAR_WIDTH * fraction)
        elapsed = now - self.started
        left = elapsed / self.done * (self.total - self.done) if self.done else 0
        return (
            f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{self.done}/{self.total} {fraction:6.1%}  "
            f"elapsed {format_seconds(elapsed)}  left {format_seconds(left)}"
        )

    def finish(self, summary):
        elapsed = time.monotonic() - self.started
        if self.interactive:
            self.stdout.write("")
        rate = self.done / elapsed if elapsed else 0
        self.stdout.write(f"{summary} ({self.done} in {format_seconds(elapsed)}, {rate:.0f}/s)")
        sys.stdout.flush()
