"""QR codes, drawn on the server as SVG (no image request, no script, works offline).

Every QR code on the site (certificates, posters, screen slides, two-factor set-up) is made here,
with the same error correction (M: a smudged print still scans).
"""

import segno
from django.utils.safestring import mark_safe


def qr_code(data):
    return segno.make(data, error="m")


def qr_svg(data, **options):
    """Inline SVG markup, black on white unless ``options`` say otherwise (segno's svg_inline)."""
    options = {"scale": 4, "border": 2, "dark": "#000", "light": "#fff", **options}
    return mark_safe(qr_code(data).svg_inline(**options))


def qr_data_uri(data):
    """A ``data:`` URI, for a JSON document that a player puts in an <img>."""
    return qr_code(data).svg_data_uri(scale=4, border=2)
