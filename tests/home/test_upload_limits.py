"""Upload limits (home.uploads): images by size before decoding, documents by type and size.

The attack this answers: an 11000 × 11000 PNG of 15 KB was accepted as a photo, and the admin's
image list then took seconds and a worker grew past a gigabyte decoding it.
"""

import functools
import html
import io
import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from disclosure.models import Membership, Role
from integrity.models import IntegrityIndexPage, PracticeReport
from tests.integrity.test_programme import (  # noqa: F401 - a fixture
    after_the_practice,
    complete,
    report_data,
)

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


@functools.cache
def png(width, height):
    """A PNG of that size, small on disk however many pixels it holds (one bit, all black)."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return sorted(path for path in Path(media).rglob("*") if path.is_file())


def text_of(response):
    return html.unescape(response.content.decode())


def refusal(response):
    """The error messages shown with the file: on the form, or in the uploader's list."""
    if response["Content-Type"].startswith("application/json"):
        answer = response.json()
        if "error_message" in answer:  # the multiple uploader
            return answer["error_message"]
        page = answer.get("htmlFragment", "")  # the chooser's form, shown again
    else:
        page = response.content.decode()
    messages = re.findall(r'class="error-message"[^>]*>(.*?)</', page, re.S)
    return " ".join(html.unescape(message).strip() for message in messages)


# Every way the admin takes an image or a document: the add form, the multiple uploader, and the
# upload tab of the chooser (used from the page editor).
IMAGE_ENDPOINTS = {
    "add": lambda file: ("/admin/images/add/", {"title": "图", "collection": 1, "file": file}),
    "multiple": lambda file: ("/admin/images/multiple/add/", {"files[]": file}),
    "chooser": lambda file: (
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "图",
            "image-chooser-upload-collection": 1,
            "image-chooser-upload-file": file,
        },
    ),
}
DOCUMENT_ENDPOINTS = {
    "add": lambda file: ("/admin/documents/add/", {"title": "文", "collection": 1, "file": file}),
    "multiple": lambda file: ("/admin/documents/multiple/add/", {"files[]": file}),
    "chooser": lambda file: (
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "文",
            "document-chooser-upload-collection": 1,
            "document-chooser-upload-file": file,
        },
    ),
}

# (width, height, what the refusal says) — None: accepted.
IMAGES = {
    "11000x11000 (the attack)": (11000, 11000, "11000 × 11000"),
    "9000x100 (a side too long)": (9000, 100, "9000 × 100"),
    "7000x7000 (49 megapixels)": (7000, 7000, "7000 × 7000"),
    "800x600": (800, 600, None),
}


