"""Benchmark the reader pages at several data sizes: SQL queries and median time per page.

    .venv/bin/python bench/pages.py                  # 200 and 10,000 disclosures (about 1 minute)
    .venv/bin/python bench/pages.py --sizes 200 2000
    .venv/bin/python bench/pages.py --current        # the database configured now (var/db.sqlite3)

Each size gets its own temporary SQLite database with the demo content plus synthetic
disclosures (load_demo, then bench_data --disclosures N), served in-process by Django's test
client with DEBUG off. A page's query count should not grow with the data. This prints; it never
fails.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15


def pages():
    """(label, url) of every page type a reader meets, found in the current database."""
    from disclosure.models import Audience, DisclosurePage, OrganizationPage

    organization = OrganizationPage.objects.live().order_by("path").first()
    disclosure = (
        DisclosurePage.objects.live()
        .filter(audience=Audience.PUBLIC, withdrawn_at__isnull=True, attachments__isnull=False)
        .order_by("-published_on")
        .first()
    )
    from integrity.models import MonthlyProgramPage

    poster = MonthlyProgramPage.objects.public_items().exclude(film_poster=None).first().film_poster
    return [
        ("home", "/"),
        ("listing", "/disclosures/"),
        ("listing, filtered", "/disclosures/?kind=party&year=2026&org_type=enterprise"),
        ("listing, page 5", "/disclosures/?page=5"),
        ("organisation", organization.url),
        ("disclosure", disclosure.url),
        ("feed", "/disclosures/feed/"),
        # Files pass the visibility policy too (home.media_files); the verdict is cached.
        ("image, public rendition", poster.get_rendition("width-800").url),
    ]


def measure():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from disclosure.models import DisclosurePage

    client = Client()
    results = {"disclosures": DisclosurePage.objects.count(), "pages": []}
    for label, url in pages():
        for _ in range(2):
            client.get(url)  # warm caches as a running site would have them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        query_count = len(queries.captured_queries)  # read now: the next request clears the log
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        results["pages"].append(
            {
                "label": label,
                "url": url,
                "queries": query_count,
                "median_ms": round(statistics.median(timings), 1),
            }
        )
    return results


def setup_django(folder=None):
    if folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ["VAR_DIR"] = str(folder)
        os.environ["MEDIA_ROOT"] = f"{folder}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(size, folder):
    """A database of ``size`` disclosures in ``folder``; prints the seconds it took."""
    setup_django(folder)
    from io import StringIO

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", stdout=StringIO())
    call_command("bench_data", disclosures=size, stdout=StringIO())
    print(json.dumps({"build_seconds": round(time.perf_counter() - started, 1)}))


def run_worker(*args, script=__file__):
    """Run ``script`` with ``args`` in a fresh process; its last line of output, as JSON."""
    output = subprocess.run(  # its progress (stderr) shows here
        [sys.executable, script, *args], check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def merge(rounds):
    """Median over the rounds of each page's median: the machine's drift evens out."""
    merged = dict(rounds[0])
    merged["pages"] = [
        {**pages[0], "median_ms": round(statistics.median(p["median_ms"] for p in pages), 1)}
        for pages in zip(*(r["pages"] for r in rounds), strict=True)
    ]
    return merged


def print_table(all_results):
    labels = [page["label"] for page in all_results[0]["pages"]]
    sizes = [f"{r['disclosures']:,} disclosures" for r in all_results]
    print(f"{'page':<20}" + "".join(f"{size:>28}" for size in sizes))
    print(f"{'':<20}" + "".join(f"{'queries   median ms':>28}" for _ in sizes))
    for index, label in enumerate(labels):
        row = [r["pages"][index] for r in all_results]
        print(f"{label:<20}" + "".join(f"{p['queries']:>15}{p['median_ms']:>13.1f}" for p in row))
    if len(all_results) > 1:
        first, last = all_results[0]["pages"], all_results[-1]["pages"]
        print()
        for a, b in zip(first, last, strict=True):
            ratio = b["median_ms"] / a["median_ms"] if a["median_ms"] else 0
            same = "same" if a["queries"] == b["queries"] else "DIFFERENT"
            print(f"{a['label']:<20} queries {same:<10} time ×{ratio:.2f}")
    for r in all_results:
        if "build_seconds" in r:
            print(f"built {r['disclosures']:,} disclosures in {r['build_seconds']} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 10_000])
    parser.add_argument("--rounds", type=int, default=3, help="measurements per size, alternated")
    parser.add_argument("--current", action="store_true", help="measure the configured database")
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        return build(int(args.build[0]), args.build[1])
    if args.measure:
        setup_django(args.measure)
        return print(json.dumps(measure()))
    if args.current:
        setup_django()
        return print_table([measure()])
    with tempfile.TemporaryDirectory() as root:
        folders, builds = {}, {}
        for size in args.sizes:
            print(f"building {size:,} disclosures …", file=sys.stderr)
            folders[size] = Path(root) / str(size)
            folders[size].mkdir()
            builds[size] = run_worker("--build", str(size), str(folders[size]))
        rounds = {size: [] for size in args.sizes}
        for number in range(args.rounds):
            print(f"measuring, round {number + 1} of {args.rounds} …", file=sys.stderr)
            for size in args.sizes:
                rounds[size].append(run_worker("--measure", str(folders[size])))
        results = [{**merge(rounds[size]), **builds[size]} for size in args.sizes]
    print_table(results)


if __name__ == "__main__":
    main()
