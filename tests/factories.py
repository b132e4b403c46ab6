"""Factories for every site page type.

Slugs are set explicitly: wagtail-factories' slugify drops Chinese.
"""

import datetime

import factory
import wagtail_factories

from disclosure.models import (
    Audience,
    Category,
    DisclosureIndexPage,
    DisclosurePage,
    Kind,
    OrganizationPage,
    OrganizationType,
)
from home.models import StandardPage
from integrity.models import IntegrityIndexPage, MonthlyProgramPage, PracticeKind
from training.models import CourseAudience, CourseIndexPage, CoursePage, LessonPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"标准页面{n}")
    slug = factory.Sequence(lambda n: f"standard-{n}")
    intro = "一段简介。"

    class Meta:
        model = StandardPage


def credit_code(number, prefix="91430600"):
    from disclosure.validators import credit_code_check_char

    body = f"{prefix}{number:09d}"
    return body + credit_code_check_char(body)


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    title = "信息公开"
    slug = "disclosures"

    class Meta:
        model = DisclosureIndexPage


class OrganizationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"南湖测试{n}科技有限公司")
    slug = factory.Sequence(lambda n: f"org-{n}")
    org_type = OrganizationType.ENTERPRISE
    credit_code = factory.Sequence(credit_code)
    branch_name = factory.LazyAttribute(lambda o: f"{o.title}党支部")
    secretary = "张三"
    member_count = 12

    class Meta:
        model = OrganizationPage


def category(kind=Kind.PARTY, name=None):
    categories = Category.objects.filter(kind=kind)
    return categories.get(name=name) if name else categories.first()


class DisclosurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"公开事项{n}")
    slug = factory.Sequence(lambda n: f"item-{n}")
    kind = Kind.PARTY
    category = factory.LazyAttribute(lambda o: category(o.kind))
    audience = Audience.PUBLIC
    summary = "一段摘要。"

    class Meta:
        model = DisclosurePage


class IntegrityIndexPageFactory(wagtail_factories.PageFactory):
    title = "清廉教育"
    slug = "integrity"

    class Meta:
        model = IntegrityIndexPage


def month_number(n):
    """The n-th month from January 2025, as its first day."""
    return datetime.date(2025 + n // 12, n % 12 + 1, 1)


class MonthlyProgramPageFactory(wagtail_factories.PageFactory):
    """A programme complete enough to publish (the poster is a real small image)."""

    month = factory.Sequence(month_number)
    title = factory.LazyAttribute(lambda o: f"{o.month.year}年{o.month.month}月一课一片一实践")
    theme = "守住底线"
    lesson_title = "廉洁风险点"
    lesson_speaker = "李明"
    lesson_text = "<p>讲课内容。</p>"
    film_title = "一念之差"
    film_url = "https://video.example/film.webm"
    film_minutes = 28
    film_synopsis = "一个关于回扣的故事。"
    film_poster = factory.LazyFunction(lambda: make_image("海报", "poster.png"))
    practice_title = "廉洁风险自查"
    practice_kind = PracticeKind.SEMINAR
    practice_guidance = "<p>请组织开展。</p>"
    practice_start = factory.LazyAttribute(lambda o: o.month.replace(day=5))
    practice_end = factory.LazyAttribute(lambda o: o.month.replace(day=25))

    class Meta:
        model = MonthlyProgramPage


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "学习培训"
    slug = "training"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"课程{n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    audience = CourseAudience.ALL

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"第{n}课")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    body = factory.LazyAttribute(lambda o: [("paragraph", f"<p>{o.title}</p>")])

    class Meta:
        model = LessonPage


def make_image(title, filename="photo.png", collection=None):
    """A saved Wagtail image of a small real PNG, uploaded as ``filename``."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 3), (200, 10, 10)).save(buffer, format="PNG")
    image = get_image_model()(title=title, **({"collection": collection} if collection else {}))
    image.file.save(filename, ContentFile(buffer.getvalue()), save=False)
    image.width, image.height = 4, 3
    image.save()
    return image
