"""Chinese first; English on request; a complete zh_Hans catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PO_PATH = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = ["config", "home", "site", "disclosure"]
GETTEXT_CALL = re.compile(r"""(?<![\w.])_\(\s*(?:"((?:[^"\\]|\\.)+)"|'((?:[^'\\]|\\.)+)')\s*[,)]""")
TEMPLATE_TAG = re.compile(r"""{%\s*(?:translate|trans)\s+(?:"([^"]+)"|'([^']+)')""")


def test_site_is_chinese_even_for_english_browsers(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "zh-hans"
    assert "最新公开" in response.content.decode()


def test_language_switcher_changes_and_remembers_english(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Latest disclosures" in html
    assert '<html lang="en"' in html
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "最新公开" in client.get("/").content.decode()


def test_catalogue_is_complete():
    catalogue = polib.pofile(str(PO_PATH))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_every_source_string_is_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO_PATH))}
    missing = set()
    for folder in SOURCE_DIRS:
        for path in (Path(settings.BASE_DIR) / folder).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in (GETTEXT_CALL, TEMPLATE_TAG):
                for match in pattern.findall(text):
                    msgid = "".join(match) if isinstance(match, tuple) else match
                    if msgid not in msgids:
                        missing.add(msgid)
    assert not missing, f"not in django.po (run make messages): {sorted(missing)}"


def test_compiled_catalogue_matches_the_source():
    mo = polib.mofile(str(PO_PATH.with_suffix(".mo")))
    compiled = {entry.msgid: entry.msgstr for entry in mo}
    for entry in polib.pofile(str(PO_PATH)).translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get(entry.msgid) == entry.msgstr, f"stale .mo for {entry.msgid!r}"
