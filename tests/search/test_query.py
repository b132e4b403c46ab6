"""What a query means (home.search.query): questions, numerals, synonyms, pinyin and homophones,
as a reader meets them on /search/, and the synonym table moderators edit."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags

from disclosure.models import Audience, Membership, Role, Validity
from home.models import SearchSynonym
from home.roles import MODERATORS
from home.search.query import understand

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)


def found(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [result["page"].pk for result in response.context.get("results") or []]


def concepts(query):
    return {concept.text: concept.alternatives for concept in understand(query, TODAY).concepts}


def test_a_question_keeps_its_nouns_and_this_year():
    understood = understand("今年第三季度党费交了多少", TODAY)
    words = {concept.text for concept in understood.concepts}
    assert "党费" in words and not words & {"多少", "交", "了", "今年"}
    quarter = next(c for c in understood.concepts if "季" in c.text)
    assert {"三季度", "3季度"} <= set(quarter.alternatives)
    assert understood.year == 2026
    assert understand("去年的工作计划", TODAY).year == 2025


def test_months_in_every_spelling_but_not_the_programmes_name():
    assert {"10月", "十月"} <= set(concepts("十月份消防演练")["十月份"])
    assert {"9月", "九月"} <= set(concepts("9月份")["9月份"])
    assert not any(text[-1:] == "月" for text in concepts("一月一课一片一实践"))


def test_only_question_words_leave_nothing_to_search(client, index_page, make_disclosure):
    make_disclosure(title="怎么办理党员组织关系转接")
    assert understand("怎么 多少 吗", TODAY).concepts == []
    response = client.get("/search/", {"q": "怎么 多少"})
    assert response.status_code == 200 and "没有找到" in response.content.decode()


def test_a_question_finds_its_notice_and_the_right_year_first(client, index_page, make_disclosure):
    older = make_disclosure(
        title="2025年第三季度党费收缴情况", published_on=datetime.date(2025, 10, 9)
    )
    wanted = make_disclosure(
        title="2026年第三季度党费收缴情况", published_on=datetime.date(2026, 10, 9)
    )
    make_disclosure(title="2026年第三季度安全检查", published_on=datetime.date(2026, 10, 20))
    results = found(client, "今年三季度党费交了多少")
    assert results[:2] == [wanted.pk, older.pk]


def test_a_question_whose_words_are_not_all_in_one_notice_still_finds_the_best(
    client, index_page, make_disclosure
):
    """公司 and 职工 are nowhere beside 公积金: every word required would find nothing."""
    fund = make_disclosure(title="住房公积金缴存基数调整公示", summary="缴存比例为12%。")
    make_disclosure(title="消防演练通知", summary="全体参加。")
    assert found(client, "公司有没有给职工交公积金")[0] == fund.pk


def test_seeded_synonyms_and_abbreviations(client, index_page, make_disclosure):
    congress = make_disclosure(title="第三届职工代表大会第二次会议决议")
    insurance = make_disclosure(title="2026年度社会保险缴纳情况")
    overtime = make_disclosure(title="加班工资计算办法")
    assert found(client, "职代会") == [congress.pk]
    assert found(client, "社保") == [insurance.pk]
    assert found(client, "五险一金") == [insurance.pk]
    assert found(client, "加班费") == [overtime.pk]


def test_a_moderators_new_synonym_works_at_once(
    client, index_page, make_disclosure, django_user_model
):
    notice = make_disclosure(title="调休安排通知", summary="国庆节后补休一天。")
    assert found(client, "倒休") == []
    moderator = django_user_model.objects.create_user("mod", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.post(
        "/admin/snippets/home/searchsynonym/add/",
        {"term": "倒休", "equivalents": "调休、补休", "both_ways": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert found(client, "倒休") == [notice.pk]
    SearchSynonym.objects.get(term="倒休").delete()
    assert found(client, "倒休") == []


def test_only_the_committee_edits_synonyms(client, org, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=editor, organization=org, role=Role.EDITOR)
    client.force_login(editor)
    assert client.get("/admin/snippets/home/searchsynonym/").status_code in (302, 403)
    assert client.post(
        "/admin/snippets/home/searchsynonym/add/", {"term": "x", "equivalents": "y"}
    ).status_code in (302, 403)
    assert not SearchSynonym.objects.filter(term="x").exists()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("dangfei", "第三季度党费收缴公示"),
        ("huanjie xuanju", "党支部换届选举结果公示"),
        ("huanjiexuanju", "党支部换届选举结果公示"),
        ("sanhuiyike", "三会一课开展情况"),
        ("gjj", "住房公积金缴存基数调整公示"),
        ("hjxj", "党支部换届选举结果公示"),
        ("zdh", "职代会决议公示"),
    ],
)
def test_pinyin_and_initials(client, index_page, make_disclosure, query, title):
    page = make_disclosure(title=title)
    make_disclosure(title="消防演练通知")
    assert found(client, query) == [page.pk]


def test_a_homophone_is_retried_by_its_sound_and_the_word_suggested(
    client, index_page, make_disclosure
):
    page = make_disclosure(title="第三季度党费收缴公示")
    response = client.get("/search/", {"q": "党废"})
    assert [r["page"].pk for r in response.context["results"]] == [page.pk]
    html = response.content.decode()
    assert "您是不是要找" in html and "?q=%E5%85%9A%E8%B4%B9" in html  # 党费
    assert "<mark>党费</mark>" in html


def test_the_suggestion_never_names_what_the_reader_may_not_read(
    client, index_page, org, make_disclosure, django_user_model
):
    make_disclosure(title="支部党费收缴明细", audience=Audience.PARTY)
    response = client.get("/search/", {"q": "党废"})
    html = strip_tags(response.content.decode())
    assert "党费" not in html and "您是不是要找" not in html
    member = django_user_model.objects.create_user("member", password="x")
    Membership.objects.create(user=member, organization=org, role=Role.PARTY_MEMBER)
    client.force_login(member)
    assert "您是不是要找" in client.get("/search/", {"q": "党废"}).content.decode()


def test_current_items_come_before_repealed_ones(client, index_page, make_disclosure):
    old = make_disclosure(title="员工考勤管理办法", published_on=datetime.date(2026, 3, 1))
    new = make_disclosure(title="员工考勤管理办法", published_on=datetime.date(2025, 3, 1))
    type(old).objects.filter(pk=old.pk).update(validity=Validity.REPEALED)
    assert found(client, "考勤管理办法") == [new.pk, old.pk]


def test_a_document_number_finds_its_notice_first(client, index_page, make_disclosure):
    make_disclosure(title="2025年度第4号工作简报", summary="2025年工作。")
    wanted = make_disclosure(
        title="关于调整支部委员分工的通知", document_number="南湖建党〔2025〕4号"
    )
    assert found(client, "建党〔2025〕4号")[0] == wanted.pk


def test_the_whole_query_is_marked_not_only_its_words(client, index_page, make_disclosure):
    make_disclosure(title="党费收缴公示", summary="本季度党费收缴按时足额。")
    html = client.get("/search/", {"q": "党费收缴"}).content.decode()
    assert "<mark>党费收缴</mark>" in html and "<mark>党费</mark>" not in html
