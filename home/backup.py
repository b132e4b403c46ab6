"""Backup and restore: the database and every uploaded file in one archive that proves itself.

Why it is built this way:

- The site keeps serving while a backup runs, so the database is read as one consistent snapshot
  (SQLite's online backup API; on PostgreSQL, pg_dump inside the snapshot of a transaction that
  also counts the rows), never copied as a file that a writer may be changing.
- The row counts in the manifest come from that same snapshot, so a restore can show that it got
  everything: it counts every model again and re-hashes every file, and compares.
- A restore writes nothing until the whole archive has been read and every checksum matched, and
  only into an empty database and media folder unless it is told to replace them (``force``).
- Media are read after the database snapshot: every file the snapshot names is in the archive
  (files uploaded later are in it too, unnamed, which does no harm).

The archive is one uncompressed tar (uploads are mostly compressed already, and members of a tar
can be found without reading the whole file), readable with ``tar tvf``:

    database.sqlite3.gz or database.pgdump   the SQLite file (gzipped) or ``pg_dump -Fc``
    media/<path>                             every regular file under MEDIA_ROOT
    manifest.json                            written last, when every checksum is known
"""

import contextlib
import gzip
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import uuid
import zlib
from dataclasses import dataclass
from io import BytesIO, StringIO
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.management.base import OutputWrapper
from django.db import DatabaseError, connections, transaction
from django.db.backends.sqlite3.creation import DatabaseCreation as SQLiteCreation
from django.db.utils import load_backend
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from home.progress_bar import Progress

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3.gz", "postgresql": "database.pgdump"}
ARCHIVE_PREFIX = "backup-"
CHUNK = 1024 * 1024
DIFFERENCES_SHOWN = 20
# libpq reads these from the environment; dj-database-url puts them in OPTIONS.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}
POSTGRES_BIN = Path("/usr/lib/postgresql")  # Debian/Ubuntu keep one folder per major version
# Reading a damaged archive fails in several ways; each means the same to the operator.
DAMAGE = (tarfile.TarError, OSError, EOFError, zlib.error)


class BackupError(Exception):
    """A backup or restore that stopped; the message tells the operator why and what to do."""


@dataclass
class BackupResult:
    path: Path
    size: int
    manifest: dict
    seconds: float


@dataclass
class RestoreResult:
    manifest: dict
    models: int
    rows: int
    files: int
    bytes: int
    seconds: float


def quiet():
    return OutputWrapper(StringIO())


def sha256_of(handle):
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path):
    with open(path, "rb") as handle:
        return sha256_of(handle)


class HashingReader:
    """A file as tarfile reads it: the bytes that go into the archive are the bytes hashed."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


@contextlib.contextmanager
def temporary_connection(database):
    """A Django connection to ``database`` (a complete DATABASES entry, as in
    ``connection.settings_dict``) under a private alias, so that the ORM can count rows in a
    database that is not the site's: the snapshot being backed up, or the restored copy."""
    alias = f"backup-{uuid.uuid4().hex}"
    connection = load_backend(database["ENGINE"]).DatabaseWrapper(dict(database), alias)
    connections[alias] = connection
    try:
        yield connection
    finally:
        connection.close()
        del connections[alias]


def vendor_of(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith(("postgresql", "postgis")):
        return "postgresql"
    raise BackupError(
        _("Backups support SQLite and PostgreSQL only, not %(engine)s.") % {"engine": engine}
    )


def count_rows(connection):
    """Rows per model (``app_label.ModelName``), counted by the ORM, for every concrete model of
    every installed app whose table exists in this database (many-to-many tables included)."""
    tables = set(connection.introspection.table_names())
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.db_table in tables
    ]
    return {
        model._meta.label: model._base_manager.using(connection.alias).count()
        for model in sorted(models, key=lambda model: model._meta.label)
    }


def media_files(media_root):
    """Paths (POSIX, relative) of every regular file under ``media_root``, sorted."""
    root = Path(media_root)
    found = []
    for folder, _folders, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


# PostgreSQL client programs


def postgres_program(name, server_version):
    """The client program for the server's major version (Debian's layout: a newer one also
    works, an older one refuses), else the one on PATH."""
    major = server_version // 10000
    versions = sorted(
        int(folder.name)
        for folder in (POSTGRES_BIN.iterdir() if POSTGRES_BIN.is_dir() else [])
        if folder.name.isdigit() and int(folder.name) >= major
    )
    for version in versions:
        program = POSTGRES_BIN / str(version) / "bin" / name
        if program.is_file():
            return str(program)
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            _("%(program)s was not found: install the PostgreSQL %(version)d client programs.")
            % {"program": name, "version": major}
        )
    return program


