"""The player of one screen, its playlist (ETag/304) and heartbeat, and the service worker.

A screen has no login: its secret token in the address is its credential. An unknown or old
token is a plain 404 that says nothing about screens.
"""

import json
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from screens.models import Screen
from screens.playlist import cached_playlist, screens_with_version

MAX_HEARTBEAT_BYTES = 2048
PLAIN_TEXT = re.compile(r"[^\x00-\x1f\ud800-\udfff]{0,200}")
SERVICE_WORKER = "screens/sw.js"


TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def screen_for(token, *fields):
    """The screen with this token (one query for the few fields asked), else 404."""
    if not TOKEN_SHAPE.fullmatch(token or ""):
        raise Http404
    screen = screens_with_version().filter(token=token).only("pk", "updated_at", *fields).first()
    if screen is None:
        raise Http404
    return screen


@require_GET
def player(request, token):
    screen = screen_for(
        token, "name", "place", "orientation", "seconds_per_slide", "poll_seconds", "token"
    )
    preview = request.GET.get("preview") == "1"
    with translation.override(settings.LANGUAGE_CODE):  # a screen speaks the site's language
        response = render(request, "screens/player.html", {"screen": screen, "preview": preview})
    patch_cache_control(response, no_cache=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def playlist(request, token):
    """The playlist as JSON, or 304 when the screen already has this version."""
    screen = screen_for(token)
    version, body = cached_playlist(screen)
    etag = f'"{version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


@csrf_exempt
@require_POST
def heartbeat(request, token):
    """The player says it is alive, which playlist version it has and what it shows."""
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        length = 0
    if length > MAX_HEARTBEAT_BYTES:
        return JsonResponse({"error": "too large"}, status=413)
    body = request.read(MAX_HEARTBEAT_BYTES + 1)
    if len(body) > MAX_HEARTBEAT_BYTES:
        return JsonResponse({"error": "too large"}, status=413)
    screen = screen_for(token)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return JsonResponse({"error": "malformed JSON"}, status=400)
    if not isinstance(data, dict):
        return JsonResponse({"error": "expected an object"}, status=400)
    version, item = data.get("version", ""), data.get("item", "")
    if not all(isinstance(value, str) and PLAIN_TEXT.fullmatch(value) for value in (version, item)):
        return JsonResponse({"error": "version and item are short plain text"}, status=400)
    Screen.objects.filter(pk=screen.pk).update(
        last_seen_at=timezone.now(),
        last_version=version[:64],
        last_item=item[:200],
        last_address=request.META.get("REMOTE_ADDR") or None,
    )
    current = cached_playlist(screen)[0]
    return JsonResponse({"current": version == current, "version": current})


_worker_source = None


def service_worker(request):
    """The service worker, served from /screens/ so that it may control every player below it."""
    global _worker_source
    if _worker_source is None:
        path = finders.find(SERVICE_WORKER)
        if path is None:
            raise Http404
        with open(path, "rb") as handle:
            _worker_source = handle.read()
    response = HttpResponse(_worker_source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/screens/"
    response["Cache-Control"] = "no-cache"
    return response
