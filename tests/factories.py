"""Factories for page types. Slugs are set explicitly: wagtail-factories' slugify drops Chinese."""

import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"标准页面{n}")
    slug = factory.Sequence(lambda n: f"standard-{n}")
    intro = "一段简介。"

    class Meta:
        model = StandardPage
