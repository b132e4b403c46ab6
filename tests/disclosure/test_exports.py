"""Exports never carry a formula: a title starting with = is text in CSV and XLSX."""

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","点我")'


def test_titles_are_never_formulas_in_exports(client, make_disclosure):
    make_disclosure(title=FORMULA)
    csv_text = client.get("/disclosures/export.csv").getvalue().decode("utf-8-sig")
    assert "'" + FORMULA.replace('"', '""') in csv_text
    workbook = load_workbook(io.BytesIO(client.get("/disclosures/export.xlsx").content))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == FORMULA]
    assert len(cells) == 1 and cells[0].data_type == "s"
