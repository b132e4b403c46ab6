"""Sessions end when idle, and a printed initial password must be changed first
(home.account_security, manage.py ensure_admin)."""

import io
import re
import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import translation

from home.account_security import LAST_SEEN_SESSION_KEY, flag_initial_password
from home.logins import logins_path
from home.models import AccountSecurity

pytestmark = pytest.mark.django_db

PASSWORD = "Nanhu-test-2026!"
STAFF_MESSAGE = "You were logged out after 30 minutes without activity."
READER_MESSAGE = "You were logged out after 720 minutes without activity."


@pytest.fixture
def client(client):
    """English pages, so the assertions read the msgids whatever the translations say. The
    language a request activates stays active in the thread afterwards: it is put back."""
    language = translation.get_language()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    yield client
    translation.activate(language)


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.com", PASSWORD)


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("reader", "reader@example.com", PASSWORD)


@pytest.fixture
def editor(django_user_model):
    """Opens the admin through Wagtail's permission, without is_staff."""
    user = django_user_model.objects.create_user("bian", "bian@example.com", PASSWORD)
    group = Group.objects.create(name="某公司编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def idle_for(client, minutes):
    """Pretend the last request of this session was ``minutes`` ago."""
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = int(time.time()) - minutes * 60
    session.save()


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("who", ["boss", "editor"])
def test_admin_sessions_end_after_30_idle_minutes(client, request, home_page, who):
    client.force_login(request.getfixturevalue(who))
    client.get("/admin/")
    idle_for(client, 29)
    assert client.get("/admin/").status_code == 200
    assert is_logged_in(client)

    idle_for(client, 31)
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    assert not is_logged_in(client)
    assert STAFF_MESSAGE in client.get(response["Location"]).content.decode()


def test_staff_idle_on_the_public_site_go_to_the_sites_login(client, boss, home_page):
    client.force_login(boss)
    client.get("/")
    idle_for(client, 31)
    response = client.get("/")
    assert response["Location"] == "/accounts/login/?next=/"
    html = client.get(response["Location"]).content.decode()
    assert STAFF_MESSAGE in html
    assert 'class="site-header"' in html


def test_readers_stay_logged_in_for_12_idle_hours(client, reader, home_page):
    client.force_login(reader)
    client.get("/")
    idle_for(client, 31)
    assert client.get("/").status_code == 200
    assert is_logged_in(client)
    idle_for(client, 12 * 60 + 1)
    response = client.get("/")
    assert response["Location"] == "/accounts/login/?next=/"
    assert not is_logged_in(client)
    assert READER_MESSAGE in client.get(response["Location"]).content.decode()


def test_the_limits_come_from_the_settings(client, boss, home_page, settings):
    settings.SESSION_IDLE_TIMEOUT_STAFF_MINUTES = 5
    client.force_login(boss)
    client.get("/")
    idle_for(client, 6)
    assert client.get("/")["Location"].startswith("/accounts/login/")


def test_activity_is_written_at_most_once_a_minute(client, reader, home_page):
    client.force_login(reader)
    client.get("/")
    first = client.session[LAST_SEEN_SESSION_KEY]
    assert abs(first - time.time()) < 5
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = first - 30
    session.save()
    client.get("/")
    assert client.session[LAST_SEEN_SESSION_KEY] == first - 30
    idle_for(client, 2)
    client.get("/")
    assert abs(client.session[LAST_SEEN_SESSION_KEY] - time.time()) < 5


def test_screens_are_not_affected(client, boss, home_page):
    """A screen's requests neither end nor extend a session (screens keep none)."""
    client.force_login(boss)
    client.get("/")
    idle_for(client, 31)
    stale = client.session[LAST_SEEN_SESSION_KEY]
    response = client.get("/screens/sw.js")
    assert response.status_code == 200
    assert is_logged_in(client)
    assert client.session[LAST_SEEN_SESSION_KEY] == stale


def test_anonymous_visitors_get_no_session(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert django_settings.SESSION_COOKIE_NAME not in response.cookies


# ---- the printed initial password -------------------------------------------------------------


def run(*args):
    """A command's output, in the site's language (whatever an earlier request left active)."""
    out = io.StringIO()
    with translation.override("zh-hans"):
        call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def production_admin(settings, tmp_path):
    settings.DEMO_ENABLED = False
    settings.VAR_DIR = tmp_path
    output = run("ensure_admin")
    password = re.search(r"密码：(\S+)", output).group(1)
    return password, output


def test_ensure_admin_without_demo_prints_a_password_once_and_flags_the_account(
    production_admin, django_user_model
):
    password, output = production_admin
    user = django_user_model.objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    assert user.check_password(password)
    assert len(password) >= 12
    assert AccountSecurity.objects.get(user=user).must_change_password
    assert not logins_path().exists(), "no demo-logins file outside demo sites"
    again = run("ensure_admin")
    assert password not in again
    assert "已存在" in again
    assert django_user_model.objects.filter(username="admin").count() == 1


def test_the_printed_password_must_be_changed_first(client, production_admin, home_page, settings):
    settings.FORCE_INITIAL_PASSWORD_CHANGE = True
    password, _output = production_admin
    response = client.post("/accounts/login/", {"username": "admin", "password": password})
    for page in ["/", "/admin/", "/admin/pages/"]:
        response = client.get(page)
        assert response["Location"] == "/accounts/password/change/", page
    html = client.get("/accounts/password/change/").content.decode()
    assert "still has the password that was printed" in html

    same = {"old_password": password, "new_password1": password, "new_password2": password}
    response = client.post("/accounts/password/change/", same)
    assert response.status_code == 200 and "not the one you have now" in response.content.decode()
    assert AccountSecurity.objects.get(user__username="admin").must_change_password

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": password,
            "new_password1": "Qing-Lang-88",
            "new_password2": "Qing-Lang-88",
        },
    )
    assert response["Location"] == "/accounts/password/change/done/"
    assert not AccountSecurity.objects.get(user__username="admin").must_change_password
    assert client.get("/admin/").status_code == 200


