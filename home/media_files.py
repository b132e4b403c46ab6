"""Serving uploaded files, after asking the visibility policy (stored names: home.storage).

Every file under MEDIA_ROOT is reached through ``serve_media`` (``/media/<path>``), never as a
static folder: images, their renditions and media (films) are served to those who may read a
live page that uses them (``home.visibility.can_view_file``), documents only through Wagtail's
document view. A path is looked up exactly as stored in the database, so no spelling of it
(``//``, ``./``, ``../``, ``%2e``) reaches another file, and a file that no record names (or one
the visitor may not see) is the same plain 404.

Behind nginx, set ``MEDIA_ACCEL_REDIRECT`` (e.g. ``/protected-media/``, an ``internal``
location): Django decides and nginx sends the bytes, so public images stay as fast as files.
"""

import mimetypes
import os
import re

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model

from home.visibility import can_view_file

ANONYMOUS_VERDICT_SECONDS = 300
# How long a browser or proxy may keep a public file without asking again: a take-down reaches
# them within this time.
PUBLIC_MAX_AGE = 60


def _media_model():
    from wagtailmedia.models import get_media_model

    return get_media_model()


def _image(rendition):
    return rendition.image


# Top folder under MEDIA_ROOT → (the model that stores it, its file field, the object to check).
FOLDERS = {
    "original_images": (get_image_model, "file", None),
    "images": (lambda: get_image_model().get_rendition_model(), "file", _image),
    "media": (_media_model, "file", None),
    "media_thumbnails": (_media_model, "thumbnail", None),
}


def plausible(path):
    """A path as stored names look: a known folder, plain segments, no tricks."""
    if len(path) > 255 or "\\" in path or "\x00" in path:
        return False
    parts = path.split("/")
    return parts[0] in FOLDERS and not any(part in ("", ".", "..") for part in parts)


def stored_object(path):
    """The record that stores ``path`` (the object whose visibility decides), or None."""
    if not plausible(path):
        return None
    parts = path.split("/")
    get_model, field_name, owner = FOLDERS[parts[0]]
    model = get_model()
    queryset = model.objects.filter(**{field_name: path})
    if owner is not None:
        queryset = queryset.select_related("image")
    record = queryset.first()
    if record is None:
        return None
    return owner(record) if owner is not None else record


def anonymous_may_view(path):
    """The anonymous verdict for ``path``, cached until published content changes.

    Keyed on the content version held in the database (one small query), not the per-process
    one: a take-down must stop the file in every worker at once, shared cache or not.
    """
    from home.models import ContentVersion

    version = ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    key = f"media-public:{version}:{path}"
    verdict = cache.get(key)
    if verdict is None:
        obj = stored_object(path)
        verdict = obj is not None and can_view_file(_anonymous(), obj)
        cache.set(key, verdict, ANONYMOUS_VERDICT_SECONDS)
    return verdict


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def serve_media(request, path):
    """``/media/<path>``: the file, for those the visibility policy lets see it; else 404."""
    if not plausible(path):
        raise Http404
    public = anonymous_may_view(path)
    if not public:
        obj = stored_object(path) if request.user.is_authenticated else None
        if obj is None or not can_view_file(request.user, obj):
            raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
    else:
        response = file_response(request, os.path.join(settings.MEDIA_ROOT, path), content_type)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


RANGE = re.compile(r"^bytes=(\d{0,18})-(\d{0,18})$")
CHUNK = 64 * 1024


def file_response(request, filename, content_type):
    """The file, or the one byte range asked for (206): phones seek in films, and Safari plays
    no video from a server that cannot answer a range. (nginx does this itself in production.)"""
    try:
        handle = open(filename, "rb")  # noqa: SIM115 - closed by the response
        size = os.fstat(handle.fileno()).st_size
    except OSError:
        raise Http404 from None
    match = RANGE.match(request.headers.get("Range", "").strip())
    if not match or match.groups() == ("", ""):
        response = FileResponse(handle, content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start > end:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    handle.seek(start)
    response = StreamingHttpResponse(
        _chunks(handle, end - start + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    return response


def _chunks(handle, remaining):
    with handle:
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk


def not_found(request):
    """A plain 404 for an address that must answer nothing."""
    raise Http404
