"""Benchmark screens polling their playlist: in-process cost and requests per second.

    .venv/bin/python bench/screens.py                    # demo + 10,000 disclosures (about 1.5 min)
    .venv/bin/python bench/screens.py --disclosures 200  # quicker

Builds a temporary SQLite database with the demo content (two screens) and synthetic
disclosures, then
1. in-process (Django's test client, DEBUG off): SQL queries and median time of a playlist.json
   answered 200 (cache cold, then warm) and 304 (If-None-Match with the current version);
2. over HTTP: gunicorn with 2 sync workers on 127.0.0.1, hammered by client threads for a few
   seconds each with 200 and 304 requests: requests per second and latency percentiles.
The target: a 304 costs at most 2 SQL queries and under 1 ms in-process, so 500 screens polling
every 30 s (about 17 requests a second) are light. This prints; it never fails.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages as page_bench  # noqa: E402 - the shared set-up of the page benchmark

RUNS = 200
ROUNDS = 3


def screens():
    from screens.models import Screen

    return list(Screen.objects.order_by("pk").values_list("name", "token"))


def measure():
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = []
    for name, token in screens():
        url = f"/screens/{token}/playlist.json"

        def timed(headers, clear=False, url=url):
            timings = []
            for _ in range(RUNS if not clear else 15):
                if clear:
                    cache.clear()
                started = time.perf_counter()
                client.get(url, **headers)
                timings.append((time.perf_counter() - started) * 1000)
            return round(statistics.median(timings), 2)

        def queries(headers, clear=False, url=url):
            if clear:
                cache.clear()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, **headers)
            return response, len(captured.captured_queries)

        cold, cold_queries = queries({}, clear=True)
        etag = cold["ETag"]
        _warm, warm_queries = queries({})
        not_modified, nm_queries = queries({"HTTP_IF_NONE_MATCH": etag})
        assert not_modified.status_code == 304
        results.append(
            {
                "screen": name,
                "bytes": len(cold.content),
                "items": len(json.loads(cold.content)["items"]),
                "cold": {"queries": cold_queries, "ms": timed({}, clear=True)},
                "200": {"queries": warm_queries, "ms": timed({})},
                "304": {"queries": nm_queries, "ms": timed({"HTTP_IF_NONE_MATCH": etag})},
            }
        )
    return results


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port, path, etag, seconds, threads):
    """Requests per second and latency percentiles from ``threads`` clients for ``seconds``."""
    latencies, errors = [], []
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def client():
        mine = []
        while time.perf_counter() < stop:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            headers = {"If-None-Match": etag} if etag else {}
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status not in (200, 304):
                    errors.append(response.status)
            except OSError as error:
                errors.append(str(error))
            finally:
                connection.close()
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=client) for _ in range(threads)]
    began = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests_per_second": round(len(latencies) / elapsed),
        "p50_ms": round(latencies[len(latencies) // 2], 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)], 1),
        "errors": len(errors),
    }


def over_http(folder, seconds, threads):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        VAR_DIR=str(folder),
        MEDIA_ROOT=f"{folder}/media",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        token = run_json("--tokens", str(folder))[0][1]
        path = f"/screens/{token}/playlist.json"
        etag = None
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                etag = response.getheader("ETag")
                break
            except OSError:
                time.sleep(0.2)
        hammer(port, path, etag, 1, threads)  # warm both workers' caches
        return {
            "200": hammer(port, path, None, seconds, threads),
            "304": hammer(port, path, etag, seconds, threads),
        }
    finally:
        server.terminate()
        server.wait(10)


def run_json(*args):
    output = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--disclosures", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--tokens", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        page_bench.setup_django(args.measure)
        return print(json.dumps(measure()))
    if args.tokens:
        page_bench.setup_django(args.tokens)
        return print(json.dumps(screens()))
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        print(f"building the demo with {args.disclosures:,} disclosures …", file=sys.stderr)
        built = page_bench.run_worker("--build", str(args.disclosures), str(folder))
        rounds = []
        for number in range(ROUNDS):
            print(f"in-process, round {number + 1} of {ROUNDS} …", file=sys.stderr)
            rounds.append(run_json("--measure", str(folder)))
        print("over HTTP (gunicorn, 2 workers) …", file=sys.stderr)
        http_results = over_http(folder, args.seconds, args.threads)
    print(f"in-process, median of {ROUNDS} rounds × {RUNS} requests (cold: × 15):")
    print(f"{'screen':<22}{'items':>6}{'bytes':>8}   {'cold':>14}{'200':>14}{'304':>14}")
    print(f"{'':<36}" + f"{'queries    ms':>14}" * 3)
    for index, screen in enumerate(rounds[0]):
        cells = []
        for kind in ("cold", "200", "304"):
            ms = statistics.median(r[index][kind]["ms"] for r in rounds)
            cells.append(f"{screen[kind]['queries']:>7}{ms:>7.2f}")
        print(f"{screen['screen']:<22}{screen['items']:>6}{screen['bytes']:>8}   " + "".join(cells))
    print()
    print(
        f"over HTTP: gunicorn, 2 sync workers, {args.threads} client threads,"
        f" {args.seconds:g} s each"
    )
    for kind, result in http_results.items():
        print(
            f"  {kind}: {result['requests_per_second']:>6} requests/s   p50 {result['p50_ms']} ms"
            f"   p95 {result['p95_ms']} ms   errors {result['errors']}"
        )
    needed = 500 / 30
    print(f"  500 screens polling every 30 s need {needed:.0f} requests/s")
    print(f"built in {built['build_seconds']} s")


if __name__ == "__main__":
    main()
