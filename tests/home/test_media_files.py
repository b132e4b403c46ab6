"""Serving uploaded files (home.media_files): byte ranges, as phones ask for films."""

import pytest

from tests.factories import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo(settings, tmp_path, site):
    """An image used by no page, seen by a superuser (who manages every collection)."""
    settings.MEDIA_ROOT = tmp_path
    image = make_image("站点标志")
    return image, (tmp_path / image.file.name).read_bytes()


@pytest.mark.parametrize(
    "header, status, part",
    [
        (None, 200, slice(None)),
        ("bytes=0-9", 206, slice(0, 10)),
        ("bytes=10-", 206, slice(10, None)),
        ("bytes=-5", 206, slice(-5, None)),
        ("bytes=5-100000", 206, slice(5, None)),
        ("bytes=100000-", 416, None),
        ("bytes=9-3", 416, None),
        ("bytes=99999999999999999999999-", 200, slice(None)),  # unreadable: the whole file
        ("pages=1-2", 200, slice(None)),
    ],
)
def test_ranges(admin_client, logo, header, status, part):
    image, content = logo
    headers = {"Range": header} if header else {}
    response = admin_client.get(image.file.url, headers=headers)
    assert response.status_code == status
    assert response["Accept-Ranges" if status != 416 else "Content-Range"]
    if part is not None:
        assert b"".join(response.streaming_content) == content[part]
    if status == 206:
        start = part.start % len(content) if part.start else 0
        assert response["Content-Range"].startswith(f"bytes {start}-")


def test_a_change_made_by_another_process_stops_a_public_file_at_once(
    client, settings, tmp_path, make_disclosure
):
    """Each worker caches the anonymous verdict; it is keyed on the content version held in the
    database, so a take-down in one process is seen by all (no shared cache needed)."""
    from django.db.models import F
    from wagtail.models import ReferenceIndex

    from home.models import ContentVersion

    settings.MEDIA_ROOT = tmp_path
    image = make_image("现场照片")
    page = make_disclosure(
        title="现场", body=[("image", {"image": image, "alt": "", "caption": ""})]
    )
    assert client.get(image.file.url).status_code == 200
    # What another worker's take-down leaves behind: the page no longer uses the image and the
    # database's content version moved; this process's own cache knows nothing of it.
    ReferenceIndex.objects.filter(object_id=str(page.pk)).delete()
    ContentVersion.objects.filter(pk=1).update(number=F("number") + 1)
    assert client.get(image.file.url).status_code == 404