def libpq_arguments(database):
    """Connection arguments and environment for pg_dump/pg_restore.

    The password goes only into the environment: a command line is visible to every user of
    the machine. ``--no-password`` makes a missing one an error instead of a prompt (cron)."""
    arguments = ["--no-password", "--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    for option, variable in LIBPQ_OPTIONS.items():
        if option in database.get("OPTIONS", {}):
            environment[variable] = str(database["OPTIONS"][option])
    return arguments, environment


def run_postgres_program(name, server_version, database, arguments):
    connection_arguments, environment = libpq_arguments(database)
    program = postgres_program(name, server_version)
    completed = subprocess.run(
        [program, *connection_arguments, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": name, "error": completed.stderr.strip() or completed.returncode}
        )


# Backup


def dump_sqlite(connection, folder):
    """Copy the database with SQLite's online backup API, in one step: one consistent snapshot
    while writers go on (in WAL mode they are not blocked). Returns (dump, row counts)."""
    path = folder / "database.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        copy.close()
    # Opened without the site's init_command, which would switch the copy to WAL mode.
    with temporary_connection({**connection.settings_dict, "NAME": str(path), "OPTIONS": {}}) as c:
        counts = count_rows(c)
    return path, counts


def dump_postgres(connection, folder):
    """pg_dump (custom format) in the snapshot of a transaction that also counts the rows, so
    the counts describe exactly what was dumped. Returns (dump, row counts)."""
    path = folder / DATABASE_MEMBERS["postgresql"]
    database = connection.settings_dict
    with temporary_connection(database) as snapshot, transaction.atomic(using=snapshot.alias):
        with snapshot.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot_id,) = cursor.fetchone()
        counts = count_rows(snapshot)
        run_postgres_program(
            "pg_dump",
            snapshot.pg_version,
            database,
            ["--format=custom", f"--snapshot={snapshot_id}", "--file", str(path)],
        )
    return path, counts


def add_database(tar, connection, folder, stdout):
    """Dump the database into the archive; returns its part of the manifest and the counts."""
    vendor = vendor_of(connection.settings_dict)
    stdout.write(_("Copying the database (%(vendor)s) …") % {"vendor": connection.display_name})
    if vendor == "sqlite":
        dump, counts = dump_sqlite(connection, folder)
        stored = folder / DATABASE_MEMBERS["sqlite"]
        with open(dump, "rb") as source, gzip.open(stored, "wb", compresslevel=6) as target:
            shutil.copyfileobj(source, target, CHUNK)
        server = sqlite3.sqlite_version
    else:
        dump, counts = dump_postgres(connection, folder)
        stored = dump
        server = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    tar.add(stored, arcname=DATABASE_MEMBERS[vendor])
    entry = {
        "vendor": vendor,
        "server_version": server,
        "member": DATABASE_MEMBERS[vendor],
        "size": dump.stat().st_size,
        "sha256": file_sha256(dump),
    }
    stdout.write(
        _("Database copied: %(rows)d rows in %(models)d models, %(size)s.")
        % {
            "rows": sum(counts.values()),
            "models": len(counts),
            "size": filesizeformat(entry["size"]),
        }
    )
    return entry, counts


def add_media(tar, media_root, stdout):
    """Every file under MEDIA_ROOT into the archive, hashed as it is read."""
    names = media_files(media_root)
    progress = Progress(len(names), stdout, _("Media files"))
    entries = []
    for name in names:
        try:
            with open(media_root / name, "rb") as handle:
                info = tar.gettarinfo(arcname=MEDIA_PREFIX + name, fileobj=handle)
                reader = HashingReader(handle)
                tar.addfile(info, reader)
        except FileNotFoundError:
            continue  # deleted by the site since the listing: not part of any later state
        entries.append({"path": name, "size": info.size, "sha256": reader.digest.hexdigest()})
        progress.advance()
    total = sum(entry["size"] for entry in entries)
    progress.finish(
        _("Media files archived: %(count)d, %(size)s.")
        % {"count": len(entries), "size": filesizeformat(total)}
    )
    return entries


def archive_path(output, now):
    """``output`` as given, or a time-stamped name in it if it is a folder (an existing one, or
    one written with a trailing slash; default VAR_DIR/backups/)."""
    name = f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}.tar"
    if output is None:
        return Path(settings.VAR_DIR) / "backups" / name
    folder = Path(output)
    return folder / name if folder.is_dir() or str(output).endswith(os.sep) else folder


