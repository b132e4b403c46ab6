"""Feeds, sitemap, API and exports carry public, published, current items only."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.models import Audience, DisclosurePage
from home.exports import HEADER_ROW

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def items(make_disclosure, other_org):
    public = make_disclosure(title="公开的党务公开", summary="向社会公开的摘要。")
    other = make_disclosure(parent=other_org, title="商会的公开事项")
    restricted = make_disclosure(title="仅限党员的通知", audience=Audience.PARTY)
    staff = make_disclosure(title="仅限职工的通知", audience=Audience.ORGANIZATION)
    draft = make_disclosure(title="草稿事项", live=False)
    withdrawn = make_disclosure(title="撤回的事项")
    DisclosurePage.objects.filter(pk=withdrawn.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason="有误。"
    )
    return {
        "public": public,
        "other": other,
        "hidden": [restricted, staff, draft, withdrawn],
    }


def feed_titles(response):
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_feed_is_atom_with_public_current_items(client, index_page, items):
    response = client.get("/disclosures/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert sorted(feed_titles(response)) == ["公开的党务公开", "商会的公开事项"]


def test_organisation_feed(client, org, items):
    assert feed_titles(client.get(f"{org.url}feed/")) == ["公开的党务公开"]


def test_sitemap_lists_public_pages_only(client, index_page, items):
    body = client.get("/sitemap.xml").content.decode()
    assert items["public"].url in body
    for page in items["hidden"][:3]:  # restricted and draft; a withdrawn page keeps its URL
        assert page.url not in body


def test_api_exposes_disclosure_fields_of_public_items(client, index_page, items):
    response = client.get("/api/v2/pages/?type=disclosure.DisclosurePage&fields=*")
    assert response.status_code == 200
    data = response.json()
    titles = {item["title"] for item in data["items"]}
    assert "公开的党务公开" in titles
    assert not titles & {"仅限党员的通知", "仅限职工的通知", "草稿事项"}
    public = next(item for item in data["items"] if item["title"] == "公开的党务公开")
    assert public["index_number"] == items["public"].index_number
    assert public["category"]["name"]
    assert public["organization"]["title"] == "南湖甲科技有限公司"
    assert public["audience"] == "public"


def test_api_hides_restricted_pages_from_logged_in_sessions_too(admin_client, index_page, items):
    data = admin_client.get("/api/v2/pages/?type=disclosure.DisclosurePage").json()
    assert "仅限党员的通知" not in {item["title"] for item in data["items"]}
    restricted = items["hidden"][0]
    assert admin_client.get(f"/api/v2/pages/{restricted.pk}/").status_code == 404


def test_api_bad_input_is_a_400_not_a_500(client, index_page, items):
    for query in ["type=nope.Nope", "limit=abc", "order=nonsense", "fields=nonexistent"]:
        assert client.get(f"/api/v2/pages/?{query}").status_code == 400


def test_csv_export_opens_in_excel_with_chinese(client, index_page, items):
    response = client.get("/disclosures/export.csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:3] == ["索引号", "标题", "公开主体"]
    assert sorted(row[1] for row in rows[1:]) == ["公开的党务公开", "商会的公开事项"]


def test_xlsx_export_follows_the_filters(client, index_page, items, other_org):
    response = client.get(f"/disclosures/export.xlsx?organization={other_org.slug}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert rows[0][0] == "索引号"
    assert [row[1] for row in rows[1:]] == ["商会的公开事项"]


def test_unknown_export_format_is_404(client, index_page):
    assert client.get("/disclosures/export.pdf").status_code == 404
