"""A link pasted into WeChat (or any chat) shows a card: the page's title, a line of text and a
picture, all at the site's public address (home.templatetags.site_tags.share_card)."""

import re
from html import unescape

import pytest

from disclosure.models import Audience
from tests.factories import CourseIndexPageFactory, CoursePageFactory, make_image
from tests.integrity.test_programme import (  # noqa: F401 - fixtures
    integrity_index,
    poster,
    programme,
    this_month,
)
from tests.privacy_world import READERS, ROLES, TITLES, client_for, world  # noqa: F401

pytestmark = pytest.mark.django_db

PUBLIC = "https://gongkai.nanhu.example"


def card(html):
    """The page's Open Graph properties, as a dict."""
    found = re.findall(r'<meta property="og:([\w:]+)" content="([^"]*)">', html)
    return {name: unescape(value) for name, value in found}


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


def test_a_disclosure_shows_its_title_summary_and_the_sites_picture(client, make_disclosure):
    page = make_disclosure(title="党费收缴情况公示", summary="2026年上半年党费收缴情况如下。" * 10)
    og = card(client.get(page.url).content.decode())
    assert og["title"] == "党费收缴情况公示"
    assert og["description"].startswith("2026年上半年党费收缴情况如下。")
    assert len(og["description"]) <= 100 and og["description"].endswith("…")
    assert og["url"] == PUBLIC + page.url
    assert og["image"] == PUBLIC + "/static/img/share.png"
    assert og["type"] == "article"


def test_the_monthly_programme_shows_its_film_poster(client, programme):  # noqa: F811
    og = card(client.get(programme.url).content.decode())
    assert og["image"].startswith(PUBLIC + "/media/") and og["image"].endswith(".png")
    assert client.get(og["image"].removeprefix(PUBLIC)).status_code == 200
    assert og["image:width"] and og["image:height"]


def test_a_course_shows_its_cover(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=index, title="党章学习", cover=make_image("封面"))
    og = card(client.get(course.url).content.decode())
    assert og["title"] == "党章学习"
    assert og["image"].startswith(PUBLIC + "/media/")


def test_a_view_that_is_no_page_shows_the_sites_card(client, home_page):
    og = card(client.get("/search/", {"q": "公示"}).content.decode())
    assert og["url"] == PUBLIC + "/search/"
    assert og["image"] == PUBLIC + "/static/img/share.png"
    assert og["title"]  # the site's name


def test_a_restricted_page_shows_no_card_to_those_who_may_not_read_it(client, make_disclosure):
    page = make_disclosure(title="甲支部党员事项", audience=Audience.PARTY)
    response = client.get(page.url)
    assert response.status_code == 404
    assert "甲支部党员事项" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_share_cards_name_only_public_items(client, world, role):  # noqa: F811
    """The privacy table's row for share cards. A member who shares what only members read
    (WeChat builds the card from the open page) hands the chat the site's card: no title, no
    summary, no picture of the item; a public item's card names it for everyone."""
    client_for(client, world, role)
    for audience, title in TITLES.items():
        response = client.get(world["pages"][audience].url)
        if role not in READERS[audience]:
            assert response.status_code == 404
            continue
        og = card(response.content.decode())
        assert og["url"] == PUBLIC + world["pages"][audience].url
        if audience == Audience.PUBLIC:
            assert og["title"] == title
            continue
        assert title in response.content.decode()  # the member reads the page itself
        assert not set(TITLES.values()) & {og["title"], og["description"]}
        assert og["description"] == "该信息仅向本单位人员公开，请登录后查看。"
        assert og["image"] == PUBLIC + "/static/img/share.png"
