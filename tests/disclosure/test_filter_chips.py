"""/disclosures/: the filters in use as chips above the results, and their count on 筛选.

A chip names the filter and the chosen value as the reader chose it (never an id or a slug) and
links to the listing without that one filter. A value the listing could not use makes no chip.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from disclosure.models import Kind
from tests.factories import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def wages():
    return category(Kind.ENTERPRISE, "集体合同与工资")


def listing(client, query):
    response = client.get(f"/disclosures/?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def chips(soup):
    """(text, path, query) of each removable chip, the hidden "remove" words left out."""
    found = []
    for link in soup.select(".chips a.chip:not(.chip--clear)"):
        url = urlsplit(link["href"])
        found.append((link.select_one(".chip__text").get_text(), url.path, parse_qs(url.query)))
    return found


def summary(soup):
    return soup.select_one("details.filters-fold > summary").get_text(strip=True)


def test_chips_name_the_filter_and_the_chosen_value(client, index_page, other_org, wages):
    soup = listing(
        client, f"kind=enterprise&organization=yi&category={wages.pk}&year=2026&org_type=social"
    )
    assert [text for text, _path, _query in chips(soup)] == [
        "公开类型：企务公开",
        "类别：企务公开 · 集体合同与工资",  # as the form lists it
        "单位：南湖乙商会",
        "组织类型：社会组织",
        "发布年份：2026",
    ]


def test_a_chip_removes_its_filter_and_keeps_the_others_on_page_one(client, index_page, other_org):
    soup = listing(client, "kind=party&organization=yi&page=2&year=2026")
    assert chips(soup) == [
        ("公开类型：党务公开", "/disclosures/", {"organization": ["yi"], "year": ["2026"]}),
        ("单位：南湖乙商会", "/disclosures/", {"kind": ["party"], "year": ["2026"]}),
        ("发布年份：2026", "/disclosures/", {"kind": ["party"], "organization": ["yi"]}),
    ]
    assert soup.select_one(".chips a.chip--clear")["href"] == "/disclosures/"


def test_the_last_chip_leads_back_to_the_whole_listing(client, index_page):
    soup = listing(client, "validity=repealed&page=3")
    assert chips(soup) == [("有效性：已废止", "/disclosures/", {})]
    assert soup.select_one(".chips a.chip")["href"] == "/disclosures/"
    assert soup.select(".chips a.chip--clear") == []  # clearing one filter is the chip itself


def test_the_filter_control_counts_the_filters_in_use(client, index_page, other_org):
    assert not re.search(r"\d", summary(listing(client, "")))
    assert re.search(r"[(（]2[)）]", summary(listing(client, "kind=party&organization=yi")))
    # An unusable value is not counted: it filters nothing.
    assert re.search(r"[(（]1[)）]", summary(listing(client, "kind=party&organization=nobody")))


@pytest.mark.parametrize(
    "query",
    [
        "organization=nobody",
        "organization=",
        "category=99999",
        "category=abc",
        "kind=bogus",
        "org_type=%00",
        "year=99999",
        "year=2026-13-45",
        "year=abc",
        "validity=forever",
        "withdrawn=maybe",
        "page=abc",
        "kind=&year=",
    ],
)
def test_unusable_values_make_no_chip(client, index_page, org, query):
    soup = listing(client, query)
    assert soup.select(".chips") == []
    assert not re.search(r"\d", summary(soup))


def test_an_unusable_value_beside_good_ones_only_loses_its_own_chip(client, index_page, org):
    soup = listing(client, "kind=enterprise&category=99999&year=2026")
    assert [text for text, _path, _query in chips(soup)] == ["公开类型：企务公开", "发布年份：2026"]
