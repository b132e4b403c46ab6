"""Readable pinyin slugs for Chinese titles: 公开指南 → gong-kai-zhi-nan."""

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

MAX_SLUG_LENGTH = 80
FALLBACK_WORD = "page"


def pinyin_slug(text, max_length=MAX_SLUG_LENGTH):
    """Return an ASCII slug for ``text``: Chinese as pinyin syllables, other words kept.

    Never empty and never digits only (a numeric slug reads like an id and can clash with
    date-like URLs), so such results get a word in front.
    """
    parts = (slugify(part) for part in lazy_pinyin(text or "", style=Style.NORMAL))
    slug = "-".join(part for part in parts if part)
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if not slug:
        return FALLBACK_WORD
    if slug.replace("-", "").isdigit():
        return f"{FALLBACK_WORD}-{slug}"[:max_length]
    return slug


def needs_pinyin(slug):
    """True when a slug is empty, carries non-ASCII characters or is digits only."""
    return not slug or not slug.isascii() or slug.replace("-", "").isdigit()
