"""Catalogue exports: never a formula (a title starting with = is text in CSV and XLSX), the
filter named in the XLSX title row, real dates, a streamed CSV."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from home.exports import HEADER_ROW

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","点我")'


def test_titles_are_never_formulas_in_exports(client, make_disclosure):
    make_disclosure(title=FORMULA)
    csv_text = client.get("/disclosures/export.csv").getvalue().decode("utf-8-sig")
    assert "'" + FORMULA.replace('"', '""') in csv_text
    workbook = load_workbook(io.BytesIO(client.get("/disclosures/export.xlsx").content))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == FORMULA]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_the_xlsx_catalogue_names_its_filter_and_has_real_dates(client, make_disclosure, other_org):
    make_disclosure(title="甲单位的事项", published_on=datetime.date(2026, 3, 5))
    make_disclosure(parent=other_org, title="乙商会的事项", published_on=datetime.date(2026, 4, 1))
    response = client.get("/disclosures/export.xlsx", {"organization": other_org.slug})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert other_org.title in sheet.cell(row=1, column=1).value  # the title row says which
    header, *rows = sheet.iter_rows(min_row=HEADER_ROW)
    assert [row[1].value for row in rows] == ["乙商会的事项"]
    published = next(i for i, cell in enumerate(header) if cell.value == "发布日期")
    assert rows[0][published].is_date
    assert rows[0][published].value.date() == datetime.date(2026, 4, 1)
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}" and sheet.auto_filter.ref


def test_the_csv_catalogue_is_streamed(client, make_disclosure):
    make_disclosure(title="甲单位的事项", published_on=datetime.date(2026, 3, 5))
    response = client.get("/disclosures/export.csv")
    assert response.streaming
    assert "disclosures-" in response["Content-Disposition"]
    assert "2026-03-05" in response.getvalue().decode("utf-8-sig")
