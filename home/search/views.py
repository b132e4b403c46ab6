"""/search/: every page a visitor may read, found by any word in it, Chinese included."""

import re
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from home.models import HomePage, SitePage
from home.search.query import spelled_in, understand, with_pinyin
from home.search.tokens import RUNS, fold, normalize
from home.visibility import readable_by

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
SNIPPET_CONTEXT = 40
EXACT_MATCH_HOOK = "search_exact_match"
MAX_TITLE_MATCHES = 200
# Apps say, for a list of page ids, what the ranking should know beyond the title:
# {pk: {"summary": text, "reference": a number it is cited by (文号), "current": False when
# withdrawn or repealed, "date": date}}.
RANK_FACTS_HOOK = "search_rank_facts"
# Matches ranked one by one; a query matching more ranks title matches first, then the newest.
CANDIDATES = 200
# Fewer matches of the whole query than this: notices answering part of it are ranked too.
RELAX_BELOW = 3


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


def highlight_words(query, understood=None):
    """The runs of the query, and the spellings its concepts stand for, shown marked in
    snippets (normalised like the index)."""
    words = {"".join(match) for match in RUNS.findall(normalize(query))}
    for concept in understood.concepts if understood else ():
        words.update(concept.alternatives)
    return sorted(words, key=len, reverse=True)


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
    for begin, end in sorted(marks, key=lambda mark: (mark[0], -mark[1])):  # longest first
        if begin < cursor:
            continue
        html.append(escape(piece[cursor:begin]))
        html.append(f"<mark>{escape(piece[begin:end])}</mark>")
        cursor = end
    html.append(escape(piece[cursor:]))
    prefix = "…" if start else ""
    suffix = "…" if start + len(piece) < len(text) else ""
    return mark_safe(prefix + "".join(html) + suffix)


def result_snippet(page, words):
    """The page's own text around the query; when that does not hold it and an attachment does
    (``attachment_texts``), the attachment's text, named: 附件《…》：…"""
    text = page.search_snippet_text()
    folded = normalize(text)
    if not any(word in folded for word in words):
        for title, attached in getattr(page, "attachment_texts", list)():
            if any(word in normalize(attached) for word in words):
                label = _("Attachment “%(title)s”: ") % {"title": title}
                return escape(label) + snippet(attached, words)
    return snippet(text, words)


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
        titles = backend.search(query, pages, fields=["title"], **options)
        self.title_ids = list(
            titles.get_queryset().values_list("pk", flat=True)[:MAX_TITLE_MATCHES]
        )
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


def matching_ids(query, pages, limit):
    """Ids of ``pages`` that match ``query`` (a search query object), newest first."""
    backend = get_search_backend()
    found = backend.search(query, pages.order_by("-first_published_at"), order_by_relevance=False)
    # The database backends' SQL as ids, without building a page object for each match.
    return list(found.get_queryset().values_list("pk", flat=True)[:limit])


