"""Demo: twelve months of 一月一课一片一实践, with reports from most organisations.

The themes, lessons, films and practices are written for this demo; the films are short generated
clips (a poster and a few seconds of video), enough to play in the page.
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

from disclosure.models import Membership, OrganizationPage, Role
from home.demo import add_section_index
from integrity.models import (
    IntegrityIndexPage,
    MonthlyProgramPage,
    PracticeKind,
    PracticeReport,
    ReportStatus,
)

MONTHS = 12
# (theme, lesson title, speaker, film title, minutes, synopsis, practice title, kind)
PROGRAMMES = [
    (
        "守住底线，清廉经营",
        "民营企业常见廉洁风险点",
        "区纪工委 李明",
        "一念之差",
        28,
        "某建材企业采购经理收受供应商回扣，从一次“人情往来”走到身陷囹圄。",
        "廉洁风险自查",
        PracticeKind.SEMINAR,
    ),
    (
        "亲清政商关系",
        "如何与职能部门打交道",
        "区营商办 王芳",
        "清白之路",
        32,
        "讲述一家物流企业坚持依法经营、拒绝“捷径”，最终赢得市场的故事。",
        "政企沟通规范学习会",
        PracticeKind.SEMINAR,
    ),
    (
        "家风与廉洁",
        "好家风是最好的防火墙",
        "区妇联 赵丽",
        "家书",
        25,
        "一封家书唤醒迷途之人，警示家庭助廉的重要作用。",
        "廉洁家书征集",
        PracticeKind.PLEDGE,
    ),
    (
        "财务合规",
        "发票、报销与资金往来的红线",
        "注册会计师 孙强",
        "账本里的秘密",
        30,
        "一家商贸公司财务人员挪用资金案件的始末。",
        "财务制度对照检查",
        PracticeKind.SEMINAR,
    ),
    (
        "诚信纳税",
        "偷逃税款的法律后果",
        "区税务局 陈刚",
        "代价",
        27,
        "以真实案例改编，展现偷逃税款对企业和个人造成的严重后果。",
        "参观税法宣传教育基地",
        PracticeKind.VISIT,
    ),
    (
        "工程建设领域廉洁",
        "招投标中的廉洁要求",
        "区住建局 刘洋",
        "围标",
        35,
        "揭示工程招投标中围标串标的危害。",
        "项目现场廉洁承诺",
        PracticeKind.PLEDGE,
    ),
    (
        "党员先锋作用",
        "党员在企业中的示范带头",
        "区两新工委 周华",
        "初心",
        29,
        "一名党员车间主任拒绝利益输送、带头攻坚的故事。",
        "党员示范岗志愿服务",
        PracticeKind.VOLUNTEER,
    ),
    (
        "警钟长鸣",
        "典型案例剖析",
        "区纪工委 李明",
        "悔",
        31,
        "多名违纪违法人员现身说法。",
        "参观廉政教育基地",
        PracticeKind.VISIT,
    ),
    (
        "数字时代的廉洁",
        "网络交易与数据合规",
        "律师 吴静",
        "看不见的交易",
        26,
        "网络平台上的不正当交易如何被查处。",
        "网络安全与廉洁专题研讨",
        PracticeKind.SEMINAR,
    ),
    (
        "廉洁文化进企业",
        "把清廉写进企业章程",
        "区工商联 郑伟",
        "章程里的底线",
        24,
        "一家民营企业修订章程、建立清廉制度的实践。",
        "清廉制度上墙",
        PracticeKind.OTHER,
    ),
    (
        "服务群众",
        "社会组织的公益初心",
        "区民政局 冯敏",
        "守望",
        28,
        "社工机构坚守公益、拒绝套取项目资金的故事。",
        "社区志愿服务",
        PracticeKind.VOLUNTEER,
    ),
    (
        "年终回顾",
        "一年来清廉建设的成效与不足",
        "区两新工委 周华",
        "答卷",
        30,
        "回顾全区两新组织清廉建设一年来的变化。",
        "年度廉洁承诺与总结",
        PracticeKind.PLEDGE,
    ),
]


def load_integrity_demo(stdout, options):
    if IntegrityIndexPage.objects.exists():
        return 0
    index = add_section_index(
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
    created = 1
    for number, month in enumerate(reversed(months)):
        programme = make_programme(index, month, PROGRAMMES[number % len(PROGRAMMES)])
        created += 1 + add_reports(programme, rng, is_current=month == this_month)
    stdout.write(_("Integrity programme: %(count)d months with reports.") % {"count": MONTHS})
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


def add_reports(programme, rng, is_current):
    """Most organisations report; a few are returned; some have not reported yet."""
    organizations = list(OrganizationPage.objects.live().order_by("path"))
    share = 0.4 if is_current else 0.85
    created = 0
    for organization in organizations:
        if rng.random() > share:
            continue
        editor = Membership.objects.filter(organization=organization, role=Role.EDITOR).first()
        returned = rng.random() < 0.1
        held_on = programme.practice_start + datetime.timedelta(days=rng.randint(0, 15))
        PracticeReport.objects.create(
            organization=organization,
            program=programme,
            held_on=held_on,
            attendance=rng.randint(6, 40),
            summary=f"{organization.title}党支部组织开展“{programme.practice_title}”，"
            "党员和管理人员参加，会后交流了学习体会。",
            status=ReportStatus.RETURNED
            if returned
            else (ReportStatus.SUBMITTED if is_current else ReportStatus.APPROVED),
            reviewer_comment="请补充活动照片和签到表。" if returned else "",
            submitted_by=editor.user if editor else None,
        )
        created += 1
    return created
