"""Front-end accounts in the site's own look, with throttled logins."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

PASSWORD = "Nanhu-test-2026!"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("zhangsan", "zhangsan@example.com", PASSWORD)


def test_login_page_is_the_sites_own(client, home_page):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="site-header"' in html
    assert "登录" in html
    assert "忘记密码" in html
    assert '<label for="id_password">密码</label>' in html


def test_login_and_logout(client, member, home_page):
    response = client.post(
        "/accounts/login/", {"username": "zhangsan", "password": PASSWORD, "next": "/"}
    )
    assert response.status_code == 302
    assert "zhangsan" in client.get("/").content.decode()
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "zhangsan" not in client.get("/").content.decode()


def test_wrong_password_shows_an_error_in_the_form(client, member, home_page):
    response = client.post("/accounts/login/", {"username": "zhangsan", "password": "wrong"})
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()


def test_repeated_wrong_passwords_lock_the_login(client, member, home_page, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "zhangsan", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "zhangsan", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_open_redirects_are_refused(client, member, home_page):
    response = client.post(
        "/accounts/login/",
        {"username": "zhangsan", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_password_change_needs_login_and_validates(client, member, home_page):
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(member)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert "密码太短，至少需要 10 个字符" in response.content.decode()
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Qing-Lang-88",
            "new_password2": "Qing-Lang-88",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Qing-Lang-88")


def test_password_reset_by_email(client, member, home_page):
    response = client.post("/accounts/password/reset/", {"email": "zhangsan@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    response = client.get(link.group(1), follow=True)
    assert "设置新密码" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Qing-Lang-99", "new_password2": "Qing-Lang-99"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Qing-Lang-99")


def test_password_reset_for_unknown_email_reveals_nothing(client, member, home_page):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_frontend_login_url_is_used_for_restricted_pages(settings):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "/accounts/login/"


@pytest.mark.parametrize(
    ("password", "refused"),
    [
        ("qzmxnvbp", True),  # the reported one: short, one kind of character
        ("qzmxnvbpqzmx", True),  # long enough, one kind
        ("qzmxnvbp2026", True),  # two kinds
        ("Nanhu2026a", False),  # ten characters, three kinds
        ("Zhangsan-2026", True),  # contains the username
        ("nasgnahz-2026X", True),  # the username reversed
        ("Nanhu-test-2026!", False),
    ],
)
def test_the_password_policy(member, password, refused):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    if refused:
        with pytest.raises(ValidationError):
            validate_password(password, member)
    else:
        validate_password(password, member)


def test_a_phone_number_username_cannot_be_the_password(django_user_model):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = django_user_model.objects.create_user("13800138000")
    with pytest.raises(ValidationError):
        validate_password("Aa-13800138000", user)


def test_the_policy_is_shown_in_chinese_when_a_password_is_too_simple(client, member, home_page):
    client.force_login(member)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "qzmxnvbpqzmx",
            "new_password2": "qzmxnvbpqzmx",
        },
    )
    html = response.content.decode()
    assert "至少包含小写字母、大写字母、数字和其他字符中的 3 种" in html


def test_generated_passwords_pass_the_policy(member):
    from django.contrib.auth.password_validation import validate_password

    from home.logins import generate_password

    for _ in range(200):
        validate_password(generate_password(), member)


@pytest.mark.parametrize(
    ("next_path", "explained"),
    [
        ("/disclosures/jia/dangyuan-shixiang/", True),
        ("/disclosures/bu-cun-zai/", True),  # the same words: no hint whether it exists
        ("/", False),
        ("/admin/", False),
        ("", False),
    ],
)
def test_the_login_page_says_why_a_link_led_there(client, home_page, next_path, explained):
    html = client.get("/accounts/login/", {"next": next_path} if next_path else {}).content
    notice = "仅向本单位职工或党员公开，请登录后查看" in html.decode()
    assert notice == explained