class RankedResults:
    """Pages answering the query, the best answer first.

    Every concept of the query (home.search.query) must match, each in any of its spellings;
    when that finds nothing, the query is tried again with its Chinese words also spelled in
    pinyin (a homophone typed for the word meant); when it finds fewer than RELAX_BELOW pages,
    the newest pages answering part of the query (CANDIDATES / 2 for each concept) are ranked
    after them, by how much of it they answer (a question's best candidates are always shown). The
    ranking, one page at a time: how much of the query it answers, then how much of it its
    title or 文号 (three times) and summary hold, the whole query in the title counting twice
    more; then current before withdrawn or repealed; then the year the query asks for (今年);
    then the newest.
    A query matching more than CANDIDATES pages orders title matches first, then the newest.
    """

    def __init__(self, understood, pages):
        self.understood = understood
        self.overflow = None
        self.suggestion = ""
        concepts = understood.concepts
        whole = sum(concept.weight for concept in concepts)
        strict = matching_ids(understood.search_query(), pages, CANDIDATES + 1)
        if len(strict) > CANDIDATES:
            self.overflow = TitleFirstResults(understood.search_query(), pages)
            self.ids = []
            return
        retried = False
        if not strict:
            phonetic = with_pinyin(understood)
            if phonetic != understood:
                sounded = matching_ids(phonetic.search_query(), pages, CANDIDATES + 1)
                if len(sounded) > len(strict):
                    strict, understood, retried = sounded, phonetic, True
                    self.understood, concepts = phonetic, phonetic.concepts
        coverage = dict.fromkeys(strict, whole)
        if len(strict) < RELAX_BELOW and len(concepts) > 1:
            partial = {}
            for concept in concepts:
                for pk in matching_ids(concept.search_query(), pages, CANDIDATES // 2):
                    if pk not in coverage:
                        partial[pk] = partial.get(pk, 0) + concept.weight
            best = max(partial.values(), default=0)
            coverage.update((pk, weight) for pk, weight in partial.items() if 2 * weight >= best)
        self.ids = self.ranked(coverage, retried)

    def ranked(self, coverage, retried):
        if not coverage:
            return []
        ids = list(coverage)
        facts = {}
        for find_facts in hooks.get_hooks(RANK_FACTS_HOOK):
            facts.update(find_facts(ids))
        rows = list(
            Page.objects.filter(pk__in=ids).values_list("pk", "title", "first_published_at")
        )
        concepts, understood = self.understood.concepts, self.understood
        # Pinyin typed (dangfei) or retried (党废): the words of the titles found that it spells
        # count as the concept in the ranking, are marked, and are suggested (您是不是要找).
        spelled = spelled_in([title for _pk, title, _published in rows], concepts)
        for concept in concepts:
            concept.alternatives.extend(spelled.get(concept.text, []))
        if retried and spelled:
            self.suggestion = "".join(
                spelled.get(concept.text, [concept.text])[0] for concept in concepts
            )
        keys = {}
        for pk, title, published in rows:
            fact = facts.get(pk, {})
            title = fold(title)
            summary = fold(fact.get("summary", ""))
            reference = fold(fact.get("reference", ""))
            text_score = sum(
                3 * concept.weight * (concept.found_in(title) or concept.found_in(reference))
                + concept.weight * concept.found_in(summary)
                for concept in concepts
            )
            if len(concepts) > 1 and understood.phrase in title:
                text_score += 2 * len(understood.phrase)
            date = fact.get("date") or (published.date() if published else None)
            keys[pk] = (
                coverage[pk],
                text_score,
                fact.get("current", True),
                bool(understood.year and date and date.year == understood.year),
                published.timestamp() if published else 0,
            )
        return sorted(keys, key=keys.get, reverse=True)

    def count(self):
        return self.overflow.count() if self.overflow else len(self.ids)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if self.overflow:
            return self.overflow[window]
        return [SimpleNamespace(pk=pk) for pk in self.ids[window]]


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
        # Straight on the live pages, not as an ``pk__in`` subquery: SQLite then checks the
        # restrictions of the matches only (2 ms, not 12, at 10,000 disclosures).
        pages = readable_by(Page.objects.live(), request.user)
        if chosen:
            pages = pages.type(types[chosen])
        understood = understand(query)
        results = RankedResults(understood, pages) if understood.concepts else []
        page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        ids = [page.pk for page in page_obj.object_list]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        by_type = {}
        for page in specific.values():
            by_type.setdefault(type(page), []).append(page)
        for model, instances in by_type.items():  # what search_meta reads, once per type
            prefetch_related_objects(instances, *getattr(model, "search_related", ()))
        if results:
            understood = results.understood
            context["suggestion"] = results.suggestion
        words = highlight_words(query, understood)
        context["results"] = [
            {
                "page": specific[pk],
                "meta": specific[pk].search_meta(),
                "snippet": result_snippet(specific[pk], words),
                "title": snippet(specific[pk].title, words),
            }
            for pk in ids
            if pk in specific
        ]
        context["page_obj"] = page_obj
    return TemplateResponse(request, "home/search.html", context)
