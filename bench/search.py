"""Benchmark the Chinese search at realistic scale: index build time, index size, latency.

    .venv/bin/python bench/search.py                 # 10,000 disclosures (about 1 minute)
    .venv/bin/python bench/search.py --size 2000

Builds a temporary SQLite database with the demo content plus synthetic disclosures, rebuilds
the search index with `update_index` (timed), then times 1- to 4-word queries in-process: the
search itself (count and first page of results) and the whole /search/ request with rendering,
median of 15 runs each. It never fails.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "党费",
    "工资 公示",
    "三会一课 支部 计划",
    "2026年 第三季度 党费 收缴",
    "安全生产",
    "ISO9001",
]
RUNS = 15


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
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        print(f"building {args.size:,} disclosures …", file=sys.stderr)
        call_command("load_demo", stdout=StringIO())
        call_command("bench_data", disclosures=args.size, stdout=StringIO())
        started = time.perf_counter()
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        build = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%'"
            )
            size = cursor.fetchone()[0] or 0
        from django.test import Client
        from wagtail.models import Page

        from home.search.views import TitleFirstResults

        client = Client()
        print(
            f"{args.size:,} disclosures: update_index {build:.1f} s, index {size / 2**20:.1f} MiB"
        )
        from home.visibility import readable_by

        readable = Page.objects.live().filter(
            pk__in=readable_by(Page.objects.live(), None).values("pk")
        )
        print(f"{'query':<28}{'results':>9}{'search ms':>11}{'page ms':>10}")
        for query in QUERIES:
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                response = client.get("/search/", {"q": query})
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            search_timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                results = TitleFirstResults(query, readable)
                count = results.count()
                results[0:20]
                search_timings.append((time.perf_counter() - started) * 1000)
            search_ms = statistics.median(search_timings)
            page_ms = statistics.median(timings)
            print(f"{query:<28}{count:>9}{search_ms:>11.1f}{page_ms:>10.1f}")


if __name__ == "__main__":
    main()
