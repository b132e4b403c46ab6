"""Benchmark the site search at realistic scale: index build, then queries and time per kind.

    .venv/bin/python bench/search.py                 # 10,000 disclosures (about 3 minutes)
    .venv/bin/python bench/search.py --size 2000

Builds a temporary SQLite database with the demo content plus synthetic disclosures, rebuilds
the search index with `update_index` (timed), then requests /search/ in-process for queries of
each kind of tests/search/relevance_set.py (questions, synonyms, pinyin, initials, homophones
…), RUNS times each: SQL queries per request, and the median and 95th percentile of the whole
request, beside a trivial view's median (the floor, bench/floor_urls.py) in the same run. The
count of queries must not depend on the data. Then the graded set itself (its own small corpus)
is scored: success@3, MRR, nDCG@10. It prints; it never fails.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
RUNS = 15
# A few queries of each kind; at 10,000 synthetic disclosures most find many.
QUERIES = {
    "word": ["党费", "安全生产", "工资"],
    "words": ["三会一课 支部 计划", "2026年 第三季度 党费 收缴"],
    "question": ["今年第三季度党费交了多少", "公司有没有给职工交公积金"],
    "synonym": ["社保", "职代会", "五险一金"],
    "pinyin": ["dangfei", "huanjie xuanju"],
    "initials": ["gjj", "dfsj"],
    "homophone": ["党废", "换届选局"],
    "nothing": ["量子纠缠"],
}


def timed(client, url, params, runs=RUNS):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return timings, len(queries), response


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def graded_set():
    """Score the graded relevance set on its own corpus (the search kept to it, beside the
    synthetic notices), in a transaction rolled back."""
    from django.db import transaction
    from wagtail.models import Site

    from tests.factories import DisclosureIndexPageFactory
    from tests.search import relevance

    with transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = DisclosureIndexPageFactory(parent=home, slug="relevance-set")
        keys = relevance.load_corpus(index)
        search = relevance.site_search_keys(keys, within=index)
        figures = relevance.summary(relevance.evaluate(search))
        transaction.set_rollback(True)
    print(f"\ngraded set ({figures['all']['n']} queries):")
    print(f"{'kind':<14}{'n':>3}{'success@3':>11}{'MRR':>6}{'nDCG@10':>9}{'empty':>7}")
    for name, f in sorted(figures.items()):
        print(
            f"{name:<14}{f['n']:>3}{f['success']:>11}{f['mrr']:>6.2f}{f['ndcg']:>9.2f}"
            f"{f['empty']:>7}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(
            DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
            VAR_DIR=folder,
            MEDIA_ROOT=f"{folder}/media",
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DEBUG="false",
            ALLOWED_HOSTS="testserver",
        )
        sys.path[:0] = [str(ROOT), str(BENCH)]
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client, override_settings
        from django.test.utils import setup_test_environment
        from wagtail.search.models import IndexEntry

        setup_test_environment()  # responses carry their template context

        call_command("migrate", verbosity=0)
        print(f"building {args.size:,} disclosures …", file=sys.stderr)
        call_command("load_demo", stdout=StringIO())
        call_command("bench_data", disclosures=args.size, stdout=StringIO())
        started = time.perf_counter()
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        build = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s",
                [IndexEntry._meta.db_table + "%"],
            )
            size = cursor.fetchone()[0] or 0
        print(
            f"{args.size:,} disclosures: update_index {build:.1f} s, index {size / 2**20:.1f} MiB"
        )
        client = Client()
        with override_settings(ROOT_URLCONF="floor_urls"):
            floor, _queries, _response = timed(client, "/floor/", {}, runs=3 * RUNS)
            floor_ms = statistics.median(floor)
            print(f"floor (a trivial view): {floor_ms:.1f} ms median\n")
            print(
                f"{'kind':<11}{'query':<26}{'results':>8}{'SQL':>5}{'median ms':>11}"
                f"{'p95 ms':>8}{'× floor':>9}"
            )
            per_kind = defaultdict(list)
            for kind, queries in QUERIES.items():
                for query in queries:
                    timings, count, response = timed(client, "/search/", {"q": query})
                    results = response.context["page_obj"]
                    total = results.paginator.count if results else 0
                    median = statistics.median(timings)
                    per_kind[kind].extend(timings)
                    print(
                        f"{kind:<11}{query:<26}{total:>8}{count:>5}{median:>11.1f}"
                        f"{percentile(timings, 0.95):>8.1f}{median / floor_ms:>9.1f}"
                    )
            every = [t for timings in per_kind.values() for t in timings]
            print(
                f"\nall kinds: median {statistics.median(every):.1f} ms, "
                f"p95 {percentile(every, 0.95):.1f} ms"
            )
        graded_set()


if __name__ == "__main__":
    main()