@pytest.mark.parametrize("endpoint", IMAGE_ENDPOINTS)
def test_a_truncated_image_is_a_clear_refusal(admin_client, media, endpoint):
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 64).convert("RGB").save(buffer, format="PNG")
    whole = buffer.getvalue()
    url, data = IMAGE_ENDPOINTS[endpoint](upload("photo.png", whole[: len(whole) // 2]))
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    assert "图片已损坏或不完整" in refusal(response)
    assert not Image.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize("endpoint", IMAGE_ENDPOINTS)
@pytest.mark.parametrize("image", IMAGES)
def test_admin_image_uploads(admin_client, media, endpoint, image):
    width, height, says = IMAGES[image]
    url, data = IMAGE_ENDPOINTS[endpoint](upload("photo.png", png(width, height)))
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    if says:
        message = refusal(response)
        assert says in message and "8000" in message and "40" in message
        assert not Image.objects.exists()
        assert stored_files(media) == []
    else:
        assert Image.objects.get().width == width


def test_admin_image_form_says_the_limits(admin_client):
    page = text_of(admin_client.get("/admin/images/add/"))
    assert re.search(r"8000[^<]*40", page)  # the file field's help text


@pytest.fixture
def programme(home_page, media):
    index = home_page.add_child(instance=IntegrityIndexPage(title="清廉教育", slug="integrity"))
    poster = Image(title="海报")
    poster.file.save("poster.png", ContentFile(png(800, 600)), save=False)
    poster.width, poster.height = 800, 600
    poster.save()
    page = index.add_child(instance=complete(timezone.localdate().replace(day=1), poster))
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(django_user_model, org):
    user = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    return user


@pytest.mark.usefixtures("after_the_practice")
@pytest.mark.parametrize("image", IMAGES)
def test_practice_report_photos(client, programme, editor, org, media, image):
    width, height, says = IMAGES[image]
    client.force_login(editor)
    client.get(reverse("integrity:report", args=[programme.pk]))  # the form, as the editor sees it
    files_before, images_before = stored_files(media), Image.objects.count()
    photos = [upload("签到照片.png", png(width, height))]
    response = client.post(
        reverse("integrity:report", args=[programme.pk]), report_data(programme, org, photos=photos)
    )
    if says:
        assert response.status_code == 200
        message = " ".join(response.context["form"].errors["photos"])
        assert "签到照片.png" in message and says in message and "8000" in message
        assert not PracticeReport.objects.exists()
        assert (stored_files(media), Image.objects.count()) == (files_before, images_before)
    else:
        assert response.status_code == 302
        assert PracticeReport.objects.get().photos.get().image.width == width


@pytest.mark.parametrize("size", [(11000, 11000), (7000, 7000)])
def test_an_oversized_image_already_stored_is_a_placeholder(admin_client, media, size):
    """Stored before the limit: the image list and its page work, showing Wagtail's empty
    placeholder; the image is never decoded (no rendition is made)."""
    image = Image(title="早先的大图")
    image.file.save("big.png", ContentFile(png(*size)), save=False)
    image.width, image.height = size
    image.save()
    for layout in ("grid", "list"):
        response = admin_client.get(f"/admin/images/?layout={layout}")
        assert response.status_code == 200
        assert "早先的大图" in text_of(response) and "/not-found" in text_of(response)
    assert admin_client.get(f"/admin/images/{image.pk}/").status_code == 200
    assert not image.renditions.exists()


MEMORY_SCRIPT = """
import io, json, sys
import django

django.setup()
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from home.uploads import LimitedImageField
from integrity.forms import PhotosField


def peak_mb():
    # VmHWM, not getrusage's ru_maxrss: that one keeps the parent's peak across fork and exec.
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) // 1024


bomb_path, pillow_path = sys.argv[1:]
result = {"after_setup": peak_mb(), "refusals": []}
content = open(bomb_path, "rb").read()
for field in (LimitedImageField(), PhotosField()):
    try:
        field.clean(SimpleUploadedFile("bomb.png", content))
    except ValidationError as error:
        result["refusals"].append(" ".join(error.messages))
image = get_image_model()(
    title="bomb", width=11000, height=11000, collection_id=1, file=File(open(bomb_path, "rb"))
)
try:
    Filter("max-165x165").run(image, io.BytesIO())
    result["rendition"] = "made"
except SourceImageIOError:
    result["rendition"] = "refused"
try:
    PILImage.open(pillow_path).load()
    result["pillow"] = "decoded"
except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
    result["pillow"] = "refused"
result["peak"] = peak_mb()
print(json.dumps(result))
"""


def test_refusing_the_bomb_decodes_nothing(tmp_path):
    """In a fresh process (as a worker): refusing the upload, then asking for a rendition of the
    same file stored earlier, keeps the process small; Pillow itself refuses past the limit.
    Without the limits the rendition alone took the worker from about 215 MB to 800 MB."""
    bomb, pillow = tmp_path / "bomb.png", tmp_path / "49mp.png"
    bomb.write_bytes(png(11000, 11000))
    pillow.write_bytes(png(7000, 7000))
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    environment["PYTHONPATH"] = str(django_settings.BASE_DIR)
    finished = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(bomb), str(pillow)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=django_settings.BASE_DIR,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.splitlines()[-1])
    assert len(result["refusals"]) == 2
    assert all("11000 × 11000" in refusal for refusal in result["refusals"])
    assert (result["rendition"], result["pillow"]) == ("refused", "refused")
    assert result["peak"] < 300
    assert result["peak"] - result["after_setup"] < 60  # the bomb alone decodes to 121 MB


def pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def xlsx():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "名单"
    workbook.save(buffer)
    return buffer.getvalue()


# (file name, content, what the refusal says) — nothing: accepted. DOCUMENT_MAX_UPLOAD_MB is 1.
DOCUMENTS = {
    "a program": ("setup.exe", b"MZ" + b"\0" * 200, [".exe", ".pdf", ".docx"]),
    "no type": ("README", b"hello", ["README", ".pdf"]),
    "an archive (off by default)": ("files.zip", b"PK\x03\x04" + b"\0" * 200, [".zip"]),
    "too large": ("big.pdf", b"%PDF-1.4\n".ljust(2 * 1024 * 1024, b"0"), ["2.0 MB", "1 MB"]),
    "a .pdf that is not a PDF": ("report.pdf", b"<html>not a pdf</html>", [".pdf"]),
    "a .docx that is not a Word file": ("report.docx", b"plain text", [".docx"]),
    "a PDF": ("report.pdf", pdf(), []),
    "an Excel file": ("名单.xlsx", xlsx(), []),
    "a CSV": ("名单.csv", "姓名,单位\n张三,甲\n".encode(), []),
    "an old Word file": ("通知.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, []),
}


@pytest.mark.parametrize("endpoint", DOCUMENT_ENDPOINTS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_admin_document_uploads(admin_client, media, settings, endpoint, document):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    name, content, says = DOCUMENTS[document]
    url, data = DOCUMENT_ENDPOINTS[endpoint](upload(name, content))
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    if says:
        message = refusal(response)
        assert all(fragment in message for fragment in says), message
        assert "is not allowed" not in message and "不被允许" not in message  # one message
        assert not Document.objects.exists()
        assert stored_files(media) == []
    else:
        assert Document.objects.get().file.size == len(content)


def test_a_document_is_edited_without_a_new_file(admin_client, media):
    admin_client.post(*DOCUMENT_ENDPOINTS["add"](upload("report.pdf", pdf())))
    document = Document.objects.get()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/", {"title": "新标题", "collection": 1}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "新标题" and document.file.size == len(pdf())


def test_the_document_form_says_what_is_allowed(admin_client):
    page = text_of(admin_client.get("/admin/documents/add/"))
    assert ".pdf" in page and ".ofd" in page and "30 MB" in page
    assert 'accept=".pdf,' in page and ".exe" not in page


def test_the_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DOCUMENT_ALLOW_ARCHIVES", "true")
    monkeypatch.setenv("IMAGE_MAX_PIXELS", "20000000")
    values = runpy.run_path(str(django_settings.BASE_DIR / "config" / "settings" / "base.py"))
    assert {"zip", "7z", "rar"} <= set(values["WAGTAILDOCS_EXTENSIONS"])
    assert values["WAGTAILIMAGES_MAX_IMAGE_PIXELS"] == 20_000_000


def test_the_admin_profile_picture_meets_the_same_limits(admin_user, media):
    """Wagtail's account page (open to every editor) resizes the picture by decoding it."""
    from wagtail.admin.forms.account import AvatarPreferencesForm
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    form = AvatarPreferencesForm(
        data={}, files={"avatar": upload("me.png", png(9000, 100))}, instance=profile
    )
    assert not form.is_valid()
    assert "9000 × 100" in " ".join(form.errors["avatar"])
    small = AvatarPreferencesForm(
        data={}, files={"avatar": upload("me.png", png(300, 300))}, instance=profile
    )
    assert small.is_valid(), small.errors
