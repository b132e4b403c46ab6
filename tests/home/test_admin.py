"""The Wagtail admin speaks Chinese and is only for staff."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_dashboard_is_in_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="zh-hans"' in html
    assert "<title>控制面板 - 南湖两新 公开平台</title>" in html  # the site's name, not Wagtail's


def test_the_admin_links_to_no_other_site(admin_client):
    """A closed network: no help links to wagtail.org, no avatars from gravatar.com."""
    html = admin_client.get("/admin/").content.decode()
    assert "wagtail.org" not in html and "gravatar" not in html


def test_admin_login_page_is_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html


def test_admin_is_only_for_staff(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_settings_menu_is_signed_by_no_other_product(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Wagtail v" not in html
    assert "/admin/users/" in html and "/admin/sites/" in html  # the settings menu is still there
