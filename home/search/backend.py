"""Wagtail's database search backend with Chinese query tokens (see tokens.py).

Used for the site search and the admin's page search and choosers alike, on SQLite and
PostgreSQL. Set WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search.backend".
"""

from django.db import connection
from django.db.models import Exists
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from home.search.tokens import query_terms


def tokenized(query):
    """A query (a string or a query object, as the admin builds) with Chinese-aware tokens.

    Each piece of text becomes the AND of its tokens; text with nothing searchable becomes None,
    which matches nothing.
    """
    if isinstance(query, str):
        terms = query_terms(query)
        if not terms:
            return None
        return And([PlainText(term) for term in terms]) if len(terms) > 1 else PlainText(terms[0])
    if isinstance(query, PlainText | Phrase):
        return tokenized(query.query_string)
    if isinstance(query, And | Or):
        parts = [tokenized(subquery) for subquery in query.subqueries]
        parts = [part for part in parts if part is not None]
        if not parts:
            return None
        return type(query)(parts) if len(parts) > 1 else parts[0]
    if isinstance(query, Not):
        inner = tokenized(query.subquery)
        return Not(inner) if inner is not None else None
    return query


class RestrictionFilterMixin:
    """Lets a search run on ``home.visibility.readable_by(pages, user)`` as it is.

    Its view-restriction test is an ``Exists`` over PageViewRestriction, which the stock check of
    a search's filters (written for search engines that copy fields into their own index)
    rejects. The database backends run the queryset's SQL unchanged, so the test is kept; given
    straight, SQLite checks the restrictions of the matches only (2 ms, not the 12 ms of a
    ``pk__in`` subquery over every page, at 10,000 disclosures).
    """

    def _get_filters_from_where_node(self, where_node, check_only=False):
        if isinstance(where_node, Exists) or isinstance(getattr(where_node, "lhs", None), Exists):
            return None
        return super()._get_filters_from_where_node(where_node, check_only=check_only)


class ChineseQueryMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        built = tokenized(query)
        if built is None:  # only spaces or punctuation: nothing can match
            queryset = getattr(model_or_queryset, "_default_manager", model_or_queryset)
            return super().search(MatchAll(), queryset.none(), *args, **kwargs)
        return super().search(built, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return self.search(query, model_or_queryset, *args, **kwargs)


def postgres_backend():
    from django.db.models import (
        Case,
        CharField,
        F,
        FloatField,
        OuterRef,
        Value,
        When,
    )
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    class TitleQueryCompiler(RestrictionFilterMixin, PostgresSearchQueryCompiler):
        """``fields=["title"]`` searches the indexed, tokenized title; relevance is title matches
        first, then the newest, as on SQLite (see ``sqlite_backend``).

        The stock compiler builds a vector from the raw column, which PostgreSQL's parser keeps
        as one word when it is Chinese ("党费收缴公示"), so a search for "党费" found no title.
        """

        def get_fields_vectors(self, search_query):
            if set(self.fields) == {"title"}:
                return [(F("index_entries__title"), 1.0)]
            return super().get_fields_vectors(search_query)

        def build_tsquery(self, query, config=None):
            self.tsquery = super().build_tsquery(query, config=config)
            return self.tsquery

        def _apply_ordering_and_scoring(self, queryset, rank, start, stop, score_field=None):
            tsquery = getattr(self, "tsquery", None)
            if tsquery is not None and (self.order_by_relevance or score_field):
                in_title = IndexEntry.objects.filter(
                    content_type__in=get_descendants_content_types_pks(self.queryset.model),
                    object_id=Cast(OuterRef("pk"), CharField()),
                    title=tsquery,
                )
                rank = Case(
                    When(Exists(in_title), then=Value(1.0)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
            return super()._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    return type(
        "ChinesePostgresSearchBackend",
        (ChineseQueryMixin, PostgresSearchBackend),
        {"query_compiler_class": TitleQueryCompiler},
    )


def sqlite_backend():
    from django.db.models import Case, FloatField, Value, When
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.utils import get_descendants_content_types_pks

    class TitleFirstQueryCompiler(RestrictionFilterMixin, SQLiteSearchQueryCompiler):
        """Relevance as readers see it: title matches first, then the newest.

        The stock compiler ranks with BM25 in a subquery run once per matching row, and each run
        searches the whole index again: the admin's page search for a common word ("公开") took
        5 s for an editor and over a minute for the committee at 10,000 disclosures. Whether the
        title matches is one set, found once, as the public search orders its results
        (home/search/views.py); the score a caller asks for is 1.0 for a title match, else 0.0.
        """

        def search(self, config, start, stop, score_field=None):
            query = normalize(self.query)
            if (not self.order_by_relevance and score_field is None) or isinstance(
                query, MatchAll | Not
            ):
                return super().search(config, start, stop, score_field)
            ranked = self.order_by_relevance
            self.order_by_relevance = False
            try:
                matches = super().search(config, 0, None)
            finally:
                self.order_by_relevance = ranked
            title_matches = (
                SQLiteFTSIndexEntry.objects.filter(
                    MatchExpression(["title"], self.build_search_query(query, config=config))
                )
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    )
                )
                .values("index_entry__object_id")
            )
            score = Case(
                When(pk__in=title_matches, then=Value(1.0)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            matches = matches.annotate(**{score_field or "_title_score": score})
            if ranked:
                matches = matches.order_by(f"-{score_field or '_title_score'}", "-pk")
            return matches[start:stop]

    return type(
        "ChineseSQLiteSearchBackend",
        (ChineseQueryMixin, SQLiteSearchBackend),
        {"query_compiler_class": TitleFirstQueryCompiler},
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend_class = postgres_backend() if connection.vendor == "postgresql" else sqlite_backend()
    return backend_class(params)
