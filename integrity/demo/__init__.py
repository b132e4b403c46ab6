"""Demo: twelve months of 一月一课一片一实践, with reports from most organisations.

Imported only by `load_demo` (never by the running site); the themes, lessons, films and practices
are in `integrity.demo.data`. The films are short generated clips (a poster and a few seconds of
video), enough to play in the page; their pages say how long they really are. A few approved
reports of recent months are marked by their organisations to be shown on the portal, with
photos, so the home page's 实践风采 has something to show.
"""

import datetime
import io
import math
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtailmedia.models import get_media_model

from disclosure.models import Membership, Role
from integrity.demo.data import MONTHS, PROGRAMMES
from integrity.models import (
    IntegrityIndexPage,
    MonthlyProgramPage,
    PracticeReport,
    ReportPhoto,
    ReportStatus,
)


def load(context):
    """A year of programmes with reports (once); hands the programmes and their films on."""
    created = 0
    if not IntegrityIndexPage.objects.exists():
        created = create_programmes(context)
    context.programmes = list(MonthlyProgramPage.objects.order_by("month"))
    context.films = [page.film_video for page in context.programmes if page.film_video]
    return created


def create_programmes(context):
    index = context.add_section_index(
        IntegrityIndexPage,
        "清廉教育",
        "integrity",
        "廉政文化“一月一课一片一实践”：每月一堂廉洁课、一部警示教育片、一项实践活动，"
        "各两新组织党支部按月开展并报送情况。",
    )
    this_month = timezone.localdate().replace(day=1)
    months = []
    month = this_month
    for _step in range(MONTHS):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    rng = random.Random(6)
    organizations = list(context.organizations.values())
    created = 1
    programmes = []
    for number, month in enumerate(reversed(months)):
        programme = make_programme(index, month, PROGRAMMES[number % len(PROGRAMMES)])
        created += 1 + add_reports(programme, organizations, rng, is_current=month == this_month)
        programmes.append(programme)
    share_highlights(programmes)
    context.stdout.write(
        _("Integrity programme: %(count)d months with reports.") % {"count": MONTHS}
    )
    return created


def make_programme(index, month, content):
    theme, lesson, speaker, film, synopsis, practice, kind = content
    label = f"{month.year}年{month.month}月"
    video = make_film(f"{label} {film}")
    page = MonthlyProgramPage(
        title=f"{label}一课一片一实践",
        month=month,
        theme=theme,
        lesson_title=lesson,
        lesson_speaker=speaker,
        lesson_text=f"<p>本月廉洁课围绕“{theme}”展开，讲解{lesson}，并结合辖区两新组织的实际案例"
        "进行剖析。各党支部可组织党员和管理人员集中学习，也可利用三会一课时间开展。</p>",
        film_title=film,
        # The editor's figure, rounded up to a minute; the pages show the file's own length.
        film_minutes=max(1, math.ceil(video.duration / 60)),
        film_synopsis=synopsis,
        film_video=video,
        film_poster=make_poster(f"{label} {film}", film, theme, label),
        practice_title=practice,
        practice_kind=kind,
        practice_guidance="<p>请各党支部在活动期间组织开展，做好签到和影像记录，活动结束后五个工作日内"
        "在平台提交情况报告。</p>",
        practice_start=month.replace(day=5),
        practice_end=month.replace(day=25),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


FILM_FPS = 10
FILM_FRAMES = 20


def frames(count=FILM_FRAMES, size=(320, 180)):
    for step in range(count):
        image = PILImage.new("RGB", size, (163, 22, 27))
        draw = ImageDraw.Draw(image)
        draw.ellipse([20 + step * 12, 60, 80 + step * 12, 120], fill=(244, 210, 122))
        yield image


def make_film(title):
    import av  # a development requirement: its wheel carries the ffmpeg libraries

    buffer = io.BytesIO()
    container = av.open(buffer, mode="w", format="webm")
    stream = container.add_stream("libvpx", rate=FILM_FPS)
    stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
    for image in frames():
        for packet in stream.encode(av.VideoFrame.from_image(image)):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    Media = get_media_model()
    media = Media(title=title, type="video", duration=FILM_FRAMES / FILM_FPS, width=320, height=180)
    media.file.save("film.webm", ContentFile(buffer.getvalue()), save=False)
    media.save()
    return media


# Fonts with Chinese glyphs found on Debian (fonts-noto-cjk, fonts-wqy-*) and macOS, with the
# index of the simplified-Chinese face in a collection. Without any, pictures have no lettering.
CJK_FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
]


def cjk_font(size):
    for path, index in CJK_FONTS:
        try:
            return ImageFont.truetype(path, size, index=index)
        except OSError:
            continue
    return None


def draw_centred(draw, centre_x, top, text, size, fill):
    """Draw ``text`` centred on ``centre_x``, if a Chinese font is at hand."""
    font = cjk_font(size)
    if font is not None:
        draw.text((centre_x, top), text, font=font, fill=fill, anchor="ma")


def save_image(image, title, collection=None, quality=85):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    record = get_image_model()(title=title)
    record.file.save("picture.jpg", ContentFile(buffer.getvalue()), save=False)
    record.width, record.height = image.size
    if collection is not None:
        record.collection = collection
    record.save()
    return record


