"""One public address (home.addresses): every absolute link that leaves the site — QR codes on
posters, certificates and screens, the sitemap, feeds, the API, import e-mails, a screen's new
address — carries PUBLIC_BASE_URL when it is set, else the default Site record's address; a
system check and a dashboard panel warn when that address is local or private."""

import datetime
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from home import checks, qr
from home.models import StandardPage
from screens.models import Screen
from screens.playlist import build_page_slide
from training.models import Certificate

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "https://gongkai.nanhu.example"
LOADED_AT = "http://127.0.0.1:8000"  # where `make run` loaded the demo: the Site record
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def demo_site_record(site):
    """The Site record as the demo leaves it: the address the database was loaded at."""
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    return site


@pytest.fixture
def disclosure(make_disclosure, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_disclosure(
        title="2026年第三季度党费收缴情况公示", published_on=datetime.date(2026, 10, 8)
    )


@pytest.fixture
def qr_contents(monkeypatch):
    """What every QR code drawn during the test holds (home.qr draws them all)."""
    drawn = []
    real = qr.qr_code

    def record(data):
        drawn.append(data)
        return real(data)

    monkeypatch.setattr(qr, "qr_code", record)
    return drawn


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("weiyuan", password="unused")
    user.groups.add(moderators_group())
    return user


# --- every channel, at each address: one row per channel -------------------------------------


@pytest.fixture
def world(client, disclosure, qr_contents, admin_user, tmp_path):
    return SimpleNamespace(
        client=client, disclosure=disclosure, qr=qr_contents, admin=admin_user, tmp_path=tmp_path
    )


def printed(html, css_class):
    return re.findall(rf'<span class="{css_class}">([^<]*)</span>', html)


def sitemap(world):
    body = world.client.get("/sitemap.xml").content.decode()
    return re.findall(r"<loc>(.*?)</loc>", body)


def api_html_url(world):
    listing = world.client.get("/api/v2/pages/").json()["items"]
    detail = world.client.get(f"/api/v2/pages/{world.disclosure.pk}/").json()
    return [item["meta"]["html_url"] for item in listing] + [detail["meta"]["html_url"]]


def api_own_links(world):
    """The API's links to itself: each item's detail_url and a page's parent."""
    listing = world.client.get("/api/v2/pages/").json()["items"]
    detail = world.client.get(f"/api/v2/pages/{world.disclosure.pk}/").json()
    return [item["meta"]["detail_url"] for item in listing] + [
        detail["meta"]["detail_url"],
        detail["meta"]["parent"]["meta"]["detail_url"],
    ]


def feeds(world):
    links = []
    for path in ("/disclosures/feed/", f"{world.disclosure.get_parent().url}feed/"):
        root = ET.fromstring(world.client.get(path).content)
        links += [link.get("href") for link in root.iter(f"{ATOM}link")]
        links += [entry.find(f"{ATOM}id").text for entry in root.iter(f"{ATOM}entry")]
    return links


def poster(world):
    html = world.client.get(f"/screens/boards/{world.disclosure.pk}/").content.decode()
    assert len(world.qr) == 1, "the poster has one QR code"
    assert printed(html, "poster__url") == world.qr  # the address printed under it, the same
    return world.qr


def certificate(world):
    certificate = Certificate.objects.create(
        learner_name="张积极",
        course_title="党风廉政建设知识",
        hours=4,
        issued_on=datetime.date(2026, 11, 27),
    )
    world.client.force_login(world.admin)
    html = world.client.get(f"/training/certificates/{certificate.code}/print/").content.decode()
    assert world.qr == [certificate.get_verification_url()]
    assert world.qr[0].endswith(f"/training/certificates/{certificate.code}/")
    assert printed(html, "certificate__url") == world.qr
    return world.qr


def screen_slide(world):
    slide = build_page_slide(world.disclosure)
    assert world.qr == [slide["url"]]
    return world.qr


def import_email(world):
    path = world.tmp_path / "members.csv"
    path.write_text("姓名,用户名,手机号,邮箱,角色\n张伟,zhangwei,,zhangwei@example.com,职工\n")
    call_command(
        "import_members", world.disclosure.organization.slug, str(path), stdout=io.StringIO()
    )
    return re.findall(r"https?://\S+", mail.outbox[-1].body)


def screen_new_address(world):
    screen = Screen.objects.create(name="门店屏", place="一楼")
    world.client.force_login(world.admin)
    response = world.client.post(f"/admin/screens/{screen.pk}/new-token/")
    screen.refresh_from_db()
    texts = " ".join(str(message) for message in get_messages(response.wsgi_request))
    return [url for url in re.findall(r"https?://\S+", texts) if screen.token in url]


CHANNELS = [
    sitemap,
    api_html_url,
    api_own_links,
    feeds,
    poster,
    certificate,
    screen_slide,
    import_email,
    screen_new_address,
]


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.__name__)
@pytest.mark.parametrize(
    ("configured", "expected"), [(PUBLIC, PUBLIC), ("", LOADED_AT)], ids=["set", "unset"]
)
def test_every_channel_links_to_the_public_address(world, settings, channel, configured, expected):
    """Set: the public address and never the Site record's 127.0.0.1; unset: the Site record."""
    settings.PUBLIC_BASE_URL = configured
    links = channel(world)
    assert links, f"{channel.__name__} gave no link"
    for link in links:
        assert link.startswith(expected + "/"), link


