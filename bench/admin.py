"""Benchmark the admin screens editors live in: SQL queries and median time to the response.

    .venv/bin/python bench/admin.py                  # 10,000 disclosures (about 3 minutes)
    .venv/bin/python bench/admin.py --sizes 200 10000
    .venv/bin/python bench/admin.py --current        # the database configured now (var/db.sqlite3)

Each size gets its own temporary SQLite database with the demo content plus synthetic
disclosures (built as bench/pages.py builds it). Requests go in-process through Django's test
client with DEBUG off, logged in as the committee's moderator and as an editor of the
organisation with the most disclosures. Every screen is shown beside a floor: a view that
answers "ok" through the same middleware, in the same run, so the ratio is what counts on a
loaded machine. The target is 300 ms. This prints; it never fails.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pages
from pages import build, setup_django

RUNS = 5
TARGET_MS = 300


def users_and_screens():
    """(user label, user, [(label, url)]) for the moderator and an editor."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from disclosure.models import DisclosurePage, Membership, OrganizationPage, Role
    from home.roles import MODERATORS

    organization = (
        OrganizationPage.objects.annotate(items=Count("disclosures"))
        .order_by("-items", "path")
        .first()
    )
    disclosure = DisclosurePage.objects.filter(organization=organization).order_by("-pk").first()
    User = get_user_model()
    moderator = User.objects.filter(groups__name=MODERATORS, is_active=True).first()
    membership = Membership.objects.filter(organization=organization, role=Role.EDITOR).first()
    if membership is None:  # a throwaway database: give the biggest organisation an editor
        editor = User.objects.create_user("bench-editor", password="x")
        Membership.objects.create(user=editor, organization=organization, role=Role.EDITOR)
    else:
        editor = membership.user
    items = DisclosurePage.objects.filter(organization=organization).count()
    screens = [
        ("dashboard", "/admin/"),
        (f"explorer ({items:,} items)", f"/admin/pages/{organization.pk}/"),
        ("explorer, page 5", f"/admin/pages/{organization.pk}/?p=5"),
        ("edit a disclosure", f"/admin/pages/{disclosure.pk}/edit/"),
        ("page history", f"/admin/pages/{disclosure.pk}/history/"),
        ("search pages", "/admin/pages/search/?q=公开"),
    ]
    return [("moderator", moderator, screens), ("editor", editor, screens)]


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    return response, (time.perf_counter() - started) * 1000


def measure():
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from disclosure.models import DisclosurePage

    results = {"disclosures": DisclosurePage.objects.count(), "screens": []}
    with override_settings(ROOT_URLCONF="floor_urls"):
        for who, user, screens in users_and_screens():
            client = Client()
            client.force_login(user)
            for label, url in [("floor (a view that answers ok)", "/floor/"), *screens]:
                for _ in range(2):
                    client.get(url)  # warm caches as a running site would have them
                with CaptureQueriesContext(connection) as queries:
                    response, _ = timed(client, url)
                if response.status_code != 200:
                    raise SystemExit(f"{who} {url}: {response.status_code}")
                query_count = len(queries.captured_queries)
                print(f"{who}: {label} …", file=sys.stderr, flush=True)
                timings = [timed(client, url)[1] for _ in range(RUNS)]
                results["screens"].append(
                    {
                        "who": who,
                        "label": label,
                        "queries": query_count,
                        "median_ms": round(statistics.median(timings), 1),
                    }
                )
    return results


def print_table(results):
    for result in results:
        print(f"\n{result['disclosures']:,} disclosures; target {TARGET_MS} ms")
        print(f"{'who':<10}{'screen':<34}{'queries':>8}{'median ms':>11}{'× floor':>9}")
        floors = {r["who"]: r["median_ms"] for r in result["screens"] if r["label"][:5] == "floor"}
        for row in result["screens"]:
            ratio = row["median_ms"] / floors[row["who"]] if floors[row["who"]] else 0
            flag = "" if row["median_ms"] <= TARGET_MS else "  over target"
            print(
                f"{row['who']:<10}{row['label']:<34}{row['queries']:>8}"
                f"{row['median_ms']:>11.1f}{ratio:>9.1f}{flag}"
            )


def run_worker(*args):
    return pages.run_worker(*args, script=__file__)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
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
    results = []
    with tempfile.TemporaryDirectory() as root:
        for size in args.sizes:
            print(f"building {size:,} disclosures …", file=sys.stderr)
            folder = Path(root) / str(size)
            folder.mkdir()
            built = run_worker("--build", str(size), str(folder))
            print(f"measuring {size:,} …", file=sys.stderr)
            results.append({**run_worker("--measure", str(folder)), **built})
    print_table(results)


if __name__ == "__main__":
    main()
