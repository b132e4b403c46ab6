"""Two-factor login for superusers and moderators (home.two_factor, home.account_security)."""

import datetime
import io
import re
from base64 import b32decode

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from disclosure.access import moderators_group
from home.two_factor import RESET_ACTION, new_recovery_codes, requires_two_factor

pytestmark = pytest.mark.django_db

PASSWORD = "Nanhu-test-2026!"
VERIFY = "/accounts/two-factor/"
SETUP = "/accounts/two-factor/setup/"
RECOVERY = "/accounts/two-factor/recovery-codes/"
WRONG_CODE = "That code is not right"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True


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
def moderator(django_user_model):
    user = django_user_model.objects.create_user("wei", "wei@example.com", PASSWORD)
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def editor(django_user_model):
    """An organisation's editor: opens the admin, but cannot publish."""
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user("bian", "bian@example.com", PASSWORD)
    group = Group.objects.create(name="某公司编辑")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def enrol(user):
    """An authenticator as a phone would hold it, and the recovery codes printed at enrolment."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return device, new_recovery_codes(user)


def code_of(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def password_login(client, username, login_url="/accounts/login/", next_url="/admin/"):
    response = client.post(
        login_url, {"username": username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.mark.parametrize(
    ("who", "required"),
    [("boss", True), ("moderator", True), ("editor", False), ("reader", False)],
)
def test_who_must_use_two_factor(request, django_user_model, who, required):
    if who == "reader":
        user = django_user_model.objects.create_user("reader", password=PASSWORD)
    else:
        user = request.getfixturevalue(who)
    assert requires_two_factor(user) is required


def test_enrolment_with_the_qr_code_and_a_real_code(client, boss, home_page):
    password_login(client, "boss")
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    response = client.get(response["Location"])
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    html = client.get(response["Location"]).content.decode()
    assert '<svg width="' in html and 'class="qr-code"' in html
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', html).group(1)
    key = b32decode(secret.replace(" ", ""))
    assert client.get("/admin/")["Location"].startswith(VERIFY)  # not yet confirmed

    response = client.post(SETUP, {"code": "000000", "next": "/admin/"})
    assert WRONG_CODE in response.content.decode()
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post(SETUP, {"code": f"{totp(key):06d}", "next": "/admin/"})
    assert response["Location"] == f"{RECOVERY}?next=%2Fadmin%2F"

    html = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert "data-print" in html
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    html = client.get(RECOVERY).content.decode()
    assert not re.findall(r"<li><code>", html), "the codes are shown only once"
    assert "10 unused recovery codes" in html
    assert client.get("/admin/").status_code == 200


def test_admin_login_is_not_enough_until_the_code(client, boss, home_page):
    device, _codes = enrol(boss)
    response = password_login(client, "boss", login_url="/admin/login/")
    response = client.get(response["Location"])
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    for blocked in ["/admin/pages/", "/admin/users/", "/"]:
        response = client.get(blocked)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{VERIFY}?next=")
    html = client.get(VERIFY + "?next=/admin/pages/").content.decode()
    assert 'class="site-header"' in html
    assert 'name="code"' in html

    response = client.post(VERIFY, {"code": code_of(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_the_next_attempt_must_wait(client, boss, home_page):
    device, _codes = enrol(boss)
    client.force_login(boss)
    response = client.post(VERIFY, {"code": "123456", "next": "/admin/"})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    response = client.post(VERIFY, {"code": code_of(device), "next": "/admin/"})
    assert "Too many wrong codes. Wait" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    TOTPDevice.objects.update(throttling_failure_timestamp=a_minute_ago)
    response = client.post(VERIFY, {"code": code_of(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("code", ["", "abc", "1234567", "' OR 1=1 --", "x" * 500])
def test_malformed_codes_are_field_errors(client, boss, home_page, code):
    enrol(boss)
    client.force_login(boss)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()


def test_a_recovery_code_works_once(client, boss, home_page):
    _device, codes = enrol(boss)
    client.force_login(boss)
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    html = client.get("/").content.decode()
    assert "You used a recovery code; 9 are left." in html

    client.logout()  # which forgets the cookies, the language's too
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(boss)
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert WRONG_CODE in response.content.decode()
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post(VERIFY, {"code": codes[1], "next": "/admin/"})
    assert response["Location"] == "/admin/"


def test_new_recovery_codes_replace_the_old_ones(client, boss, home_page):
    device, old_codes = enrol(boss)
    client.force_login(boss)
    client.post(VERIFY, {"code": code_of(device)})
    assert "10 unused recovery codes" in client.get(RECOVERY).content.decode()
    response = client.post(RECOVERY, {"next": "/admin/"})
    html = client.get(response["Location"]).content.decode()
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert StaticToken.objects.filter(token__in=old_codes).count() == 0


def test_before_the_code_nobody_can_replace_the_authenticator_or_the_codes(client, boss, home_page):
    device, codes = enrol(boss)
    client.force_login(boss)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert client.post(RECOVERY)["Location"].startswith(VERIFY)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    assert list(TOTPDevice.objects.filter(user=boss)) == [device]


def test_a_moderator_is_asked_too(client, moderator, home_page):
    device, _codes = enrol(moderator)
    password_login(client, "wei")
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_of(device)})
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("who", ["editor", "reader"])
def test_other_accounts_are_not_asked(client, request, django_user_model, home_page, who):
    if who == "reader":
        user = django_user_model.objects.create_user("reader", password=PASSWORD)
    else:
        user = request.getfixturevalue(who)
    password_login(client, user.username, next_url="/")
    assert client.get("/").status_code == 200
    if who == "editor":
        assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY).status_code == 404
    assert client.get(SETUP).status_code == 404


def test_nothing_is_asked_when_two_factor_is_off(client, boss, home_page, settings):
    settings.TWO_FACTOR_REQUIRED = False
    enrol(boss)
    client.force_login(boss)
    assert client.get("/admin/").status_code == 200


def test_next_may_not_leave_the_site(client, boss, home_page):
    device, _codes = enrol(boss)
    client.force_login(boss)
    response = client.post(VERIFY, {"code": code_of(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_logging_out_works_before_the_code(client, boss, home_page):
    enrol(boss)
    client.force_login(boss)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_reset_two_factor_removes_the_devices_and_is_logged(client, boss, moderator, home_page):
    device, _codes = enrol(moderator)
    client.force_login(moderator)
    client.post(VERIFY, {"code": code_of(device)})
    assert client.get("/admin/").status_code == 200

    output = run("reset_two_factor", "wei", "--by", "boss")
    assert "wei" in output
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    assert not StaticDevice.objects.filter(user=moderator).exists()
    entry = ModelLogEntry.objects.get(action=RESET_ACTION)
    assert entry.object_id == str(moderator.pk)
    assert entry.user_id == boss.pk
    assert registry.get_action_label(RESET_ACTION) == "Reset two-factor login"
    # The session verified with the removed authenticator is sent to set up a new one.
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY)
    assert client.get(response["Location"])["Location"].startswith(SETUP)


def test_a_moderator_cannot_reset_a_superuser(boss, moderator):
    enrol(boss)
    with pytest.raises(CommandError):
        run("reset_two_factor", "boss", "--by", "wei")
    assert TOTPDevice.objects.filter(user=boss).exists()
    with pytest.raises(CommandError):
        run("reset_two_factor", "nobody")


def test_a_key_shown_to_another_session_is_worthless(boss, home_page, django_user_model):
    """Someone who knows the password opens the set-up page first and copies the key; when the
    owner sets up, they get a new key, and the copied one confirms nothing."""
    from django.test import Client

    def setup_key(client):
        client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
        password_login(client, "boss")
        html = client.get(SETUP).content.decode()
        secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', html).group(1)
        return b32decode(secret.replace(" ", ""))

    attacker, owner = Client(), Client()
    copied = setup_key(attacker)
    own = setup_key(owner)
    assert own != copied
    assert setup_key(attacker) != copied  # no key outlives the session that was shown it
    response = owner.post(SETUP, {"code": f"{totp(copied):06d}", "next": "/admin/"})
    assert WRONG_CODE in response.content.decode()
    assert not TOTPDevice.objects.filter(user=boss, confirmed=True).exists()
