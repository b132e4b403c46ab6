"""Attached PDFs are searchable (home.search.attachments): found by their text, quoted and named
in the result, only for readers of the disclosure, and gone from the index once taken down."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.search import index

from disclosure.models import Audience, DisclosureAttachment, Membership, Role
from disclosure.pdf import simple_pdf
from home.roles import MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def attach(page, title, data, name="file.pdf"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(data), save=True)
    DisclosureAttachment.objects.create(page=page, document=document)
    index.insert_or_update_object(page)
    return document


def found(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response, [result["page"].pk for result in response.context.get("results") or []]


def test_a_word_only_in_an_attached_pdf_finds_the_disclosure_and_is_quoted(
    client, index_page, make_disclosure
):
    page = make_disclosure(title="2026年工资集体协商结果", summary="详见附件。")
    make_disclosure(title="消防演练通知", summary="全体职工参加。")
    text = simple_pdf("加班工资计算标准", ["休息日加班按百分之二百支付。"])
    attach(page, "加班工资计算标准", text)
    response, pages = found(client, "休息日加班")
    assert pages == [page.pk]
    html = response.content.decode()
    assert "附件《加班工资计算标准》" in html and "<mark>休息日加班</mark>" in html


def test_a_restricted_disclosures_attachment_text_reaches_its_readers_only(
    client, index_page, org, make_disclosure, django_user_model
):
    page = make_disclosure(title="支部党费收缴明细", audience=Audience.PARTY)
    attach(page, "明细表", simple_pdf("明细表", ["张三缴纳党费一百二十元。"]))
    response, pages = found(client, "一百二十元")
    assert pages == [] and "支部党费收缴明细" not in strip_tags(response.content.decode())
    api = client.get("/api/v2/pages/", {"search": "一百二十元"})  # the API's search too
    assert api.status_code == 200 and api.json()["items"] == []
    member = django_user_model.objects.create_user("member", password="x")
    Membership.objects.create(user=member, organization=org, role=Role.PARTY_MEMBER)
    client.force_login(member)
    assert found(client, "一百二十元")[1] == [page.pk]


def test_a_taken_down_disclosures_attachment_text_leaves_the_index(
    client, index_page, make_disclosure, django_user_model
):
    page = make_disclosure(title="年度财务收支公示", summary="详见附件。")
    attach(page, "收支明细", simple_pdf("收支明细", ["办公经费支出八千六百元。"]))
    assert found(client, "八千六百元")[1] == [page.pk]
    moderator = django_user_model.objects.create_user("mod", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.post(
        f"/admin/disclosures/{page.pk}/withdraw/", {"kind": "removed", "reason": "数据有误。"}
    )
    assert response.status_code == 302
    client.logout()
    assert found(client, "八千六百元")[1] == []
    assert found(client, "年度财务收支公示")[1] == [page.pk]  # its record stays


def office_files():
    import io

    import docx
    from openpyxl import Workbook

    document = docx.Document()
    document.add_paragraph("第一条 职工年休假按工龄计算。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "工龄十年以上"
    table.rows[0].cells[1].text = "十五天"
    word = io.BytesIO()
    document.save(word)
    workbook = Workbook()
    workbook.active.title = "缴存明细"
    workbook.active.append(["姓名", "缴存基数"])
    workbook.active.append(["李四", 6800])
    excel = io.BytesIO()
    workbook.save(excel)
    return word.getvalue(), excel.getvalue()


def test_word_and_excel_attachments_are_read_too(client, index_page, make_disclosure):
    word, excel = office_files()
    rules = make_disclosure(title="休假管理办法", summary="见附件。")
    attach(rules, "办法全文", word, name="rules.docx")
    fund = make_disclosure(title="公积金缴存公示", summary="见附件。")
    attach(fund, "明细表", excel, name="fund.xlsx")
    assert found(client, "年休假")[1] == [rules.pk]
    assert found(client, "工龄十年以上")[1] == [rules.pk]  # a table cell
    assert found(client, "缴存明细 李四")[1] == [fund.pk]


def test_an_unreadable_file_leaves_the_disclosure_searchable(client, index_page, make_disclosure):
    page = make_disclosure(title="规章制度汇编", summary="见附件。")
    attach(page, "损坏的文件", b"%PDF-1.4 not really a pdf", name="broken.pdf")
    attach(page, "表格", b"a,b\n1,2\n", name="table.csv")
    assert found(client, "规章制度汇编")[1] == [page.pk]
    assert page.attachment_texts() == []
