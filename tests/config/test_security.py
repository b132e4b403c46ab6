"""Security headers and caching of the public site."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_is_left_out_of_the_policy(admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")


def test_anonymous_pages_are_not_marked_private(client, home_page):
    assert "private" not in client.get("/").get("Cache-Control", "")


def test_pages_for_logged_in_users_are_private(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get("/")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_no_page_uses_inline_scripts(client, home_page):
    html = client.get("/").content.decode()
    assert "<script>" not in html and '<script type="text/javascript">' not in html
