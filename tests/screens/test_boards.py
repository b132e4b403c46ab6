"""Printable boards: A4/A3 posters of public disclosures and monthly programmes, nothing else."""

import datetime

import pytest
import segno
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from disclosure.models import Audience, DisclosureAttachment, DisclosurePage, Kind

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def board_url(page, size=None):
    url = f"/screens/boards/{page.pk}/"
    return f"{url}?size={size}" if size else url


def expected_qr(url):
    """The QR code the poster must carry for ``url``: same settings as screens.boards."""
    return segno.make(url, error="m").svg_inline(
        scale=4, border=2, dark="#000", light="#fff", omitsize=True
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def attach(page, title):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    return DisclosureAttachment.objects.create(page=page, document=document)


@pytest.fixture
def disclosure(make_disclosure, media):
    page = make_disclosure(
        title="2026年第三季度党费收缴情况公示",
        kind=Kind.ENTERPRISE,
        document_number="南湖甲〔2026〕12号",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
        display_until=datetime.date(2026, 11, 30),
        published_on=datetime.date(2026, 10, 8),
        body=[
            ("heading", {"text": "收缴明细", "level": "h2"}),
            ("paragraph", RichText("<p>第一段正文。</p>")),
            *[("paragraph", RichText(f"<p>第{n}段长正文，不应被截断。</p>")) for n in range(2, 40)],
            ("paragraph", RichText("<p>最后一段正文。</p>")),
        ],
    )
    attach(page, "党费明细表")
    return page


# --- the disclosure poster ---------------------------------------------------------------


def test_disclosure_poster_shows_the_facts_and_a_qr_code(client, disclosure):
    response = client.get(board_url(disclosure))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "<main" in html
    assert "2026年第三季度党费收缴情况公示" in html
    assert "南湖甲科技有限公司" in html  # 公开主体
    assert "索引号" in html and disclosure.index_number in html
    assert "南湖甲〔2026〕12号" in html  # 文号
    assert "2026年10月8日" in html  # 发布日期
    assert "2026年第三季度" in html  # 所属期间
    assert "2026年11月30日" in html  # 公示期
    assert "党费明细表" in html  # attachments by title
    url = disclosure.get_full_url()
    assert url.startswith("http")
    assert expected_qr(url) in html  # the QR code encodes the page's full address
    assert f'<span class="poster__url">{url}</span>' in html
    assert timezone.localdate().strftime("%Y年").lstrip("0") in html  # printed on
    assert "data-print" in html and "css/board.css" in html
    assert "site-header" not in html  # a poster, not the site's chrome


def test_long_bodies_are_printed_whole(client, disclosure):
    html = client.get(board_url(disclosure)).content.decode()
    assert "收缴明细" in html
    assert "第一段正文。" in html and "最后一段正文。" in html
    assert all(f"第{n}段长正文" in html for n in range(2, 40))


def test_no_inline_styles(client, disclosure, programme):
    for page in (disclosure, programme):
        html = client.get(board_url(page)).content.decode()
        assert "style=" not in html and "<style" not in html


@pytest.mark.parametrize(
    ("query", "size"),
    [(None, "a4"), ("a4", "a4"), ("a3", "a3"), ("A3", "a3"), ("junk", "a4"), ("A3%00", "a4")],
)
def test_paper_sizes(client, disclosure, query, size):
    response = client.get(board_url(disclosure, query))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'class="board board--{size}"' in html
    assert f'href="?size={size}" aria-current="page"' in html


def test_a_disclosure_without_optional_facts(client, make_disclosure):
    page = make_disclosure(title="无文号事项", kind=Kind.PARTY, body=[])
    html = client.get(board_url(page)).content.decode()
    assert "无文号事项" in html
    assert "文号" not in html.replace("无文号事项", "")
    assert "poster__attachments" not in html


# --- what never gets a poster ------------------------------------------------------------


@pytest.mark.parametrize("audience", [Audience.ORGANIZATION, Audience.PARTY])
def test_restricted_disclosures_are_404(client, admin_client, make_disclosure, audience):
    page = make_disclosure(title="职工内部事项", audience=audience)
    assert page.get_view_restrictions().exists()
    for visitor in (client, admin_client):  # not even for those who may read the page
        response = visitor.get(board_url(page))
        assert response.status_code == 404
        assert "职工内部事项" not in response.content.decode()


def test_a_disclosure_under_a_restricted_organisation_is_404(client, org, make_disclosure):
    page = make_disclosure(title="受限单位的事项")
    PageViewRestriction.objects.create(page=org, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(board_url(page))
    assert response.status_code == 404
    assert "受限单位的事项" not in response.content.decode()


def test_drafts_are_404(client, make_disclosure, programme):
    page = make_disclosure(title="草稿事项", live=False)
    response = client.get(board_url(page))
    assert response.status_code == 404
    assert "草稿事项" not in response.content.decode()
    programme.unpublish()
    assert client.get(board_url(programme)).status_code == 404


def test_withdrawn_disclosures_are_404(client, disclosure):
    DisclosurePage.objects.filter(pk=disclosure.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason="内容有误"
    )
    response = client.get(board_url(disclosure))
    assert response.status_code == 404
    assert disclosure.title not in response.content.decode()


def test_other_pages_and_unknown_ids_are_404(client, home_page, org, index_page, disclosure):
    for page_id in (home_page.pk, org.pk, index_page.pk, 999999):
        assert client.get(f"/screens/boards/{page_id}/").status_code == 404
    assert client.get("/screens/boards/abc/").status_code == 404


def test_restricted_programmes_are_404(client, programme, integrity_index):
    restriction = PageViewRestriction.objects.create(
        page=programme, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(board_url(programme)).status_code == 404
    restriction.delete()
    assert client.get(board_url(programme)).status_code == 200
    PageViewRestriction.objects.create(
        page=integrity_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(board_url(programme)).status_code == 404


# --- the monthly programme poster --------------------------------------------------------


def test_programme_poster_shows_the_three_parts(client, programme, this_month):
    """``programme`` (tests/screens/conftest.py): this month's, complete and published."""
    response = client.get(board_url(programme, "a3"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "board--a3" in html
    assert f"{this_month.year}年{this_month.month}月" in html
    assert "一月一课一片一实践" in html
    assert "守住底线" in html  # theme
    assert "廉洁风险点" in html and "李明" in html  # 课
    assert "一念之差" in html and "一个关于回扣的故事。" in html and "28" in html  # 片
    assert "廉洁风险自查" in html and "专题研讨" in html  # 实践
    for day in (5, 25):
        assert f"{this_month.year}年{this_month.month}月{day}日" in html
    assert "请组织开展。" in html
    assert "<img" in html  # the film's poster
    assert expected_qr(programme.get_full_url()) in html


# --- links from the pages ----------------------------------------------------------------


def test_pages_link_to_their_poster(client, disclosure, programme):
    assert board_url(disclosure) in client.get(disclosure.url).content.decode()
    assert board_url(programme) in client.get(programme.url).content.decode()


def test_no_poster_link_where_there_is_no_poster(admin_client, make_disclosure, disclosure):
    restricted = make_disclosure(title="职工事项", audience=Audience.ORGANIZATION)
    assert board_url(restricted) not in admin_client.get(restricted.url).content.decode()
    DisclosurePage.objects.filter(pk=disclosure.pk).update(withdrawn_at=timezone.now())
    assert board_url(disclosure) not in admin_client.get(disclosure.url).content.decode()


# --- cost --------------------------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm per-process caches, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_query_counts_are_small_and_flat(client, make_disclosure, disclosure, programme):
    small = {page.pk: count_queries(client, board_url(page)) for page in (disclosure, programme)}
    for n in range(5):
        attach(disclosure, f"附件{n}")
        make_disclosure(title=f"其他事项{n}")
        make_disclosure(title=f"受限事项{n}", audience=Audience.PARTY)
    large = {page.pk: count_queries(client, board_url(page)) for page in (disclosure, programme)}
    assert large == small
    assert max(large.values()) <= MAX_QUERIES, large
