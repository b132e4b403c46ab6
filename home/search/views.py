"""/search/: every page a visitor may read, found by any word in it, Chinese included."""

import re

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from home.models import HomePage, SitePage
from home.search.tokens import RUNS, normalize
from home.visibility import readable_by

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
SNIPPET_CONTEXT = 40
EXACT_MATCH_HOOK = "search_exact_match"
MAX_TITLE_MATCHES = 200


def searchable_types():
    """{model_name: model} of the site's page types that readers search."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if issubclass(model, SitePage) and model is not HomePage and model.search_fields
    }


def clean_query(request):
    value = request.GET.get("q", "")
    value = re.sub(r"[\x00-\x1f\x7f]", " ", value)  # control characters
    return value.strip()[:MAX_QUERY_LENGTH]


def highlight_words(query):
    """The runs of the query shown marked in snippets (normalised like the index)."""
    return sorted(
        {"".join(match) for match in RUNS.findall(normalize(query))}, key=len, reverse=True
    )


def snippet(text, words):
    """A short piece of ``text`` around the first matched word, matches in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    folded = normalize(text)
    positions = [folded.find(word) for word in words if word and folded.find(word) >= 0]
    start = max(min(positions) - SNIPPET_CONTEXT, 0) if positions else 0
    piece = text[start : start + 2 * SNIPPET_CONTEXT + 40]
    folded_piece = folded[start : start + len(piece)]
    marks = []
    for word in words:
        for found in re.finditer(re.escape(word), folded_piece):
            marks.append((found.start(), found.end()))
    html, cursor = [], 0
    for begin, end in sorted(marks):
        if begin < cursor:
            continue
        html.append(escape(piece[cursor:begin]))
        html.append(f"<mark>{escape(piece[begin:end])}</mark>")
        cursor = end
    html.append(escape(piece[cursor:]))
    prefix = "…" if start else ""
    suffix = "…" if start + len(piece) < len(text) else ""
    return mark_safe(prefix + "".join(html) + suffix)


class TitleFirstResults:
    """Pages whose title matches, then the pages that match only elsewhere; newest first in each.

    The database backends rank with one BM25 over all columns, so a long body can outrank a
    title, and computing that rank costs about 100 ms at 10,000 disclosures against a few ms for
    matching alone. Readers expect title matches first, then what is recent. Title matches are a
    subset of all matches, so one count and the title matches' ids (at most MAX_TITLE_MATCHES)
    give both groups.
    """

    def __init__(self, query, pages):
        backend = get_search_backend()
        pages = pages.order_by("-first_published_at")
        options = {"operator": "and", "order_by_relevance": False}
        self.all = backend.search(query, pages, **options)
        titles = backend.search(query, pages.only("id"), fields=["title"], **options)
        self.title_ids = [page.pk for page in titles[:MAX_TITLE_MATCHES]]
        self.rest = backend.search(query, pages.exclude(pk__in=self.title_ids), **options)
        self.pages = pages

    @cached_property
    def total(self):
        return self.all.count()

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        first = len(self.title_ids)
        start, stop = window.start or 0, window.stop
        items = []
        if start < first:
            wanted = self.title_ids[start : min(stop, first)]
            found = {page.pk: page for page in self.pages.filter(pk__in=wanted)}
            items = [found[pk] for pk in wanted if pk in found]
        if stop > first:
            items += list(self.rest[max(start - first, 0) : stop - first])
        return items


def search(request):
    """Search readable pages; a query that is exactly a catalogue number opens its page."""
    query = clean_query(request)
    types = searchable_types()
    chosen = request.GET.get("type", "")
    chosen = chosen if chosen in types else ""
    context = {"query": query, "types": types, "chosen_type": chosen, "page_obj": None}
    if query:
        for find_exact in hooks.get_hooks(EXACT_MATCH_HOOK):
            url = find_exact(request, query)
            if url:
                return redirect(url)
        readable = readable_by(Page.objects.live(), request.user).values("pk")
        pages = Page.objects.live().filter(pk__in=readable)
        if chosen:
            pages = pages.type(types[chosen])
        page_obj = Paginator(TitleFirstResults(query, pages), PER_PAGE).get_page(
            request.GET.get("page")
        )
        ids = [page.pk for page in page_obj.object_list]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        words = highlight_words(query)
        context["results"] = [
            {
                "page": specific[pk],
                "meta": specific[pk].search_meta(),
                "snippet": snippet(specific[pk].search_snippet_text(), words),
                "title": snippet(specific[pk].title, words),
            }
            for pk in ids
            if pk in specific
        ]
        context["page_obj"] = page_obj
    return TemplateResponse(request, "home/search.html", context)
