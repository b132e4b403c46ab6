"""Every site page type has a factory, and each factory makes a page that renders."""

import inspect

import pytest
from wagtail.models import get_page_models

from tests import factories

pytestmark = pytest.mark.django_db


def factory_models():
    return {
        member._meta.model
        for _name, member in inspect.getmembers(factories, inspect.isclass)
        if hasattr(member, "_meta") and getattr(member._meta, "model", None) is not None
    }


def test_every_site_page_type_has_a_factory():
    site_pages = {
        model
        for model in get_page_models()
        if model._meta.app_label in {"home", "disclosure", "integrity", "training"}
        and model.__name__ != "HomePage"  # made by home's data migration, one per site
    }
    assert site_pages - factory_models() == set()


def test_each_factory_makes_a_page_that_renders(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = factories.DisclosureIndexPageFactory(parent=home_page)
    organization = factories.OrganizationPageFactory(parent=index)
    programmes = factories.IntegrityIndexPageFactory(parent=home_page)
    courses = factories.CourseIndexPageFactory(parent=home_page)
    course = factories.CoursePageFactory(parent=courses)
    pages = [
        factories.StandardPageFactory(parent=home_page),
        index,
        organization,
        factories.DisclosurePageFactory(parent=organization),
        programmes,
        factories.MonthlyProgramPageFactory(parent=programmes),
        courses,
        course,
        factories.LessonPageFactory(parent=course),
    ]
    for page in pages:
        page.full_clean()
        assert client.get(page.url).status_code == 200, page
