"""The one export module: what a clerk sees on opening a CSV or XLSX in Excel or WPS."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import pgettext
from openpyxl import load_workbook

from home.exports import HEADER_ROW, Column, ColumnType, Table, export_response, write_xlsx

FORMULA = '=HYPERLINK("http://evil.example","点我")'
EXPORTED_AT = datetime.datetime(2026, 12, 7, 6, 5, tzinfo=datetime.UTC)  # 14:05 in Shanghai


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def table(**changes):
    fields = {
        "title": "公开目录",
        "columns": [
            Column("标题"),
            Column("Title"),
            Column("发布日期", ColumnType.DATE),
            Column("撤回时间", ColumnType.DATETIME),
            Column("份数", ColumnType.INT),
            Column("学时", ColumnType.DECIMAL),
        ],
        "rows": iter(
            [
                [FORMULA, "-1", datetime.date(2026, 3, 5), EXPORTED_AT, 3, Decimal("1.5")],
                ["两个汉字", "ABCD", None, None, None, None],
            ]
        ),
        "filters": [("单位", "南湖商会"), ("年份", "2026")],
        "footer": [["合计", "", None, None, 3, Decimal("1.5")]],
    }
    return Table(**{**fields, **changes})


def read_csv(response):
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def workbook(tables):
    buffer = io.BytesIO()
    write_xlsx(tables, buffer, exported_at=EXPORTED_AT)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def test_csv_is_streamed_with_a_bom_and_no_formulas():
    response = export_response(table(), "csv", "gongkai")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows[0] == ["标题", "Title", "发布日期", "撤回时间", "份数", "学时"]
    assert rows[1] == ["'" + FORMULA, "'-1", "2026-03-05", "2026-12-07 14:05:00", "3", "1.5"]
    assert rows[2] == ["两个汉字", "ABCD", "", "", "", ""]
    assert rows[3] == ["合计", "", "", "", "3", "1.5"]


def test_a_long_csv_arrives_in_chunks_not_all_at_once():
    rows = ([f"标题{number}"] for number in range(1000))
    response = export_response(Table("目录", [Column("标题")], rows), "csv", "many")
    chunks = list(response.streaming_content)
    assert 1 < len(chunks) < 1000
    assert b"".join(chunks).decode("utf-8-sig").count("\n") == 1001


def test_the_xlsx_title_row_says_what_which_filter_and_when():
    sheet = workbook([table()]).active
    title = sheet.cell(row=1, column=1).value
    assert title.startswith("公开目录")
    assert "单位" in title and "南湖商会" in title and "年份" in title and "2026" in title
    assert "2026年12月7日 14:05" in title  # Shanghai time, as Chinese readers write it
    assert [cell.value for cell in sheet[HEADER_ROW]][:2] == ["标题", "Title"]


def test_a_title_row_without_filters_says_so():
    sheet = workbook([table(filters=[])]).active
    title = sheet.cell(row=1, column=1).value
    assert pgettext("filters", "none") in title and "单位" not in title


def test_the_header_is_frozen_and_filtered_without_the_totals():
    sheet = workbook([table()]).active
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:F{HEADER_ROW + 2}"
    assert sheet.cell(row=HEADER_ROW + 3, column=1).value == "合计"


def test_xlsx_cells_are_real_dates_numbers_and_text():
    sheet = workbook([table()]).active
    row = sheet[HEADER_ROW + 1]
    assert row[0].value == FORMULA and row[0].data_type == "s"
    assert row[1].value == "-1" and row[1].data_type == "s"
    assert row[2].is_date and row[2].value.date() == datetime.date(2026, 3, 5)
    assert row[2].number_format == "yyyy-mm-dd"
    assert row[3].is_date and row[3].value == datetime.datetime(2026, 12, 7, 14, 5)  # local
    assert row[3].number_format == "yyyy-mm-dd hh:mm"
    assert row[4].value == 3 and row[4].data_type == "n"
    assert row[5].value == 1.5 and row[5].data_type == "n"


def test_columns_are_as_wide_as_chinese_text_needs():
    columns = [Column("甲"), Column("B"), Column("说明", width=30)]
    rows = [["汉" * 20, "A" * 20, "短"], ["汉" * 200, "A" * 20, ""]]
    sheet = workbook([Table("宽度", columns, rows)]).active
    widths = [sheet.column_dimensions[letter].width for letter in "ABC"]
    assert widths[0] > widths[1] >= 20
    assert widths[0] <= 60  # a very long text does not make a column wider than a screen
    assert widths[2] == 30


def test_several_tables_are_the_sheets_of_one_workbook():
    summary = Table("培训统计", [Column("单位")], [["甲"]], sheet_name="汇总")
    overdue = Table("逾期学员", [Column("学员")], [], sheet_name="汇总")
    book = workbook([summary, overdue])
    assert book.sheetnames == ["汇总", "汇总 (2)"]
    assert book.worksheets[1].auto_filter.ref == f"A{HEADER_ROW}:A{HEADER_ROW}"


def test_control_characters_do_not_break_the_workbook():
    sheet = workbook([Table("目录", [Column("标题")], [["标题\x0b带控制符"]])]).active
    assert sheet.cell(row=HEADER_ROW + 1, column=1).value == "标题带控制符"


def test_a_chinese_file_name_survives_the_download():
    response = export_response(table(), "xlsx", "公开目录-2026")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert "filename*=utf-8''%E5%85%AC%E5%BC%80%E7%9B%AE%E5%BD%95-2026.xlsx" in disposition
    assert load_workbook(io.BytesIO(response.content)).active.title == "公开目录"
    ascii_name = export_response(table(), "csv", "training-report")["Content-Disposition"]
    assert ascii_name == 'attachment; filename="training-report.csv"'


@pytest.mark.parametrize("fmt", ["pdf", "", "CSV", "xlsx/../csv"])
def test_an_unknown_format_is_not_found(fmt):
    with pytest.raises(Http404):
        export_response(table(), fmt, "gongkai")


def test_the_export_time_is_local(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EXPORTED_AT)
    response = export_response(table(), "xlsx", "gongkai")
    title = load_workbook(io.BytesIO(response.content)).active.cell(row=1, column=1).value
    assert "2026年12月7日 14:05" in title
