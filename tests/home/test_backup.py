"""Backup and restore (home.backup, `backup`, `restore`).

A round trip keeps every page, revision, document, user and uploaded file; a damaged archive, or
a database or media folder that is not empty, is refused before anything is written. The suite's
own database is backed up (SQLite or PostgreSQL) and restored into a separate empty one.
pg_dump sees only committed data, hence transactional tests (serialized_rollback brings back the
home page and categories that the migrations created).
"""

import hashlib
import io
import json
import re
import tarfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from disclosure.models import DisclosureAttachment
from home.backup import (
    MANIFEST,
    BackupError,
    backup,
    database_tables,
    media_files,
    restore,
    temporary_connection,
)
from tests.factories import make_image

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOCUMENT_BYTES = b"%PDF-1.4 backup round trip"


@pytest.fixture
def content(settings, tmp_path, make_disclosure):
    """Disclosures with published and draft revisions, an attached document, an image, a user."""
    settings.MEDIA_ROOT = tmp_path / "media"
    editor = get_user_model().objects.create_user("backup_editor", password="Backup-test-2026")
    pages = [make_disclosure(title=f"备份测试{n}", slug=f"backup-{n}") for n in range(3)]
    for page in pages[:2]:
        page.summary = "修订后的摘要。"
        page.save_revision(user=editor).publish()
    pages[2].title = "未发布的修改"
    pages[2].save_revision(user=editor)
    document = get_document_model()(title="备份附件")
    document.file.save("党员名单.pdf", ContentFile(DOCUMENT_BYTES), save=True)
    DisclosureAttachment.objects.create(page=pages[0], document=document)
    make_image("现场照片")
    return {"document": document}


@pytest.fixture
def target(tmp_path):
    """An empty database (an SQLite file, or a new PostgreSQL database) and media folder."""
    database = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        database["NAME"] = str(tmp_path / "restored" / "db.sqlite3")
        yield database, tmp_path / "restored-media"
        return
    database["NAME"] = f"{database['NAME']}_restore"
    with postgres_server(database) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{database["NAME"]}"')
    try:
        yield database, tmp_path / "restored-media"
    finally:
        with postgres_server(database) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')


def postgres_server(database):
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        autocommit=True,
    )


def site_state(alias):
    """What an editor and a reader would miss if a restore lost it."""
    return {
        "pages": sorted(
            Page.objects.using(alias).values_list("id", "title", "slug", "live", "latest_revision")
        ),
        "revisions": sorted(
            Revision.objects.using(alias).values_list("id", "object_id", "created_at", "user")
        ),
        "documents": sorted(get_document_model().objects.using(alias).values_list("title", "file")),
        "attachments": sorted(
            DisclosureAttachment.objects.using(alias).values_list("page", "document")
        ),
        "users": sorted(get_user_model().objects.using(alias).values_list("username", "password")),
    }


def make_backup(tmp_path):
    return backup(tmp_path / "backup.tar")


def test_round_trip_keeps_pages_revisions_documents_users_and_files(content, target, tmp_path):
    database, media_root = target
    before = site_state("default")
    assert len(before["revisions"]) == 3 and len(before["documents"]) == 1

    result = make_backup(tmp_path)
    manifest = result.manifest
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["wagtailcore.Revision"] == 3
    assert manifest["counts"]["wagtaildocs.Document"] == 1
    document_entry = next(
        e for e in manifest["media"] if e["path"] == content["document"].file.name
    )
    assert document_entry["sha256"] == hashlib.sha256(DOCUMENT_BYTES).hexdigest()

    output = io.StringIO()
    restored = restore(
        result.path, database=database, media_root=media_root, stdout=OutputWrapper(output)
    )

    assert restored.rows == sum(manifest["counts"].values())
    assert restored.files == len(manifest["media"]) == 2  # the document and the image
    with temporary_connection(database) as copy:
        assert site_state(copy.alias) == before
    assert (media_root / content["document"].file.name).read_bytes() == DOCUMENT_BYTES
    assert media_files(media_root) == media_files(content["document"].file.storage.location)
    assert f"{restored.rows}" in output.getvalue()  # the summary names what was compared


def flip_a_byte_in(name):
    def damage(data):
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            member = next(m for m in tar.getmembers() if m.name.startswith(name))
        position = member.offset_data + member.size // 2
        return data[:position] + bytes([data[position] ^ 0xFF]) + data[position + 1 :]

    return damage


