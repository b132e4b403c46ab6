"""Text of attached documents for the search index: PDF (pypdf), Word .docx (python-docx) and
Excel .xlsx (openpyxl) files.

A file's text is extracted once and kept in the cache under its stored name and size (an upload
never changes under its random name, home.storage), at most MAX_PAGES pages and MAX_CHARS
characters of it. A file that cannot be read gives no text: a broken upload does not stop the
page from being indexed. The old binary .doc and .xls formats are not read.
"""

import io
import logging

from django.core.cache import cache

MAX_PAGES = 30
MAX_CHARS = 20_000
MAX_BYTES = 20 * 2**20
CACHE_SECONDS = 30 * 24 * 3600
logger = logging.getLogger(__name__)


def document_text(document):
    """The text of a Wagtail document, '' for a file that is not a readable PDF."""
    key = f"document-text:{document.file.name}:{document.file_size or 0}"
    text = cache.get(key)
    if text is None:
        text = extract(document)
        cache.set(key, text, CACHE_SECONDS)
    return text


# The readers import their library when a file of their kind is read: a serving process that
# never indexes loads none of them (python-docx alone takes over 100 ms to import).


def pdf_parts(data):
    from pypdf import PdfReader

    for page in PdfReader(io.BytesIO(data)).pages[:MAX_PAGES]:
        yield page.extract_text() or ""


def docx_parts(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield " ".join(cell.text for cell in row.cells)


def xlsx_parts(data):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                yield " ".join(str(value) for value in row if value is not None)
    finally:
        workbook.close()


READERS = {"pdf": pdf_parts, "docx": docx_parts, "xlsx": xlsx_parts}


def extract(document):
    reader = READERS.get(document.file_extension.lower())
    if reader is None:
        return ""
    try:
        with document.open_file() as file:
            data = file.read(MAX_BYTES)
        parts, length = [], 0
        for text in reader(data):
            parts.append(text)
            length += len(text)
            if length >= MAX_CHARS:
                break
        return " ".join(" ".join(parts).split())[:MAX_CHARS]
    except Exception:  # noqa: BLE001 - any unreadable file: index the page without its text
        logger.warning("could not read the text of document %s", document.pk, exc_info=True)
        return ""