def backup(output=None, *, using="default", media_root=None, stdout=None):
    """Write the database and every uploaded file into one archive; returns a BackupResult.

    The archive is written under a temporary name and renamed when complete, readable by its
    owner only (it holds password hashes and restricted documents)."""
    stdout = stdout or quiet()
    started = time.monotonic()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    connection = connections[using]
    vendor_of(connection.settings_dict)
    now = timezone.localtime().replace(microsecond=0)
    path = archive_path(output, now)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as folder:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with (
                os.fdopen(descriptor, "wb") as raw,
                tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar,
            ):
                database, counts = add_database(tar, connection, Path(folder), stdout)
                media = add_media(tar, media_root, stdout)
                manifest = {
                    "format": FORMAT,
                    "created": now.isoformat(),
                    "versions": {
                        "django": django.get_version(),
                        "wagtail": wagtail.__version__,
                        "python": platform.python_version(),
                    },
                    "database": database,
                    "counts": counts,
                    "media": media,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
                tar.addfile(info, BytesIO(data))
        os.replace(partial, path)
    except (DatabaseError, sqlite3.Error) as error:
        raise BackupError(
            _("The database could not be read: %(error)s") % {"error": error}
        ) from error
    except OSError as error:
        raise BackupError(
            _("The archive could not be written: %(error)s") % {"error": error}
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(path, path.stat().st_size, manifest, time.monotonic() - started)


# Restore


def safe_member_path(name):
    """A relative path that stays inside the folder it is extracted to, or None."""
    path = PurePosixPath(name)
    if not name or "\x00" in name or path.is_absolute() or ".." in path.parts:
        return None
    return path


def archive_damaged(error):
    return BackupError(
        _("The archive is damaged or incomplete (%(error)s). Nothing was restored.")
        % {"error": error}
    )


class ManifestError(ValueError):
    pass


def require(condition, what):
    if not condition:
        raise ManifestError(what)


def read_manifest(tar):
    """The archive's manifest, checked for shape: every later step relies on it."""
    try:
        member = tar.getmember(MANIFEST)
        manifest = json.loads(tar.extractfile(member).read())
        require(manifest["format"] == FORMAT, "format")
        database = manifest["database"]
        require(database["member"] == DATABASE_MEMBERS.get(database["vendor"]), "database")
        require(isinstance(database["sha256"], str), "database")
        require(all(isinstance(count, int) for count in manifest["counts"].values()), "counts")
        paths = [entry["path"] for entry in manifest["media"]]
        require(len(set(paths)) == len(paths), "media")
        for entry in manifest["media"]:
            require(safe_member_path(entry["path"]) is not None, entry["path"])
            require(isinstance(entry["size"], int) and isinstance(entry["sha256"], str), "media")
    except KeyError:
        raise BackupError(
            _(
                "The archive has no valid manifest: it is incomplete, or not made by the backup "
                "command. Nothing was restored."
            )
        ) from None
    except (TypeError, AttributeError, ValueError) as error:
        raise BackupError(
            _("The archive's manifest is damaged (%(error)s). Nothing was restored.")
            % {"error": str(error) or type(error).__name__}
        ) from None
    except DAMAGE as error:
        raise archive_damaged(error) from None
    return manifest


def database_tables(database):
    """Tables and views in the target database (an SQLite file that does not exist has none).

    SQLite is opened read-only, so checking a target creates nothing."""
    if vendor_of(database) == "sqlite":
        path = Path(database["NAME"])
        if not path.exists() or path.stat().st_size == 0:
            return []
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        ) as c:
            rows = c.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%'"
            )
            return sorted(name for (name,) in rows)
    with temporary_connection(database) as connection:
        return connection.introspection.table_names(include_views=True)


def first_link(media_root):
    """A symbolic link anywhere below the media folder (files written there would land
    wherever it points), or None."""
    root = Path(media_root)
    if not root.is_dir():
        return None
    for folder, folders, names in os.walk(root):
        for name in folders + names:
            path = Path(folder) / name
            if path.is_symlink():
                return path
    return None


