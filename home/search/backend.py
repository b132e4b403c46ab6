"""Wagtail's database search backend with Chinese query tokens (see tokens.py).

Used for the site search and the admin's page search and choosers alike, on SQLite and
PostgreSQL. Set WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search.backend".
"""

from django.db import connection
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
    from django.db.models import F
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class TitleQueryCompiler(PostgresSearchQueryCompiler):
        """``fields=["title"]`` searches the indexed, tokenized title.

        The stock compiler builds a vector from the raw column, which PostgreSQL's parser keeps
        as one word when it is Chinese ("党费收缴公示"), so a search for "党费" found no title.
        """

        def get_fields_vectors(self, search_query):
            if set(self.fields) == {"title"}:
                return [(F("index_entries__title"), 1.0)]
            return super().get_fields_vectors(search_query)

    return type(
        "ChinesePostgresSearchBackend",
        (ChineseQueryMixin, PostgresSearchBackend),
        {"query_compiler_class": TitleQueryCompiler},
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        backend_class = postgres_backend()
    else:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend as Base

        backend_class = type(f"Chinese{Base.__name__}", (ChineseQueryMixin, Base), {})
    return backend_class(params)