def with_manifest(change):
    """Rewrite the archive with ``change(manifest)`` as its manifest (None: no manifest)."""

    def damage(data):
        result = io.BytesIO()
        with (
            tarfile.open(fileobj=io.BytesIO(data)) as source,
            tarfile.open(fileobj=result, mode="w") as tar,
        ):
            for member in source.getmembers():
                content = source.extractfile(member)
                if member.name == MANIFEST:
                    manifest = change(json.load(content))
                    if manifest is None:
                        continue
                    content = io.BytesIO(json.dumps(manifest).encode())
                    member.size = len(content.getvalue())
                tar.addfile(member, content)
        return result.getvalue()

    return damage


def one_page_more(manifest):
    manifest["counts"]["wagtailcore.Page"] += 1
    return manifest


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) * 2 // 3], id="truncated"),
        pytest.param(flip_a_byte_in("database"), id="database changed"),
        pytest.param(flip_a_byte_in("media/documents/"), id="document changed"),
        pytest.param(with_manifest(lambda manifest: None), id="no manifest"),
        pytest.param(lambda data: b"not an archive at all", id="not an archive"),
    ],
)
def test_damaged_archive_is_refused_and_nothing_is_written(content, target, tmp_path, damage):
    database, media_root = target
    archive = make_backup(tmp_path).path
    archive.write_bytes(damage(archive.read_bytes()))

    with pytest.raises(BackupError):
        restore(archive, database=database, media_root=media_root)

    assert database_tables(database) == []
    assert not media_root.exists()


@pytest.mark.parametrize("occupied", ["database", "media"])
def test_target_that_is_not_empty_is_refused_unless_forced(content, target, tmp_path, occupied):
    database, media_root = target
    archive = make_backup(tmp_path).path
    if occupied == "database":
        if connection.vendor == "sqlite":
            # The parent folder of an SQLite target is created by the restore.
            (tmp_path / "restored").mkdir()
        with temporary_connection(database) as other, other.cursor() as cursor:
            cursor.execute("CREATE TABLE leftover (id integer)")
            cursor.execute("INSERT INTO leftover VALUES (1)")
    else:
        media_root.mkdir()
        (media_root / "leftover.txt").write_text("from before")
    tables_before = database_tables(database)

    with pytest.raises(BackupError, match="--force"):
        restore(archive, database=database, media_root=media_root)
    assert database_tables(database) == tables_before
    assert media_files(media_root) == (["leftover.txt"] if occupied == "media" else [])

    restore(archive, database=database, media_root=media_root, force=True)
    assert "leftover" not in database_tables(database)
    assert "leftover.txt" not in media_files(media_root)


def test_a_link_in_the_media_folder_is_refused_even_with_force(content, target, tmp_path):
    """A link named like a folder of the archive would carry the restore outside MEDIA_ROOT."""
    database, media_root = target
    archive = make_backup(tmp_path).path
    outside = tmp_path / "outside"
    outside.mkdir()
    media_root.mkdir()
    (media_root / "documents").symlink_to(outside)
    for force in (False, True):
        with pytest.raises(BackupError, match="documents"):
            restore(archive, database=database, media_root=media_root, force=force)
    assert list(outside.iterdir()) == []
    assert database_tables(database) == []


def test_backup_command_writes_a_private_time_stamped_archive(content, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    out = io.StringIO()
    call_command("backup", stdout=out)
    (archive,) = (tmp_path / "var" / "backups").iterdir()
    assert re.fullmatch(r"backup-\d{8}-\d{6}\.tar", archive.name)
    assert archive.stat().st_mode & 0o077 == 0  # it holds password hashes
    assert str(archive) in out.getvalue()
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
    assert manifest["counts"]["wagtailcore.Page"] == Page.objects.count()
    assert {"django", "wagtail"} <= set(manifest["versions"])


def test_restore_command_refuses_the_running_sites_database(content, tmp_path):
    """The suite's database has content (on SQLite it is also in memory): nothing is touched."""
    archive = make_backup(tmp_path).path
    pages = Page.objects.count()
    with pytest.raises(CommandError):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Page.objects.count() == pages


def test_restore_that_does_not_match_the_manifest_fails_loudly(content, target, tmp_path):
    """Every checksum matches, but the manifest counts one page more than the database holds."""
    database, media_root = target
    archive = make_backup(tmp_path).path
    archive.write_bytes(with_manifest(one_page_more)(archive.read_bytes()))
    output = io.StringIO()

    with pytest.raises(BackupError):
        restore(archive, database=database, media_root=media_root, stdout=OutputWrapper(output))

    lines = output.getvalue().splitlines()
    (line,) = [line for line in lines if re.search(r"wagtailcore\.Page\b", line)]
    pages = Page.objects.count()
    assert re.findall(r"\d+", line) == [str(pages + 1), str(pages)]  # backup, restored
