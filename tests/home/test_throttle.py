"""Throttling behind a proxy that cannot lock the owner out: logins, password reset and
set-password (the site's and the admin's forms), the API; and no account enumeration."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from home.throttle import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "Nanhu-owner-2026!"
PROXY = "127.0.0.1"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("gongwei", "gongwei@example.com", PASSWORD)


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = [PROXY]


def login(client, password, via=None, username="gongwei", url="/accounts/login/"):
    """A login through the proxy, for the client address ``via``."""
    return client.post(
        url,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=via,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


# ---- the client's address -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        (PROXY, ATTACKER, ATTACKER),  # from our proxy: the address it saw
        (PROXY, f"10.9.9.9, {ATTACKER}", ATTACKER),  # a forged first entry is ignored
        (ATTACKER, OWNER, ATTACKER),  # not from our proxy: the header is not believed
        (PROXY, "not-an-address", PROXY),
        (PROXY, "", PROXY),
    ],
)
def test_the_client_address_comes_from_the_trusted_proxy_only(rf, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_without_a_trusted_proxy_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert client_ip(request) == PROXY


# ---- logins -----------------------------------------------------------------------------------


def test_the_owner_logs_in_from_elsewhere_while_an_attacker_is_paused(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        response = login(client, "guess", via=ATTACKER)
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    # The attacker's right password is refused too while paused.
    assert login(client, PASSWORD, via=ATTACKER).status_code == 429
    assert not logged_in(client)
    response = login(client, PASSWORD, via=OWNER)
    assert response.status_code == 302 and logged_in(client)


def test_behind_nginx_the_attackers_do_not_share_the_owners_address(client, owner, settings):
    """The reported attack: every client was 127.0.0.1, so the moderator was locked out."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "guess", via=ATTACKER)
    assert login(client, PASSWORD, via=OWNER).status_code == 302


def test_an_account_attacked_from_many_addresses_is_slowed_not_locked(client, owner, settings):
    settings.LOGIN_ACCOUNT_FAILURES = 6
    for n in range(6):
        login(client, "guess", via=f"203.0.113.{n + 1}")
    first = login(client, "guess", via="203.0.113.50")  # allowed: it starts the pace
    assert first.status_code == 200
    response = login(client, PASSWORD, via=OWNER)  # within the pace: wait, unchecked
    assert response.status_code == 429
    html = response.content.decode()
    assert "秒" in html and "登录失败次数过多" in html
    assert not logged_in(client)
    # A slowed-down attempt is not a guess: it does not count towards the owner's pause.
    from axes.models import AccessAttempt

    assert not AccessAttempt.objects.filter(ip_address=OWNER).exists()


def test_after_the_pace_the_owner_logs_in(client, owner, settings, monkeypatch):
    settings.LOGIN_ACCOUNT_FAILURES = 3
    for n in range(3):
        login(client, "guess", via=f"203.0.113.{n + 1}")
    login(client, "guess", via="203.0.113.60")
    import time

    later = time.time() + settings.LOGIN_SLOW_DOWN_SECONDS + 1
    monkeypatch.setattr("home.throttle.time.time", lambda: later)
    assert login(client, PASSWORD, via=OWNER).status_code == 302


def test_an_address_trying_many_names_is_slowed_down(client, owner, settings):
    settings.LOGIN_ADDRESS_FAILURES = 5
    for n in range(5):
        login(client, "guess", via=ATTACKER, username=f"user{n}")
    login(client, "guess", via=ATTACKER, username="user99")
    assert login(client, "guess", via=ATTACKER, username="user100").status_code == 429
    assert login(client, PASSWORD, via=OWNER).status_code == 302


def test_the_admin_login_is_throttled_the_same_way(client, owner, settings):
    owner.is_superuser = True
    owner.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "guess", via=ATTACKER, url="/admin/login/")
    assert login(client, PASSWORD, via=ATTACKER, url="/admin/login/").status_code == 429
    assert login(client, PASSWORD, via=OWNER, url="/admin/login/").status_code == 302