def make_poster(title, film, theme, month_label):
    """A film poster as the committee would print it: upright, the title large, the theme."""
    width, height = 600, 900
    image = PILImage.new("RGB", (width, height), (110, 12, 18))
    draw = ImageDraw.Draw(image)
    for row in range(height // 2, height):  # a darker lower half, as a poster's gradient
        shade = int(40 * (row - height // 2) / (height // 2))
        draw.line([(0, row), (width, row)], fill=(110 - shade, 12, 18))
    draw.rectangle([24, 24, width - 25, height - 25], outline=(214, 168, 80), width=4)
    draw.ellipse([200, 120, 400, 320], outline=(214, 168, 80), width=6)
    draw.polygon(
        [
            (300, 160),
            (318, 205),
            (366, 205),
            (327, 234),
            (342, 280),
            (300, 252),
            (258, 280),
            (273, 234),
            (234, 205),
            (282, 205),
        ],
        fill=(214, 168, 80),
    )
    draw_centred(draw, width // 2, 60, "廉政警示教育片", 34, (244, 210, 122))
    draw_centred(draw, width // 2, 380, film, 110 if len(film) <= 4 else 76, (255, 244, 214))
    draw_centred(draw, width // 2, 600, theme, 38, (244, 210, 122))
    draw_centred(draw, width // 2, 800, f"南湖新区两新工委 · {month_label}", 26, (230, 200, 150))
    return save_image(image, title)


ATTENDEES = "张伟、王芳、李娜、刘洋、陈静、杨磊、赵敏、黄勇、周婷、吴强、徐丽、孙浩"


def add_reports(programme, organizations, rng, is_current, today=None):
    """Most organisations report; a few are returned; some have not reported yet. Nothing is
    reported for a day that has not come: a report is held on a day up to today and sent in
    after it (no reports at all before the month's practice starts)."""
    today = today or timezone.localdate()
    last_day = min(programme.practice_start + datetime.timedelta(days=15), today)
    if last_day < programme.practice_start:
        return 0
    share = 0.4 if is_current else 0.85
    created = 0
    for organization in organizations:
        if rng.random() > share:
            continue
        editor = Membership.objects.filter(organization=organization, role=Role.EDITOR).first()
        returned = rng.random() < 0.1
        held_on = programme.practice_start + datetime.timedelta(
            days=rng.randint(0, (last_day - programme.practice_start).days)
        )
        sent_on = min(held_on + datetime.timedelta(days=rng.randint(0, 3)), today)
        report = PracticeReport.objects.create(
            organization=organization,
            program=programme,
            held_on=held_on,
            attendance=rng.randint(6, 40),
            attendee_names=ATTENDEES,
            summary=f"{organization.title}党支部组织开展“{programme.practice_title}”，"
            "党员和管理人员参加，会后交流了学习体会。",
            status=ReportStatus.RETURNED
            if returned
            else (ReportStatus.SUBMITTED if is_current else ReportStatus.APPROVED),
            reviewer_comment="请补充活动照片和签到表。" if returned else "",
            submitted_by=editor.user if editor else None,
            submitted_at=min(
                timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(17, 30))),
                timezone.now(),
            ),
        )
        if is_current:
            add_photos(report, rng)
        created += 1
    return created


def activity_photo(report, wall, number):
    """A picture of the activity: a meeting room's wall with the red banner every such event
    hangs (the organisation and the practice on it), and rows of people in front of it."""
    width, height = 800, 600
    image = PILImage.new("RGB", (width, height), (wall, 214, 196))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 430, width, height], fill=(150, 112, 84))  # the floor
    draw.rectangle([60, 50, width - 60, 170], fill=(178, 24, 30))  # the banner
    draw_centred(
        draw,
        width // 2,
        66,
        report.organization.branch_name or report.organization.title,
        30,
        (250, 222, 140),
    )
    draw_centred(
        draw, width // 2, 112, f"“{report.program.practice_title}”活动", 36, (250, 222, 140)
    )
    for row, (top, size) in enumerate(((300, 34), (380, 42), (470, 52))):
        across = 9 - 2 * row
        for seat in range(across):
            x = (seat + 0.5 + (number % 2) * 0.3) * width / across
            colour = ((40 + 50 * ((seat + row) % 3)), 48, 64 + 20 * (seat % 2))
            draw.ellipse([x - size / 2, top - size, x + size / 2, top], fill=(238, 200, 170))
            draw.rounded_rectangle(
                [x - size, top + 4, x + size, top + 4 + size * 2], radius=size // 2, fill=colour
            )
    return image


def add_photos(report, rng, count=2):
    """Generated photos of the activity, in the organisation's collection, as the report form
    stores them (integrity.views.save_report)."""
    access = getattr(report.organization, "access", None)
    for number in range(1, count + 1):
        # One draw from ``rng`` per photo, as ever, so the reports made after it stay the same.
        image = activity_photo(report, 200 + rng.randint(90, 200) % 40, number)
        photo = save_image(
            image,
            f"{report.organization.title} {report.program.title} {number}",
            collection=access.collection if access is not None else None,
            quality=80,
        )
        ReportPhoto.objects.create(report=report, image=photo)


HIGHLIGHTS_PER_MONTH = 2


def share_highlights(programmes):
    """Two organisations a month show their approved report of the last three finished months on
    the portal (with photos), different ones each month; this month two ask to, and wait for the
    committee."""
    rng = random.Random(16)  # its own source: the reports above stay as they were
    *finished, current = programmes
    for step, programme in enumerate(reversed(finished[-3:])):
        approved = list(programme.reports.filter(status=ReportStatus.APPROVED).order_by("pk"))
        start = step * HIGHLIGHTS_PER_MONTH
        for report in approved[start : start + HIGHLIGHTS_PER_MONTH]:
            report.public_highlight = True
            report.save(update_fields=["public_highlight"])
            add_photos(report, rng)
    current.reports.filter(pk__in=current.reports.order_by("pk").values("pk")[:2]).update(
        public_highlight=True
    )
