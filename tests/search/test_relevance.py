"""The search finds what readers mean: the graded set of relevance_set.py, on SQLite and
PostgreSQL. The report of every kind is printed (pytest -s); bench/search.py prints it too.
"""

import pytest
import time_machine

from tests.search import relevance, relevance_set

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("relevance")]

# The share of queries whose best answer is among the first three (54 of 60), and the mean
# nDCG@10 over the set.
SUCCESS_AT_3 = 0.9
NDCG_AT_10 = 0.85


@pytest.fixture(scope="module")
def figures(django_db_setup, django_db_blocker):
    from django.db import transaction

    from tests.factories import DisclosureIndexPageFactory

    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(relevance.TODAY, tick=False),
    ):
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page.specific
        index = DisclosureIndexPageFactory(parent=home)
        keys = relevance.load_corpus(index)
        rows = relevance.evaluate(relevance.site_search_keys(keys))
        yield rows, relevance.summary(rows)
        transaction.set_rollback(True)


def report(rows, summary):
    lines = [
        f"{name:<13} n={f['n']:>2} success@3={f['success']:>2} MRR={f['mrr']:.2f} "
        f"nDCG@10={f['ndcg']:.2f} recall@20={f['recall']:.2f} empty={f['empty']}"
        for name, f in sorted(summary.items())
    ]
    misses = [
        f"  {row['kind']}: {row['query']} → {row['found'][:3]}"
        for row in rows
        if not row["success"]
    ]
    return "\n".join([*lines, "misses:", *misses])


def test_the_set_is_sound():
    assert relevance_set.problems() == []
    assert len(relevance_set.QUERIES) >= 60
    assert all(
        sum(kind == k for _q, kind, _g in relevance_set.QUERIES) >= 5 for k in relevance_set.KINDS
    )


def test_success_at_3_and_ndcg(figures):
    rows, summary = figures
    print("\n" + report(rows, summary))
    overall = summary["all"]
    assert overall["success"] / overall["n"] >= SUCCESS_AT_3, report(rows, summary)
    assert overall["ndcg"] >= NDCG_AT_10, report(rows, summary)


def test_no_query_finds_nothing_when_a_notice_answers_it(figures):
    rows, _summary = figures
    assert [f"{row['kind']}: {row['query']}" for row in rows if row["empty"]] == []
