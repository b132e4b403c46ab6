"""Cells for CSV and XLSX exports that a spreadsheet never runs as formulas.

Titles and names come from editors and members; one that starts with ``=``, ``+``, ``-`` or ``@``
would be a formula to Excel or WPS (CSV injection). CSV cells get a leading apostrophe, XLSX cells
are typed as text.
"""

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
    elif hasattr(value, "isoformat"):
        cell.number_format = "yyyy-mm-dd"
    return cell
