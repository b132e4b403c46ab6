"""Pagination whose total is cached with the published content (see home.caching)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from home.caching import cached_snapshot


class CachedCountPaginator(Paginator):
    """A paginator that counts once per content version and ``count_key``.

    Counting every public item is the one part of a listing whose cost grows with the data;
    the total only changes when content is published, unpublished, moved or restricted.
    """

    def __init__(self, object_list, per_page, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cached_snapshot(f"count:{self.count_key}", lambda: Paginator.count.func(self))