def check_target(manifest, database, media_root, force):
    """Refuse a target that would mix with the archive, before anything is read or written."""
    vendor = vendor_of(database)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            _(
                "This archive holds a %(archived)s database, but the configured database is "
                "%(configured)s."
            )
            % {"archived": manifest["database"]["vendor"], "configured": vendor}
        )
    if vendor == "sqlite" and SQLiteCreation.is_in_memory_db(database["NAME"]):
        raise BackupError(
            _("The configured SQLite database is in memory: there is no file to restore into.")
        )
    try:
        tables = database_tables(database)
    except (DatabaseError, sqlite3.Error) as error:
        raise BackupError(
            _("Cannot open the database %(name)s (%(error)s). Create it, empty, first.")
            % {"name": database["NAME"], "error": error}
        ) from None
    link = first_link(media_root)
    if link is not None:
        raise BackupError(
            _(
                "The media folder holds a link, %(path)s: a restore never writes through links. "
                "Remove it, or restore into an empty folder."
            )
            % {"path": link}
        )
    if force:
        return
    if tables:
        raise BackupError(
            _(
                "The database %(name)s is not empty: it has %(count)d tables. Restore into a new, "
                "empty database, or add --force to replace everything in it."
            )
            % {"name": database["NAME"], "count": len(tables)}
        )
    files = media_files(media_root)
    if files:
        raise BackupError(
            _(
                "The media folder %(path)s is not empty: it has %(count)d files. Restore into an "
                "empty folder, or add --force to replace them."
            )
            % {"path": media_root, "count": len(files)}
        )


def member_digest(tar, member, compressed):
    with tar.extractfile(member) as handle:
        if compressed:
            with gzip.GzipFile(fileobj=handle) as unpacked:
                return sha256_of(unpacked)
        return sha256_of(handle)


def verify_archive(tar, manifest, stdout):
    """Read every member and compare it with the manifest: names, sizes, SHA-256."""
    database = manifest["database"]
    expected = {database["member"]: database}
    expected.update({MEDIA_PREFIX + entry["path"]: entry for entry in manifest["media"]})
    members = {member.name: member for member in tar.getmembers()}
    missing = sorted(set(expected) - set(members))
    unexpected = sorted(set(members) - set(expected) - {MANIFEST})
    if missing or unexpected:
        raise BackupError(
            _(
                "The archive does not match its manifest (missing: %(missing)s; unexpected: "
                "%(unexpected)s). Nothing was restored."
            )
            % {
                "missing": ", ".join(missing[:5]) or "-",
                "unexpected": ", ".join(unexpected[:5]) or "-",
            }
        )
    progress = Progress(len(expected), stdout, _("Checking the archive"))
    for name, entry in expected.items():
        member = members[name]
        is_database = entry is database
        if not member.isfile() or (not is_database and member.size != entry["size"]):
            raise BackupError(
                _("%(name)s in the archive is not what the manifest says. Nothing was restored.")
                % {"name": name}
            )
        if member_digest(tar, member, compressed=name.endswith(".gz")) != entry["sha256"]:
            raise BackupError(
                _(
                    "%(name)s in the archive does not match its checksum: the "
                    "archive is damaged. Nothing was restored."
                )
                % {"name": name}
            )
        progress.advance()
    progress.finish(_("Archive checked: every checksum matches."))
    return members


def clear_target(database, media_root, stdout):
    """With --force: empty the database and the media folder (the archive is already checked)."""
    stdout.write(_("Removing the present database tables and media files (--force) …"))
    if vendor_of(database) == "postgresql":
        with temporary_connection(database) as connection, connection.cursor() as cursor:
            for table in connection.introspection.get_table_list(cursor):
                kind = "VIEW" if table.type == "v" else "TABLE"
                name = connection.ops.quote_name(table.name)
                cursor.execute(f"DROP {kind} IF EXISTS {name} CASCADE")
    if media_root.is_dir():
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()


def close_connections_to(database):
    """This process must not hold the file or the database being replaced."""
    for connection in connections.all(initialized_only=True):
        if connection.settings_dict["NAME"] == database["NAME"]:
            connection.close()


