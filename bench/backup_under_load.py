"""Back up a site while it serves readers and publishers, then restore the archive and check it.

    .venv/bin/python bench/backup_under_load.py                      # SQLite, 60 s
    .venv/bin/python bench/backup_under_load.py --seconds 20 --disclosures 500
    .venv/bin/python bench/backup_under_load.py \\
        --postgres "postgres://postgres@%2Ftmp%2Fdevpg/postgres"      # on that server

Builds a temporary site (demo content plus synthetic disclosures; on PostgreSQL in a new
database ``backup_bench``), serves it with gunicorn on 127.0.0.1 and for --seconds runs reader
threads (GETs of the home page, the listing and disclosures) and writer threads (publishing new
revisions of disclosures). Halfway through, it takes a backup (home.backup, what
`manage.py backup` runs), then restores the archive into a fresh database and media folder, which
compares every row count and file checksum with the manifest. It prints the figures; it never
fails on timing.
"""

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def site_environment(database_url, folder):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="false",
        DATABASE_URL=database_url,
        VAR_DIR=str(folder),
        MEDIA_ROOT=str(folder / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    return env


def manage(env, *args):
    return subprocess.run(
        [*MANAGE, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


class Postgres:
    """Creates and drops the bench's databases on the server named by --postgres."""

    def __init__(self, server_url):
        self.server_url = server_url

    def url(self, name):
        parts = urlsplit(self.server_url)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def execute(self, statement):
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(statement)

    def fresh(self, name):
        self.drop(name)
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop(self, name):
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port):
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


class Recorder:
    """(start, milliseconds, ok) of every operation, shared by the threads of one kind."""

    def __init__(self):
        self.events = []
        self.lock = threading.Lock()

    def add(self, started, ok):
        with self.lock:
            self.events.append((started, (time.perf_counter() - started) * 1000, ok))

    def figures(self, during=None):
        """Count, errors, median and p95 latency, inside or outside the ``during`` window."""
        chosen = [
            event
            for event in self.events
            if during is None or (during[0] <= event[0] <= during[1]) == during[2]
        ]
        timings = sorted(ms for _, ms, _ in chosen)
        if not timings:
            return "no operations"
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        errors = sum(1 for *_, ok in chosen if not ok)
        return (
            f"{len(chosen):>6,} done, {errors} errors, median {statistics.median(timings):6.1f} ms,"
            f" p95 {p95:7.1f} ms"
        )


def reader(port, paths, stop, recorder):
    while not stop.is_set():
        started = time.perf_counter()
        ok = False
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", random.choice(paths))
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
            connection.close()
        except OSError:
            pass
        recorder.add(started, ok)


def writer(page_ids, stop, recorder):
    """Publish a new revision of a random disclosure, as an editor would, again and again."""
    from django.db import connection

    from disclosure.models import DisclosurePage

    while not stop.is_set():
        started = time.perf_counter()
        ok = False
        try:
            page = DisclosurePage.objects.get(pk=random.choice(page_ids))
            page.summary = f"压力测试修订 {time.time():.3f}"
            page.save_revision().publish()
            ok = True
        except Exception as error:  # the figure to report is the failure, whatever it is
            print(f"writer: {error!r}", file=sys.stderr)
        recorder.add(started, ok)
    connection.close()


def revision_count():
    from wagtail.models import Revision

    return Revision.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--disclosures", type=int, default=1000)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--postgres", help="server URL; the bench makes its own databases there")
    args = parser.parse_args()
    postgres = Postgres(args.postgres) if args.postgres else None

    with tempfile.TemporaryDirectory() as root:
        folder, restored = Path(root) / "site", Path(root) / "restored"
        folder.mkdir()
        if postgres:
            database_url = postgres.fresh("backup_bench")
            restored_name = postgres.fresh("backup_bench_restore").rpartition("/")[2]
        else:
            database_url = f"sqlite:///{folder}/site.sqlite3"
            restored_name = str(restored / "site.sqlite3")
        try:
            run(args, site_environment(database_url, folder), restored_name, restored)
        finally:
            if postgres:
                postgres.drop("backup_bench")
                postgres.drop("backup_bench_restore")


def run(args, env, restored_name, restored):
    print(f"building the site with {args.disclosures:,} disclosures …", file=sys.stderr)
    started = time.perf_counter()
    for command in (
        ["migrate", "-v0"],
        ["load_demo"],
        ["bench_data", f"--disclosures={args.disclosures}"],
    ):
        result = manage(env, *command)
        if result.returncode:
            raise SystemExit(result.stderr)
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from disclosure.models import DisclosurePage
    from home.backup import BackupError, backup, restore

    disclosures = DisclosurePage.objects.live().public().order_by("?")[:50]
    paths = ["/", "/disclosures/", *(page.url for page in disclosures)]
    page_ids = [page.pk for page in disclosures]

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}"]
        + ["-w", str(args.workers), "--threads", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    readers, writers, stop = Recorder(), Recorder(), threading.Event()
    try:
        wait_for(port)
        threads = [
            threading.Thread(target=reader, args=(port, paths, stop, readers))
            for _ in range(args.readers)
        ] + [
            threading.Thread(target=writer, args=(page_ids, stop, writers))
            for _ in range(args.writers)
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        print(f"load for {args.seconds:.0f} s; the backup starts halfway …", file=sys.stderr)
        time.sleep(args.seconds / 2)
        revisions_before = revision_count()
        backup_started = time.perf_counter()
        archive = backup(f"{env['VAR_DIR']}/backups/")
        backup_ended = time.perf_counter()
        revisions_after = revision_count()
        time.sleep(max(0.0, began + args.seconds - time.perf_counter()))
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(10)

    print("restoring into a fresh database and media folder …", file=sys.stderr)
    database = {**connection.settings_dict, "NAME": restored_name}
    try:
        restored_copy = restore(archive.path, database=database, media_root=restored / "media")
        verdict = f"{restored_copy.seconds:.1f} s, every row count and checksum equal"
    except BackupError as error:
        verdict = f"FAILED: {error}"

    window = (backup_started, backup_ended)
    counts = archive.manifest["counts"]
    print(f"database: {connection.vendor}, {args.seconds:.0f} s of load")
    for label, recorder, threads in (
        ("readers", readers, args.readers),
        ("writers", writers, args.writers),
    ):
        print(
            f"{label} ({threads} threads), outside the backup: {recorder.figures((*window, False))}"
        )
        print(
            f"{label} ({threads} threads), during the backup:  {recorder.figures((*window, True))}"
        )
    print(
        f"backup: {archive.seconds:.1f} s, {archive.size / 1e6:.1f} MB, {sum(counts.values()):,}"
        f" rows, {len(archive.manifest['media'])} files"
    )
    print(
        f"revisions in the archive: {counts['wagtailcore.Revision']:,} (the site had"
        f" {revisions_before:,} when the backup started, {revisions_after:,} when it ended)"
    )
    print(f"restore: {verdict}")


if __name__ == "__main__":
    main()
