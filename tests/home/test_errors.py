"""Error pages in Chinese, in the site's look."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/no-such-page/", "/gong-kai-zhi-nan/nope/", "/%E4%B8%AD/"])
def test_unknown_urls_give_the_sites_404_in_chinese(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html
    assert 'class="site-header"' in html


def test_500_page_is_in_chinese_and_needs_no_context(home_page):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "服务器出错" in html
    assert 'lang="zh-Hans"' in html