def restore_database(tar, member, manifest, database, stdout):
    stdout.write(_("Restoring the database …"))
    close_connections_to(database)
    entry = manifest["database"]
    if entry["vendor"] == "sqlite":
        target = Path(database["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with (
                os.fdopen(descriptor, "wb") as copy,
                tar.extractfile(member) as stored,
                gzip.GzipFile(fileobj=stored) as source,
            ):
                shutil.copyfileobj(source, copy, CHUNK)
            if file_sha256(name) != entry["sha256"]:
                raise BackupError(_("The database copy does not match its checksum."))
            if target.exists():
                shutil.copymode(target, name)
            # A journal left beside the old file would be replayed into the new one.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(name, target)
        finally:
            Path(name).unlink(missing_ok=True)
        return
    with tempfile.TemporaryDirectory() as folder, temporary_connection(database) as connection:
        dump = Path(folder) / member.name
        with tar.extractfile(member) as stored, open(dump, "wb") as copy:
            shutil.copyfileobj(stored, copy, CHUNK)
        server_version = connection.pg_version
        connection.close()
        # One transaction: a restore that fails leaves the database as it was.
        run_postgres_program(
            "pg_restore",
            server_version,
            database,
            ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", str(dump)],
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # pg_restore leaves the planner without statistics


def restore_media(tar, members, manifest, media_root, stdout):
    progress = Progress(len(manifest["media"]), stdout, _("Restoring media files"))
    for entry in manifest["media"]:
        member = members[MEDIA_PREFIX + entry["path"]]
        target = media_root / entry["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        with tar.extractfile(member) as source, open(target, "xb") as copy:
            shutil.copyfileobj(source, copy, CHUNK)
        os.utime(target, (member.mtime, member.mtime))
        progress.advance()
    progress.finish(_("Media files restored: %(count)d.") % {"count": len(manifest["media"])})


def compare_with_manifest(manifest, database, media_root, stdout):
    """Count every model and hash every file again, as they are now; list what differs."""
    with temporary_connection(database) as connection:
        counts = count_rows(connection)
    differences = []
    expected_counts = manifest["counts"]
    for label in sorted(set(expected_counts) | set(counts)):
        expected, actual = expected_counts.get(label, 0), counts.get(label, 0)
        if expected != actual:
            differences.append(
                _("%(model)s: %(expected)d rows in the backup, %(actual)d restored")
                % {"model": label, "expected": expected, "actual": actual}
            )
    expected_files = {entry["path"]: entry for entry in manifest["media"]}
    present = media_files(media_root)
    progress = Progress(len(present), stdout, _("Checking restored files"))
    for name in present:
        entry = expected_files.get(name)
        if entry is None:
            differences.append(_("%(path)s: not in the backup") % {"path": name})
        elif file_sha256(media_root / name) != entry["sha256"]:
            differences.append(_("%(path)s: content differs from the backup") % {"path": name})
        progress.advance()
    progress.finish(_("Restored files hashed."))
    for name in sorted(set(expected_files) - set(present)):
        differences.append(_("%(path)s: missing") % {"path": name})
    return counts, differences


@contextlib.contextmanager
def open_archive(archive):
    try:
        tar = tarfile.open(archive, "r:")  # noqa: SIM115 (closed by "with tar" below)
    except FileNotFoundError:
        raise BackupError(_("There is no file %(path)s.") % {"path": archive}) from None
    except DAMAGE as error:
        raise BackupError(
            _(
                "%(path)s is not a backup archive, or it is damaged (%(error)s). Nothing was "
                "restored."
            )
            % {"path": archive, "error": error}
        ) from None
    with tar:
        yield tar


def restore(archive, *, database=None, media_root=None, force=False, stdout=None):
    """Restore an archive made by ``backup`` into an empty database and media folder, then show
    that the rows and files equal the manifest; returns a RestoreResult.

    ``database`` is a DATABASES entry (default: the site's). Raises BackupError, having written
    nothing, if the archive is damaged or the target is not empty (unless ``force``)."""
    stdout = stdout or quiet()
    started = time.monotonic()
    database = dict(database or connections["default"].settings_dict)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with open_archive(archive) as tar:
        manifest = read_manifest(tar)
        check_target(manifest, database, media_root, force)
        try:
            members = verify_archive(tar, manifest, stdout)
        except DAMAGE as error:
            raise archive_damaged(error) from None
        try:
            if force:
                clear_target(database, media_root, stdout)
            member = members[manifest["database"]["member"]]
            restore_database(tar, member, manifest, database, stdout)
            restore_media(tar, members, manifest, media_root, stdout)
        except (DatabaseError, OSError) as error:
            raise BackupError(_("The restore stopped: %(error)s") % {"error": error}) from error
    counts, differences = compare_with_manifest(manifest, database, media_root, stdout)
    rows = sum(counts.values())
    size = sum(entry["size"] for entry in manifest["media"])
    if differences:
        for line in differences[:DIFFERENCES_SHOWN]:
            stdout.write("  " + line)
        raise BackupError(
            _("The restored data differs from the backup in %(count)d places (listed above).")
            % {"count": len(differences)}
        )
    stdout.write(
        _("Rows: %(models)d models, %(rows)d rows, all equal to the backup.")
        % {"models": len(counts), "rows": rows}
    )
    stdout.write(
        _("Files: %(count)d files, %(size)s, all equal to the backup (SHA-256).")
        % {"count": len(manifest["media"]), "size": filesizeformat(size)}
    )
    return RestoreResult(
        manifest, len(counts), rows, len(manifest["media"]), size, time.monotonic() - started
    )