# --- the site itself: relative links, routing, other Site records ----------------------------


def test_links_on_the_site_stay_relative_and_pages_still_route(client, settings, disclosure):
    settings.PUBLIC_BASE_URL = PUBLIC
    assert disclosure.url.startswith("/") and not disclosure.url.startswith("//")
    response = client.get(disclosure.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{disclosure.get_parent().url}"' in html  # the breadcrumb, relative
    assert f'href="{PUBLIC}{disclosure.get_parent().url}"' not in html
    assert client.get(disclosure.get_parent().url).status_code == 200


def test_another_site_record_keeps_its_own_address(client, settings, disclosure):
    settings.PUBLIC_BASE_URL = PUBLIC
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=StandardPage(title="另一站点", slug="other-site"))
    Site.objects.create(hostname="other.example", port=443, root_page=other_home)
    assert other_home.specific.get_full_url() == "https://other.example/"
    assert disclosure.get_full_url() == PUBLIC + disclosure.get_url(
        current_site=Site.objects.get(is_default_site=True)
    )
    # Seen from the other site, a page of the default site is a full link to the public address.
    assert disclosure.get_url(current_site=Site.objects.get(hostname="other.example")).startswith(
        PUBLIC + "/"
    )


# --- the system check ----------------------------------------------------------------------


def check_ids(**overrides):
    with override_settings(**overrides):
        return [message.id for message in checks.public_address()]


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000",
        "http://127.8.0.1",
        "http://localhost:8000",
        "http://[::1]:8000",
        "http://10.20.30.40",
        "http://172.16.5.4",
        "http://172.31.255.1",
        "http://192.168.1.10:8000",
        "http://nanhu.local",
        "http://gongkai",  # a bare machine name
    ],
)
def test_the_check_warns_of_a_local_or_private_address_in_production(address):
    assert check_ids(DEBUG=False, PUBLIC_BASE_URL=address) == ["home.W002"]


@pytest.mark.parametrize("address", [PUBLIC, "https://gk.example.org:8443", "http://120.55.1.1"])
def test_the_check_is_quiet_for_a_public_address(address):
    assert check_ids(DEBUG=False, PUBLIC_BASE_URL=address) == []


def test_the_check_warns_when_the_address_is_unset_in_production():
    assert check_ids(DEBUG=False, PUBLIC_BASE_URL="") == ["home.W001"]


def test_the_check_is_quiet_in_development():
    assert check_ids(DEBUG=True, PUBLIC_BASE_URL="") == []
    assert check_ids(DEBUG=True, PUBLIC_BASE_URL="http://127.0.0.1:8000") == []


@pytest.mark.parametrize(
    "value",
    ["gongkai.nanhu.example", "ftp://gongkai.nanhu.example", "https://gongkai.nanhu.example/gk"],
)
def test_a_bad_address_set_in_a_settings_file_is_an_error(value):
    assert check_ids(DEBUG=True, PUBLIC_BASE_URL=value) == ["home.E001"]


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PUBLIC_BASE_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "value",
    [
        "gongkai.nanhu.example",
        "https://gongkai.nanhu.example/gk?x=1",
        "https://gongkai.nanhu.example:99999",
    ],
)
def test_a_bad_address_in_the_environment_stops_start_up_with_one_line(value, tmp_path):
    result = manage("check", PUBLIC_BASE_URL=value, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error: PUBLIC_BASE_URL")


def test_production_warns_of_a_private_address(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-not-a-real-secret-key-for-tests-only-0123456789",
        ALLOWED_HOSTS="192.168.1.10,gk.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert result.returncode != 0
    assert "home.W002" in result.stdout + result.stderr
    assert "https://192.168.1.10" in result.stdout + result.stderr


def test_the_old_base_url_name_still_sets_the_address(tmp_path):
    code = (
        "from django.conf import settings; "
        "print(settings.PUBLIC_BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "PUBLIC_BASE_URL"},
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "BASE_URL": PUBLIC + "/",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [PUBLIC, PUBLIC], result.stderr


# --- the dashboard --------------------------------------------------------------------------


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("debug", "configured", "shown"),
    [
        (False, "", LOADED_AT),  # unset: the Site record's local address
        (False, "http://192.168.1.10:8000", "http://192.168.1.10:8000"),
        (False, PUBLIC, None),
        (True, "", None),  # development: a local address is expected
    ],
)
def test_the_dashboard_warns_moderators_of_a_local_address(
    client, settings, moderator, debug, configured, shown
):
    settings.DEBUG = debug
    settings.PUBLIC_BASE_URL = configured
    html = dashboard(client, moderator)
    if shown:
        assert 'id="public-address' in html
        assert f"<strong>{shown}</strong>" in html
    else:
        assert 'id="public-address' not in html


def test_editors_do_not_see_the_address_warning(client, settings, org, django_user_model):
    settings.PUBLIC_BASE_URL = ""
    editor = django_user_model.objects.create_user("bianji", password="unused")
    Membership.objects.create(user=editor, organization=org, role=Role.EDITOR)
    assert 'id="public-address' not in dashboard(client, editor)
