"""Pages titled in Chinese get readable pinyin slugs; editors' own slugs are kept."""

import pytest

from home.models import StandardPage
from home.slugs import pinyin_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("公开指南", "gong-kai-zhi-nan"),
        ("关于本站", "guan-yu-ben-zhan"),
        (
            "2026年第三季度党费收缴使用情况",
            "2026-nian-di-san-ji-du-dang-fei-shou-jiao-shi-yong-qing-kuang",
        ),
        ("ISO9001 质量体系", "iso9001-zhi-liang-ti-xi"),
        ("黨務公開", "dang-wu-gong-kai"),
        ("２０２６", "page-2026"),
        ("2026", "page-2026"),
        ("——", "page"),
        ("", "page"),
        ("《三会一课》制度！", "san-hui-yi-ke-zhi-du"),
    ],
)
def test_pinyin_slug(text, slug):
    assert pinyin_slug(text) == slug


def test_long_titles_are_cut_at_a_syllable():
    slug = pinyin_slug("关于" * 60)
    assert len(slug) <= 80
    assert slug.endswith(("guan", "yu"))


def add_page(parent, **fields):
    page = StandardPage(**fields)
    parent.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_chinese_title_gets_pinyin_slug(home_page):
    page = add_page(home_page, title="公开指南")
    assert page.slug == "gong-kai-zhi-nan"
    assert page.url == "/gong-kai-zhi-nan/"


@pytest.mark.django_db
def test_chinese_slug_from_the_admin_script_becomes_pinyin(home_page):
    # Wagtail's admin fills the slug from the title as Chinese; it is converted on save.
    page = add_page(home_page, title="关于本站", slug="关于本站")
    assert page.slug == "guan-yu-ben-zhan"


@pytest.mark.django_db
def test_editor_slug_is_kept(home_page):
    page = add_page(home_page, title="公开指南", slug="guide")
    assert page.slug == "guide"


@pytest.mark.django_db
def test_numeric_title_never_gives_a_numeric_slug(home_page):
    page = add_page(home_page, title="2026")
    assert page.slug == "page-2026"


@pytest.mark.django_db
def test_same_title_twice_gets_a_unique_slug(home_page):
    first = add_page(home_page, title="工作计划")
    second = add_page(home_page, title="工作计划")
    assert first.slug == "gong-zuo-ji-hua"
    assert second.slug == "gong-zuo-ji-hua-2"


@pytest.mark.django_db
def test_admin_create_form_gives_pinyin_slug(admin_client, home_page):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        nested_form_data(
            {
                "title": "党务公开目录",
                "slug": "党务公开目录",  # what the admin's title-to-slug script fills in
                "intro": "",
                "body": streamfield([]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(title="党务公开目录")
    assert page.slug == "dang-wu-gong-kai-mu-lu"
    assert page.live
