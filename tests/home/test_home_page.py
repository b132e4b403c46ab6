"""The portal home page, empty and with demo content, and the standard pages."""

import pytest
from django.utils import translation
from django.utils.html import escape

from home.sections import SLOTS
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_empty_home_page_shows_every_section_with_an_empty_state(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "南湖两新 公开平台" in html
    with translation.override("zh-hans"):
        for slot in SLOTS:
            assert escape(str(slot.title)) in html
            assert escape(str(slot.empty_message)) in html
    # Chinese first: section titles are translated.
    assert "最新公开" in html


def test_standard_page_renders_body_blocks(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="公开指南",
        slug="gong-kai-zhi-nan",
        body=[
            ("heading", {"text": "公开范围", "level": "h2"}),
            ("paragraph", "<p>向社会公开的信息无需登录。</p>"),
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "范围",
                    "data": [["范围", "读者"], ["向社会公开", "所有人"]],
                },
            ),
            ("quote", {"text": "组织清朗、职工清廉。", "source": "清朗工程"}),
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 class="block-heading">公开范围</h2>' in html
    assert '<th scope="col">读者</th>' in html
    # On a phone the table becomes cards: each cell carries its column's name.
    assert 'class="data-table data-table--cards"' in html
    assert '<td data-label="范围">向社会公开</td><td data-label="读者">所有人</td>' in html
    assert "组织清朗、职工清廉。" in html
    # Breadcrumbs lead back home.
    assert 'aria-label="面包屑导航"' in html or 'class="breadcrumbs' in html


def test_restricted_page_is_not_in_the_menu(client, home_page):
    from wagtail.models import PageViewRestriction

    page = StandardPageFactory(
        parent=home_page, title="内部通知", slug="nei-bu", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/").content.decode()
    assert "内部通知" not in html


def test_breadcrumbs_do_not_repeat_the_current_page(client, home_page):
    page = StandardPageFactory(parent=home_page, title="公开指南", slug="guide", show_in_menus=True)
    html = client.get(page.url).content.decode()
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert crumbs.count("公开指南") == 1


def test_short_dates_read_as_chinese_readers_write_them():
    """Dense tables and date ranges use the short form: 9月5日, not Django's 09月5日."""
    import datetime

    from django.template import Context, Template

    template = Template('{{ day|date:"MONTH_DAY_FORMAT" }} {{ day|date:"DATE_FORMAT" }}')
    with translation.override("zh-hans"):
        assert template.render(Context({"day": datetime.date(2026, 9, 5)})) == "9月5日 2026年9月5日"
