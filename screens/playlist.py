"""What a screen plays: only live, public, unwithdrawn content, as JSON with a version.

The playlist is built once per screen, content version and day, and cached; a poll whose
If-None-Match carries the current version is answered 304 after one query (the screen by token).
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from disclosure.models import DisclosurePage, public_disclosures
from disclosure.periods import chinese_date
from home.caching import database_version
from home.qr import qr_data_uri
from integrity.models import MonthlyProgramPage
from screens.models import EmergencyNotice, ItemKind, Screen, screen_page_models
from training.models import CoursePage

CACHE_SECONDS = 300
EXCERPT_CHARS = 160


def plain(html, chars=EXCERPT_CHARS):
    return Truncator(" ".join(strip_tags(str(html)).split())).chars(chars)


def day(value):
    return chinese_date(value) if value else ""


def rendition_url(image, spec):
    return image.get_rendition(spec).url if image else ""


# ---- slides ---------------------------------------------------------------------------------


def disclosure_slide(page):
    meta = [
        page.organization_name(),
        page.index_number,
        _("Published %(date)s") % {"date": day(page.published_on)},
    ]
    if page.display_until:
        meta.append(_("On display until %(date)s") % {"date": day(page.display_until)})
    body = page.summary or plain("".join(str(block) for block in page.body))
    return {
        "type": "disclosure",
        "kicker": f"{page.get_kind_display()} · {page.category_name()}",
        "title": page.title,
        "meta": [m for m in meta if m],
        "text": plain(body),
    }


def programme_slide(page):
    film = page.film_video
    slide = {
        "type": "programme",
        "kicker": _("One lesson, one film, one practice"),
        "title": page.title,
        "meta": [],
        "parts": [
            {"label": _("Lesson"), "title": page.lesson_title, "text": page.lesson_speaker},
            {"label": _("Film"), "title": page.film_title, "text": plain(page.film_synopsis, 80)},
            {
                "label": _("Practice"),
                "title": page.practice_title,
                "text": (
                    f"{day(page.practice_start)}–{day(page.practice_end)}"
                    if page.practice_start and page.practice_end
                    else ""
                ),
            },
        ],
    }
    if film is not None and film.type == "video":
        slide["video"] = film.url
        slide["poster"] = rendition_url(page.film_poster, "max-1280x720")
    return slide


def course_slide(page):
    return {
        "type": "course",
        "kicker": _("Required course") if page.required else _("Elective course"),
        "title": page.title,
        "meta": [_("%(hours)s credit hours") % {"hours": page.hours}],
        "text": plain(page.summary),
    }


def standard_slide(page):
    return {
        "type": "page",
        "kicker": "",
        "title": page.title,
        "meta": [],
        "text": plain(getattr(page, "intro", "") or "".join(str(b) for b in page.body)),
    }


def page_slide(page, version):
    """The slide of a page, shared by every screen that shows it until content changes."""
    key = f"screen-slide:{page.pk}:{version}"
    slide = cache.get(key)
    if slide is None:
        slide = build_page_slide(page)
        cache.set(key, slide, CACHE_SECONDS)
    return slide


def build_page_slide(page):
    page = page.specific
    if isinstance(page, DisclosurePage):
        slide = disclosure_slide(page)
    elif isinstance(page, MonthlyProgramPage):
        slide = programme_slide(page)
    elif isinstance(page, CoursePage):
        slide = course_slide(page)
    else:
        slide = standard_slide(page)
    url = page.get_full_url()
    slide.update(id=f"page-{page.pk}", url=url, qr=qr_data_uri(url))
    return slide


# ---- building ---------------------------------------------------------------------------------


def allowed_pages(pages):
    """The pages of ``pages`` a screen may show now: public items (live, unrestricted, not
    withdrawn), of the types a screen shows."""
    ids = [page.pk for page in pages if page is not None]
    allowed = {}
    for model in screen_page_models() if ids else ():
        for page in model.objects.public_items().filter(pk__in=ids):
            allowed[page.pk] = page
    return allowed


def latest_disclosures(screen, count):
    queryset = public_disclosures().select_related("organization", "category")
    if screen.organization_id:
        queryset = queryset.filter(organization_id=screen.organization_id)
    return list(queryset.order_by("-published_on", "-pk")[:count])


def build_items(screen, today, version):
    items = [item for item in screen.items.all() if item.is_showing(today)]
    pages = allowed_pages([item.page for item in items if item.kind == ItemKind.PAGE])
    slides = []
    seen = set()

    def add(slide):
        if slide["id"] not in seen:
            seen.add(slide["id"])
            slides.append(slide)

    for item in items:
        if item.kind == ItemKind.PAGE and item.page_id in pages:
            add(page_slide(pages[item.page_id], version))
        elif item.kind == ItemKind.IMAGE and item.image_id:
            add(
                {
                    "id": f"image-{item.pk}",
                    "type": "image",
                    "image": rendition_url(item.image, "max-1920x1920"),
                    "title": item.text,
                    "alt": item.image.description or item.image.title,
                }
            )
        elif item.kind == ItemKind.NOTICE:
            add({"id": f"notice-{item.pk}", "type": "notice", "title": item.text})
        elif item.kind == ItemKind.LATEST_DISCLOSURES:
            for page in latest_disclosures(screen, item.count):
                add(page_slide(page, version))
        elif item.kind == ItemKind.PROGRAMME:
            programme = MonthlyProgramPage.current()
            if programme is not None and programme.is_this_month:
                add(page_slide(programme, version))
    return slides


def active_notice(screen, now):
    """The emergency notice to show over the playlist, and when that may next change."""
    notices = [
        notice
        for notice in EmergencyNotice.objects.filter(cleared_at__isnull=True, expires_at__gt=now)
        .prefetch_related("screens")
        .order_by("-starts_at")
        if notice.all_screens or any(s.pk == screen.pk for s in notice.screens.all())
    ]
    changes = [n.starts_at for n in notices if n.starts_at > now] + [n.expires_at for n in notices]
    current = next((n for n in notices if n.starts_at <= now), None)
    return current, min(changes) if changes else None


def build_playlist(screen, now=None, version=0):
    now = now or timezone.now()
    today = timezone.localdate(now)
    notice, next_change = active_notice(screen, now)
    offset = timezone.localtime(now).utcoffset()
    playlist = {
        "screen": {
            "name": screen.name,
            "place": screen.place,
            "orientation": screen.orientation,
            "seconds": screen.seconds_per_slide,
        },
        "poll": screen.poll_seconds,
        "utc_offset": int(offset.total_seconds() // 60) if offset else 0,
        "hours": [
            [h.weekday, h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M")]
            for h in screen.hours.all()
        ],
        "emergency": (
            {"id": notice.pk, "text": notice.text, "until": notice.expires_at.isoformat()}
            if notice
            else None
        ),
        "items": build_items(screen, today, version),
    }
    body = json.dumps(playlist, ensure_ascii=False, sort_keys=True)
    playlist["version"] = hashlib.sha256(body.encode()).hexdigest()[:20]
    timeout = CACHE_SECONDS
    if next_change is not None:
        timeout = max(1, min(timeout, int((next_change - now).total_seconds()) + 1))
    return playlist, timeout


def screens_with_version():
    """Screens annotated with the shared content version: one query tells whether a cached
    playlist is still right, in every process."""
    return Screen.objects.annotate(content_version=database_version())


def playlist_key(screen):
    return (
        f"screen-playlist:{screen.pk}:{screen.updated_at.timestamp()}:"
        f"{screen.content_version}:{timezone.localdate()}"
    )


def cached_playlist(screen):
    """(version, JSON bytes) of the playlist of ``screen`` (from screens_with_version())."""
    key = playlist_key(screen)
    cached = cache.get(key)
    if cached is None:
        full = (
            type(screen)
            .objects.prefetch_related("items__page", "items__image", "hours")
            .get(pk=screen.pk)
        )
        # Screens speak the site's language and keep its time, whoever asks first (an admin
        # browsing in English from another time zone builds the same playlist).
        with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
            playlist, timeout = build_playlist(full, version=screen.content_version)
        playlist["generated_at"] = timezone.now().isoformat()
        cached = (playlist["version"], json.dumps(playlist, ensure_ascii=False).encode())
        cache.set(key, cached, timeout)
    return cached


def current_version(screen):
    """The current playlist version of a screen (for the admin's health column)."""
    if getattr(screen, "content_version", None) is None:
        screen = screens_with_version().get(pk=screen.pk)
    return cached_playlist(screen)[0]
