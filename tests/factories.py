"""Factories for page types. Slugs are set explicitly: wagtail-factories' slugify drops Chinese."""

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
