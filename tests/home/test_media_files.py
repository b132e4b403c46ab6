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
