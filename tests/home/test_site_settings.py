"""Site settings are edited in the admin and shown on every page."""

import json
import re

import pytest

from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_settings_appear_in_header_and_footer(client, site, home_page):
    settings = SiteSettings.for_site(site)
    settings.site_name = "测试公开平台"
    settings.organization = "测试两新工委"
    settings.address = "测试路8号"
    settings.phone = "0730-1234567"
    settings.email = "office@example.org"
    settings.icp_number = "湘ICP备12345678号"
    settings.footer_links = [
        ("link", {"title": "政府网站", "page": None, "url": "https://example.org/"})
    ]
    settings.save()
    html = client.get("/").content.decode()
    for text in [
        "测试公开平台",
        "测试两新工委",
        "测试路8号",
        "tel:07301234567",
        "office@example.org",
    ]:
        assert text in html
    assert 'href="https://beian.miit.gov.cn/"' in html
    assert '<a href="https://example.org/">政府网站</a>' in html


def test_admin_edits_settings(admin_client, site):
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "备案号" in response.content.decode()
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    response = admin_client.post(
        url,
        nested_form_data(
            {
                "site_name": "新名称",
                "organization": "两新工委",
                "district": "南湖新区",
                "address": "",
                "phone": "",
                "email": "not-an-email",
                "icp_number": "",
                "footer_links": streamfield([]),
            }
        ),
    )
    # A bad email is a field error, and nothing is saved.
    assert response.status_code == 200
    assert re.search(r'error-message">\s*\S*邮件地址', response.content.decode())
    assert SiteSettings.for_site(site).site_name != "新名称"


def test_footer_link_needs_a_page_or_an_address(admin_client, site):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    response = admin_client.post(
        f"/admin/settings/home/sitesettings/{site.pk}/",
        nested_form_data(
            {
                "site_name": "新名称",
                "organization": "两新工委",
                "district": "南湖新区",
                "email": "",
                "footer_links": streamfield([("link", {"title": "空链接", "page": "", "url": ""})]),
            }
        ),
    )
    assert response.status_code == 200
    # Block errors travel to the admin's StreamField script as JSON.
    assert json.dumps("请选择一个页面或填写网址")[1:-1] in response.content.decode()
    assert SiteSettings.for_site(site).site_name != "新名称"
