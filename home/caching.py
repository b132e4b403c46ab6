"""Cached snapshots of published content, dropped whenever published content changes.

Some things every page shows (site settings, the portal's key figures) cost queries that need
not run on each request. They are cached under a key that carries a content version; publishing,
unpublishing, moving or deleting a page, changing a view restriction or saving settings bumps the
version. With several processes and the local-memory cache another process may serve an old
snapshot for up to its timeout; a shared cache (REDIS_URL) drops it everywhere at once.
"""

from django.core.cache import cache
from django.db.models import F, Subquery
from django.utils import timezone
from wagtail.models import Page

from home.models import ContentVersion

VERSION_KEY = "content-version"
DEFAULT_TIMEOUT = 300


def versioned_key(name):
    return f"{name}:{cache.get_or_set(VERSION_KEY, 1)}"


def cached_snapshot(name, build, timeout=DEFAULT_TIMEOUT):
    value = cache.get(versioned_key(name))
    if value is None:
        value = build()
        # Key taken again: building may itself have changed content (e.g. created a settings row).
        cache.set(versioned_key(name), value, timeout)
    return value


def content_changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2)
    # The shared counter, for caches that every process must drop at once (screens).
    if not ContentVersion.objects.filter(pk=1).update(
        number=F("number") + 1, changed_at=timezone.now()
    ):
        ContentVersion.objects.get_or_create(pk=1)


def database_version():
    """A subquery of the shared content version, to annotate onto another query."""
    return Subquery(ContentVersion.objects.filter(pk=1).values("number")[:1])


def page_saved(sender, instance, **kwargs):
    # Pages saved live by scripts and imports change content without a publish signal.
    if isinstance(instance, Page):
        content_changed()


def index_url(model):
    """The address of the first live page of ``model`` (a section's index, for the portal's
    "More" link), or "". Cached with the published content, so the portal does not look it up
    each time."""

    def lookup():
        index = model.objects.live().first()
        return index.url if index else ""

    return cached_snapshot(f"portal-index-url:{model._meta.label_lower}", lookup)
