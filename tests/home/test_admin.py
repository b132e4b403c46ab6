"""The Wagtail admin speaks Chinese and is only for staff."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_dashboard_is_in_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="zh-hans"' in html
    assert "<title>控制面板 - Wagtail</title>" in html


def test_admin_login_page_is_in_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert "登录" in html


def test_admin_is_only_for_staff(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