def without_tokens(html, username):
    return re.sub(r'value="[A-Za-z0-9]{64}"', "", html).replace(username, "X")


def test_login_answers_do_not_tell_which_accounts_exist(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        known = login(client, "guess", via=ATTACKER)
        unknown = login(client, "guess", via=ATTACKER, username="nobody-here")
        assert known.status_code == unknown.status_code
        assert without_tokens(known.content.decode(), "gongwei") == without_tokens(
            unknown.content.decode(), "nobody-here"
        )


# ---- password reset and set-password -----------------------------------------------------------


def reset(client, email, via, url="/accounts/password/reset/"):
    return client.post(url, {"email": email}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=via)


def test_password_reset_sends_a_few_messages_per_account_then_none(client, owner, settings):
    """The attack: 8 requests sent 8 emails."""
    answers = [reset(client, owner.email, via=f"203.0.113.{n}") for n in range(8)]
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_ACCOUNT
    # Every answer is the same "sent" page: nobody learns when the messages stopped.
    assert {answer.status_code for answer in answers} == {302}
    assert {answer["Location"] for answer in answers} == {"/accounts/password/reset/sent/"}


def test_password_reset_is_limited_per_address(client, owner, settings):
    for n in range(settings.PASSWORD_RESET_PER_ADDRESS):
        assert reset(client, f"x{n}@example.com", via=ATTACKER).status_code == 302
    response = reset(client, owner.email, via=ATTACKER)
    assert response.status_code == 429 and "请求过多" in response.content.decode()
    assert not mail.outbox
    # Someone else, elsewhere, still gets their message.
    assert reset(client, owner.email, via=OWNER).status_code == 302
    assert len(mail.outbox) == 1


def test_password_reset_does_not_tell_which_emails_exist(client, owner):
    known = reset(client, owner.email, via=OWNER)
    unknown = reset(client, "nobody@example.com", via=OWNER)
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_the_admins_password_reset_is_throttled_too(client, owner, settings):
    owner.is_superuser = True
    owner.save()
    url = "/admin/password_reset/"
    for n in range(8):
        reset(client, owner.email, via=f"203.0.113.{n}", url=url)
    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_ACCOUNT


def test_set_password_submissions_are_limited(client, owner, settings):
    settings.SET_PASSWORD_ATTEMPTS = 3
    client.force_login(owner)
    url = "/accounts/password/change/"
    form = {"old_password": "guess", "new_password1": "x", "new_password2": "x"}
    for _ in range(3):
        response = client.post(url, form, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
        assert response.status_code == 200  # the form with its errors
    response = client.post(url, form, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER)
    assert response.status_code == 429  # per account, wherever it comes from


# ---- the API ---------------------------------------------------------------------------------


@override_settings(API_RATE="5/min")
def test_the_api_is_throttled_per_client_address(client, home_page):
    url = "/api/v2/pages/"
    codes = [
        client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER).status_code
        for _ in range(6)
    ]
    assert codes == [200] * 5 + [429]
    assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER).status_code == 200


def test_case_variants_of_a_name_are_one_name(client, owner, settings):
    for variant in ["GongWei", "gOngwei", " gongwei", "GONGWEI", "gongWEI"]:
        login(client, "guess", via=ATTACKER, username=variant)
    assert login(client, PASSWORD, via=ATTACKER).status_code == 429
    assert login(client, PASSWORD, via=OWNER).status_code == 302


def test_the_owners_own_address_is_never_slowed_down(client, owner, settings):
    """An attacker who keeps taking the account's one attempt every 10 seconds cannot keep
    the owner out: the address the owner logged in from before is not slowed down."""
    settings.LOGIN_ACCOUNT_FAILURES = 4
    assert login(client, PASSWORD, via=OWNER).status_code == 302
    client.post("/accounts/logout/")
    for n in range(4):
        login(client, "guess", via=f"203.0.113.{n + 1}")
    login(client, "guess", via="203.0.113.70")  # takes the slot
    assert login(client, PASSWORD, via=OWNER).status_code == 302