def test_the_flag_is_ignored_unless_the_setting_is_on(client, production_admin, home_page):
    password, _output = production_admin
    client.post("/accounts/login/", {"username": "admin", "password": password})
    assert client.get("/admin/").status_code == 200


def test_other_accounts_are_not_sent_to_change_their_password(
    client, boss, home_page, settings, monkeypatch
):
    settings.FORCE_INITIAL_PASSWORD_CHANGE = True
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command(
        "createsuperuser", interactive=False, username="chief", email="c@example.com", verbosity=0
    )
    for username in ["boss", "chief"]:
        client.post("/accounts/login/", {"username": username, "password": PASSWORD})
        assert client.get("/admin/").status_code == 200
        client.post("/accounts/logout/")
    assert not AccountSecurity.objects.exists()


def test_a_password_reset_also_clears_the_flag(client, boss, home_page, settings):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    settings.FORCE_INITIAL_PASSWORD_CHANGE = True
    flag_initial_password(boss)
    uid = urlsafe_base64_encode(force_bytes(boss.pk))
    token = default_token_generator.make_token(boss)
    response = client.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Qing-Lang-99", "new_password2": "Qing-Lang-99"})
    assert not AccountSecurity.objects.get(user=boss).must_change_password


def test_the_editors_background_ping_is_not_activity(client, boss, home_page, monkeypatch):
    """Wagtail's editor pings every 10 seconds while a page is open; an unattended tab must
    not keep the admin open for ever."""
    client.force_login(boss)
    client.get("/admin/")
    idle_for(client, 25)
    client.post("/admin/editing-sessions/ping/wagtailcore.page/1/0/")
    later = time.time() + 6 * 60  # 31 minutes after the last real request
    monkeypatch.setattr("home.account_security.time.time", lambda: later)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_idle_clock_starts_at_login(client, reader, home_page, monkeypatch):
    client.post("/accounts/login/", {"username": "reader", "password": PASSWORD})
    later = time.time() + 721 * 60
    monkeypatch.setattr("home.account_security.time.time", lambda: later)
    client.get("/")
    assert not is_logged_in(client)
