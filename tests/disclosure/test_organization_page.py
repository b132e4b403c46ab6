"""An organisation's page: profile, model-branch status, catalogue, its disclosures."""

import datetime

import pytest

from disclosure.models import Audience, Kind
from tests.factories import category

pytestmark = pytest.mark.django_db


def test_profile_and_catalogue(client, org, make_disclosure):
    plans = category(Kind.PARTY, "工作计划")
    make_disclosure(title="旧计划", category=plans, published_on=datetime.date(2025, 1, 2))
    make_disclosure(title="新计划", category=plans, published_on=datetime.date(2026, 1, 2))
    make_disclosure(title="内部计划", category=plans, audience=Audience.PARTY)
    response = client.get(org.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert org.credit_code in html
    rows = {row["category"].name: row for row in response.context["catalogue"]}
    assert rows["工作计划"]["count"] == 2
    assert rows["工作计划"]["newest"].title == "新计划"
    assert rows["党风廉政"]["count"] == 0
    assert "内部计划" not in html
    assert [item.title for item in response.context["page_obj"].object_list] == ["新计划", "旧计划"]


def test_model_branch_revocation_keeps_date_and_reason(client, org):
    org.model_branch_awarded_on = datetime.date(2024, 7, 1)
    org.model_branch_revoked_on = datetime.date(2026, 6, 20)
    org.model_branch_revoke_reason = "欠缴社会保险费，撤销称号。"
    org.save_revision().publish()
    html = client.get(org.url).content.decode()
    assert "2024年7月1日授予" in html
    assert "2026年6月20日撤销" in html
    assert "欠缴社会保险费，撤销称号。" in html


def test_disclosure_page_shows_the_catalogue_facts(client, make_disclosure):
    page = make_disclosure(
        title="2026年第三季度党费收缴情况公示",
        category=category(Kind.PARTY, "党费收缴使用"),
        document_number="甲党〔2026〕5号",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
    )
    html = client.get(page.url).content.decode()
    for text in [
        page.index_number,
        "甲党〔2026〕5号",
        "南湖甲科技有限公司",
        "2026年第三季度",
        "有效",
    ]:
        assert text in html


def test_superseded_disclosure_links_to_its_replacement(client, make_disclosure):
    old = make_disclosure(title="考勤办法")
    new = make_disclosure(title="考勤办法（修订）")
    old.superseded_by = new
    old.validity = "repealed"
    old.save()
    html = client.get(old.url).content.decode()
    assert "已废止，由以下信息取代" in html and new.url in html
    assert old.url in client.get(new.url).content.decode()  # 取代的信息
