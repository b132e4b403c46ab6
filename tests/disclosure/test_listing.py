"""/disclosures/: every public, current disclosure, filtered in the query string, 20 a page."""

import datetime

import pytest

from disclosure.models import Audience, DisclosurePage, Kind, Validity
from tests.factories import category

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["page_obj"].object_list]


@pytest.fixture
def catalogue(make_disclosure, other_org):
    """A mix of kinds, years, audiences and states over two organisations."""
    return {
        "party_2025": make_disclosure(title="党费公示2025", published_on=datetime.date(2025, 4, 2)),
        "party_2026": make_disclosure(title="主题党日2026", published_on=datetime.date(2026, 3, 9)),
        "enterprise": make_disclosure(
            title="工资公示",
            kind=Kind.ENTERPRISE,
            category=category(Kind.ENTERPRISE, "集体合同与工资"),
            published_on=datetime.date(2026, 5, 1),
        ),
        "social": make_disclosure(
            parent=other_org, title="商会工作计划", published_on=datetime.date(2026, 6, 1)
        ),
        "restricted": make_disclosure(title="支部内部通知", audience=Audience.PARTY),
        "draft": make_disclosure(title="未发布草稿", live=False),
        "repealed": make_disclosure(
            title="旧制度", validity=Validity.REPEALED, published_on=datetime.date(2025, 1, 5)
        ),
    }


def withdraw(page, reason="内容有误。"):
    from django.utils import timezone

    DisclosurePage.objects.filter(pk=page.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason=reason
    )


def test_listing_shows_public_current_items_newest_first(client, index_page, catalogue):
    withdraw(catalogue["party_2025"])
    response = client.get("/disclosures/")
    assert response.status_code == 200
    assert titles(response) == ["商会工作计划", "工资公示", "主题党日2026", "旧制度"]
    html = response.content.decode()
    for hidden in ("支部内部通知", "未发布草稿", "党费公示2025"):
        assert hidden not in html
    assert "共 4 条公开信息" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=enterprise", ["工资公示"]),
        ("year=2025", ["旧制度"]),
        ("validity=repealed", ["旧制度"]),
        ("organization=yi", ["商会工作计划"]),
        ("org_type=social", ["商会工作计划"]),
        ("kind=party&year=2026", ["商会工作计划", "主题党日2026"]),
        ("withdrawn=only", ["党费公示2025"]),
        ("withdrawn=include&year=2025", ["党费公示2025", "旧制度"]),
    ],
)
def test_filters(client, index_page, catalogue, query, expected):
    withdraw(catalogue["party_2025"])
    assert titles(client.get(f"/disclosures/?{query}")) == expected


def test_category_filter(client, index_page, catalogue):
    wages = category(Kind.ENTERPRISE, "集体合同与工资")
    assert titles(client.get(f"/disclosures/?category={wages.pk}")) == ["工资公示"]


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=99999",
        "year=99999",
        "year=abc",
        "category=99999",
        "category=abc",
        "kind=zzz",
        "organization=nope",
        "validity=%00",
        "kind=party&kind=enterprise",
        "withdrawn=maybe",
        "q=" + "字" * 1000,
    ],
)
def test_bad_parameters_give_a_normal_page(client, index_page, catalogue, query):
    response = client.get(f"/disclosures/?{query}")
    assert response.status_code == 200
    assert response.context["page_obj"].object_list is not None


def test_ignored_filters_are_reported(client, index_page, catalogue):
    html = client.get("/disclosures/?year=99999&kind=zzz").content.decode()
    assert "以下筛选条件无效，已忽略" in html
    assert "发布年份" in html


def test_twenty_per_page(client, index_page, make_disclosure):
    for number in range(23):
        make_disclosure(title=f"事项{number:02d}", published_on=datetime.date(2026, 1, number + 1))
    first = client.get("/disclosures/")
    assert len(titles(first)) == 20
    assert titles(first)[0] == "事项22"
    second = client.get("/disclosures/?page=2")
    assert titles(second) == ["事项02", "事项01", "事项00"]
    assert 'rel="next"' in first.content.decode()


def test_badges(client, index_page, make_disclosure):
    amended = make_disclosure(title="修订过的")
    DisclosurePage.objects.filter(pk=amended.pk).update(last_amended_on=datetime.date(2026, 1, 1))
    make_disclosure(
        title="公示中的",
        kind=Kind.ENTERPRISE,
        category=category(Kind.ENTERPRISE),
    )
    withdrawn = make_disclosure(title="撤回的")
    withdraw(withdrawn)
    html = client.get("/disclosures/?withdrawn=include").content.decode()
    assert html.count("badge--warn") == 1  # 已修订
    assert html.count("badge--ok") == 1  # 公示中
    assert html.count("badge--red") == 1  # 已撤回


def test_home_page_lists_the_latest_public_items_and_figures(client, index_page, catalogue):
    html = client.get("/").content.decode()
    assert "商会工作计划" in html
    assert "支部内部通知" not in html
    assert "社会组织党组织覆盖率" in html


def test_listing_total_follows_new_and_withdrawn_items(
    client, index_page, make_disclosure, admin_client
):
    make_disclosure(title="第一条")
    assert "共 1 条公开信息" in client.get("/disclosures/").content.decode()
    second = make_disclosure(title="第二条")
    assert "共 2 条公开信息" in client.get("/disclosures/").content.decode()
    admin_client.post(
        f"/admin/disclosures/{second.pk}/withdraw/", {"kind": "withdrawn", "reason": "重复发布。"}
    )
    assert "共 1 条公开信息" in client.get("/disclosures/").content.decode()
