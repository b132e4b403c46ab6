"""Demo: twelve months of 一月一课一片一实践, with reports from most organisations.

Imported only by `load_demo` (never by the running site); the themes, lessons, films and practices
are in `integrity.demo.data`. The films are short generated clips (a poster and a few seconds of
video), enough to play in the page.
"""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageDraw
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
    for number, month in enumerate(reversed(months)):
        programme = make_programme(index, month, PROGRAMMES[number % len(PROGRAMMES)])
        created += 1 + add_reports(programme, organizations, rng, is_current=month == this_month)
    context.stdout.write(
        _("Integrity programme: %(count)d months with reports.") % {"count": MONTHS}
    )
    return created


def make_programme(index, month, content):
    theme, lesson, speaker, film, minutes, synopsis, practice, kind = content
    label = f"{month.year}年{month.month}月"
    page = MonthlyProgramPage(
        title=f"{label}一课一片一实践",
        month=month,
        theme=theme,
        lesson_title=lesson,
        lesson_speaker=speaker,
        lesson_text=f"<p>本月廉洁课围绕“{theme}”展开，讲解{lesson}，并结合辖区两新组织的实际案例"
        "进行剖析。各党支部可组织党员和管理人员集中学习，也可利用三会一课时间开展。</p>",
        film_title=film,
        film_minutes=minutes,
        film_synopsis=synopsis,
        film_video=make_film(f"{label} {film}"),
        film_poster=make_poster(f"{label} {film}"),
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


def frames(count=20, size=(320, 180)):
    for step in range(count):
        image = PILImage.new("RGB", size, (163, 22, 27))
        draw = ImageDraw.Draw(image)
        draw.ellipse([20 + step * 12, 60, 80 + step * 12, 120], fill=(244, 210, 122))
        yield image


def make_film(title):
    import av  # a development requirement: its wheel carries the ffmpeg libraries

    buffer = io.BytesIO()
    container = av.open(buffer, mode="w", format="webm")
    stream = container.add_stream("libvpx", rate=10)
    stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
    for image in frames():
        for packet in stream.encode(av.VideoFrame.from_image(image)):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    Media = get_media_model()
    media = Media(title=title, type="video", duration=2, width=320, height=180)
    media.file.save("film.webm", ContentFile(buffer.getvalue()), save=False)
    media.save()
    return media


def make_poster(title):
    image = next(frames(1, (640, 360)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    poster = get_image_model()(title=title)
    poster.file.save("poster.png", ContentFile(buffer.getvalue()), save=False)
    poster.width, poster.height = image.size
    poster.save()
    return poster


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


def add_photos(report, rng, count=2):
    """Generated photos of the activity, in the organisation's collection, as the report form
    stores them (integrity.views.save_report)."""
    access = getattr(report.organization, "access", None)
    for number in range(1, count + 1):
        image = PILImage.new("RGB", (800, 600), (rng.randint(90, 200), 60, 50))
        draw = ImageDraw.Draw(image)
        draw.rectangle([120, 380, 680, 560], fill=(244, 210, 122))
        draw.ellipse([300, 80, 500, 280], fill=(240, 240, 235))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=80)
        photo = get_image_model()(
            title=f"{report.organization.title} {report.program.title} {number}"
        )
        photo.file.save("report.jpg", ContentFile(buffer.getvalue()), save=False)
        photo.width, photo.height = image.size
        if access is not None:
            photo.collection = access.collection
        photo.save()
        ReportPhoto.objects.create(report=report, image=photo)
