"""An attachment is named for readers: its document's title unless the editor types another
name, and never a bare file name such as “zhutidangri” (disclosure.forms)."""

from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset

from tests.disclosure.test_publishing import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(title, filename):
    doc = get_document_model()(title=title)
    doc.file.save(filename, ContentFile(b"%PDF-1.4 demo"), save=True)
    return doc


def publish_with_attachment(client, page, doc, title=""):
    attachments = inline_formset([{"document": doc.pk, "title": title}])
    return client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, attachments=attachments))


@pytest.fixture
def draft(make_disclosure):
    return make_disclosure(live=False)


def test_an_unnamed_attachment_takes_the_documents_title(admin_client, draft):
    doc = document("2025年主题党日活动安排", "zhutidangri.pdf")
    response = publish_with_attachment(admin_client, draft, doc)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    attachment = draft.attachments.get()
    assert attachment.title == "2025年主题党日活动安排"  # written into the row, editable there


def test_a_typed_name_is_kept(admin_client, draft):
    doc = document("2025年主题党日活动安排", "zhutidangri.pdf")
    publish_with_attachment(admin_client, draft, doc, title="主题党日安排（修订）")
    draft.refresh_from_db()
    assert draft.attachments.get().title == "主题党日安排（修订）"


@pytest.mark.parametrize("typed", ["", "zhutidangri"])
def test_a_file_name_is_refused_as_the_name_readers_see(admin_client, draft, typed):
    doc = document("zhutidangri", "zhutidangri.pdf")  # the title Wagtail fills in from the file
    response = publish_with_attachment(admin_client, draft, doc, title=typed)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    message = _("“%(name)s” is the file's name: type the name readers should see.")
    assert message % {"name": "zhutidangri"} in html
    draft.refresh_from_db()
    assert not draft.live


def test_a_chinese_file_name_is_a_readable_name(admin_client, draft):
    doc = document("主题党日活动安排", "主题党日活动安排.pdf")
    assert publish_with_attachment(admin_client, draft, doc).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.attachments.get().title == "主题党日活动安排"
