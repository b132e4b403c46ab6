"""Draw the default share image (site/static/img/share.png): the emblem and the site's name.

WeChat and other chat apps show a link as a card with a square picture (og:image); they do not
read SVG. Run from the repository root after changing the emblem or the name:

    .venv/bin/python tools/share_image.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = 600
RED, GOLD, PAPER = "#a3161b", "#f4d27a", "#ffffff"
NAME = "南湖两新 公开平台"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
OUT = Path(__file__).resolve().parent.parent / "site" / "static" / "img" / "share.png"


def star(cx, cy, outer, inner):
    """The points of a five-pointed star centred on (cx, cy), point up."""
    from math import cos, pi, sin

    points = []
    for step in range(10):
        radius = outer if step % 2 == 0 else inner
        angle = -pi / 2 + step * pi / 5
        points.append((cx + radius * cos(angle), cy + radius * sin(angle)))
    return points


def main():
    image = Image.new("RGB", (SIZE, SIZE), PAPER)
    draw = ImageDraw.Draw(image)
    centre, radius = SIZE // 2, 170
    top = 70
    draw.ellipse((centre - radius, top, centre + radius, top + 2 * radius), fill=RED)
    ring = radius - 24
    draw.ellipse(
        (centre - ring, top + 24, centre + ring, top + 24 + 2 * ring), outline=GOLD, width=8
    )
    draw.polygon(star(centre, top + radius + 8, 110, 44), fill=GOLD)
    font = ImageFont.truetype(FONT, 52)
    width = draw.textlength(NAME, font=font)
    draw.text(((SIZE - width) / 2, top + 2 * radius + 40), NAME, font=font, fill=RED)
    image.save(OUT, optimize=True)
    print(f"{OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
