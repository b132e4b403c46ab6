"""The portal home page's sections filled by the apps: practice highlights (only what an
organisation chose to show, once approved, of organisations everyone may see), the chart of
disclosures per month (public ones only), this month's programme with its poster, and a number
of queries that does not grow with the content."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import PageViewRestriction
from wagtailmedia.models import get_media_model

from disclosure.models import Audience, DisclosurePage, Kind
from disclosure.wagtail_hooks import last_months
from home.sections import SLOTS
from integrity.models import PracticeReport, ReportPhoto, ReportStatus
from integrity.wagtail_hooks import HIGHLIGHT_PHOTO, PORTAL_HIGHLIGHTS
from tests.factories import (
    IntegrityIndexPageFactory,
    MonthlyProgramPageFactory,
    OrganizationPageFactory,
    make_image,
)

pytestmark = pytest.mark.django_db

EMPTY_HIGHLIGHTS = next(slot.empty_message for slot in SLOTS if slot.key == "highlights")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def integrity_index(home_page):
    return IntegrityIndexPageFactory(parent=home_page)


def publish_programme(index, month):
    page = MonthlyProgramPageFactory(parent=index, month=month)
    page.save_revision().publish()
    return page


@pytest.fixture
def last_month(integrity_index):
    """Last month's programme: its practice is over and its reports reviewed."""
    return publish_programme(integrity_index, last_months(2)[0])


def make_report(programme, organization, status=ReportStatus.APPROVED, public=True, photos=2):
    report = PracticeReport.objects.create(
        organization=organization,
        program=programme,
        held_on=programme.practice_start,
        attendance=12,
        summary="组织党员开展实践活动。",
        status=status,
        public_highlight=public,
    )
    for number in range(1, photos + 1):
        image = make_image(f"现场{number}", collection=organization.access.collection)
        ReportPhoto.objects.create(report=report, image=image)
    return report


def section_html(html, key):
    """The HTML of one portal section."""
    return html.split(f"portal__section--{key}")[1].split("</section>")[0]


def served_to_anonymous(client, image):
    return client.get(image.get_rendition(HIGHLIGHT_PHOTO).url).status_code == 200


def hide(place, org, programme, index_page):
    """Put the organisation (or the month's programme) where not everyone may see it."""
    if place == "organisation for members only":
        PageViewRestriction.objects.create(page=org, restriction_type=PageViewRestriction.LOGIN)
    elif place == "organisation in a members' section":
        PageViewRestriction.objects.create(
            page=index_page, restriction_type=PageViewRestriction.LOGIN
        )
    elif place == "organisation unpublished":
        org.unpublish()
    elif place == "programme for members only":
        PageViewRestriction.objects.create(
            page=programme, restriction_type=PageViewRestriction.LOGIN
        )


# (status, marked by the organisation to be shown, where it is, shown on the portal)
HIGHLIGHT_CASES = [
    (ReportStatus.APPROVED, True, "everyone's", True),
    (ReportStatus.APPROVED, False, "everyone's", False),
    (ReportStatus.SUBMITTED, True, "everyone's", False),
    (ReportStatus.RETURNED, True, "everyone's", False),
    (ReportStatus.APPROVED, True, "organisation for members only", False),
    (ReportStatus.APPROVED, True, "organisation in a members' section", False),
    (ReportStatus.APPROVED, True, "organisation unpublished", False),
    (ReportStatus.APPROVED, True, "programme for members only", False),
]


@pytest.mark.parametrize(("status", "public", "place", "shown"), HIGHLIGHT_CASES)
def test_highlights_show_only_approved_reports_an_organisation_shares(
    client, index_page, org, last_month, status, public, place, shown
):
    report = make_report(last_month, org, status=status, public=public)
    first, second = [photo.image for photo in report.photos.order_by("pk")]
    hide(place, org, last_month, index_page)

    html = client.get("/").content.decode()
    highlights = section_html(html, "highlights")
    assert (org.title in highlights) is shown
    assert (escape(str(EMPTY_HIGHLIGHTS)) in highlights) is not shown
    assert (PracticeReport.objects.highlights().filter(pk=report.pk).exists()) is shown
    # The photo the portal shows is served to everyone; the others stay the organisation's.
    assert served_to_anonymous(client, first) is shown
    assert not served_to_anonymous(client, second)


def test_a_highlight_shows_its_photo_organisation_and_month(client, org, last_month):
    report = make_report(last_month, org)
    html = section_html(client.get("/").content.decode(), "highlights")
    rendition = report.photos.order_by("pk").first().image.get_rendition(HIGHLIGHT_PHOTO)
    assert f'src="{rendition.url}"' in html
    assert f'width="{rendition.width}" height="{rendition.height}"' in html
    assert 'loading="lazy"' in html
    assert f'href="{org.url}"' in html
    assert f'href="{last_month.url}#practice-title"' in html
    assert last_month.practice_title in html
    assert f"{last_month.month.year}年{last_month.month.month}月" in html
    assert "original_images" not in html  # renditions only


def test_a_report_without_photos_is_not_a_highlight(client, org, last_month):
    make_report(last_month, org, photos=0)
    html = section_html(client.get("/").content.decode(), "highlights")
    assert org.title not in html


def test_an_approved_highlights_photo_is_public_at_once(client, org, last_month, admin_user):
    report = make_report(last_month, org, status=ReportStatus.SUBMITTED)
    photo = report.photos.order_by("pk").first().image
    assert not served_to_anonymous(client, photo)  # and that verdict is cached
    assert report.approve(admin_user)
    assert served_to_anonymous(client, photo)


def test_the_latest_highlights_come_first_and_no_more_than_fit(client, integrity_index, org):
    months = last_months(4)[:3]
    organisations = [org] + [OrganizationPageFactory(parent=org.get_parent()) for _ in range(1)]
    for month in months:
        programme = publish_programme(integrity_index, month)
        for organisation in organisations:
            make_report(programme, organisation, photos=1)
    html = section_html(client.get("/").content.decode(), "highlights")
    assert html.count('class="highlight"') == PORTAL_HIGHLIGHTS
    labels = re.findall(r"(\d{4})年(\d{1,2})月", html)
    shown = [datetime.date(int(year), int(month), 1) for year, month in labels]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] == months[-1]


# ---- the chart of disclosures per month --------------------------------------------------


def chart_rows(html):
    """The chart's text alternative: {month label: count}, in order."""
    table = section_html(html, "figures").split('<div class="visually-hidden"><table>')[1]
    return dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table))


def month_label(month):
    return f"{month.year}年{month.month}月"


def test_chart_counts_only_public_disclosures_per_month(client, org, other_org, make_disclosure):
    months = last_months(12)
    previous, this = months[-2], months[-1]
    make_disclosure(published_on=previous.replace(day=3))
    make_disclosure(published_on=previous.replace(day=9), kind=Kind.ENTERPRISE)
    make_disclosure(published_on=this)
    # Not counted: for employees only, withdrawn, of an organisation for members only, too old.
    make_disclosure(published_on=previous.replace(day=4), audience=Audience.ORGANIZATION)
    withdrawn = make_disclosure(published_on=previous.replace(day=5))
    DisclosurePage.objects.filter(pk=withdrawn.pk).update(
        withdrawn_at=timezone.now(), withdrawal_reason="填报有误", withdrawal_kind="withdrawn"
    )
    PageViewRestriction.objects.create(page=other_org, restriction_type=PageViewRestriction.LOGIN)
    make_disclosure(parent=other_org, published_on=previous.replace(day=6))
    make_disclosure(published_on=months[0] - datetime.timedelta(days=1))

    rows = chart_rows(client.get("/").content.decode())
    assert list(rows) == [month_label(month) for month in months]
    expected = {month_label(month): "0" for month in months}
    expected.update({month_label(previous): "2", month_label(this): "1"})
    assert rows == expected


def test_the_chart_stays_away_without_recent_disclosures(client, org, make_disclosure):
    make_disclosure(published_on=last_months(12)[0] - datetime.timedelta(days=40))
    figures = section_html(client.get("/").content.decode(), "figures")
    assert 'class="figures"' in figures
    assert 'class="chart"' not in figures


def test_chart_bars_are_drawn_to_scale(client, org, make_disclosure):
    previous, this = last_months(2)
    for day in (2, 3, 4, 5):
        make_disclosure(published_on=previous.replace(day=day))
    make_disclosure(published_on=this)
    figures = section_html(client.get("/").content.decode(), "figures")
    heights = re.findall(r'<rect x="[\d.]+" y="(\d+)" width="[\d.]+" height="(\d+)"/>', figures)
    assert heights[-2:] == [("0", "100"), ("75", "25")]
    assert set(heights[:-2]) == {("100", "0")}


# ---- this month's programme ------------------------------------------------------------------


def test_this_months_programme_shows_its_poster_and_practice(client, integrity_index):
    Media = get_media_model()
    film = Media(title="片", type="video", duration=2, width=320, height=180)
    film.file.save("film.webm", ContentFile(b"\x1a\x45\xdf\xa3"), save=False)
    film.save()
    programme = MonthlyProgramPageFactory(
        parent=integrity_index, month=last_months(1)[0], film_video=film, film_minutes=28
    )
    programme.save_revision().publish()

    html = section_html(client.get("/").content.decode(), "integrity")
    poster = programme.film_poster.get_rendition("max-320x480")
    image = re.search(r"<img [^>]*>", html).group(0)
    assert f'src="{poster.url}"' in image
    assert f'width="{poster.width}" height="{poster.height}"' in image
    assert 'loading="lazy"' in image
    assert programme.film_title in re.search(r'alt="([^"]+)"', image).group(1)
    # The film's length is the file's own (two seconds), not the 28 minutes typed.
    with translation.override("zh-hans"):
        assert escape(programme.film_length) in html
        assert "28 分钟" not in html and "28 min" not in html
    assert programme.practice_title in html
    assert f'href="{programme.url}#practice-title"' in html
    assert f'href="{programme.url}"' in html


@pytest.mark.parametrize(
    ("duration", "minutes", "expected"),
    [(2, 28, "2 seconds"), (1, None, "1 second"), (1710, 5, "28 min"), (0, 28, "28 min")],
)
def test_a_films_length_is_the_files_own_when_known(integrity_index, duration, minutes, expected):
    Media = get_media_model()
    film = Media(title="片", type="video", duration=duration)
    film.file.save("film.webm", ContentFile(b"\x1a\x45\xdf\xa3"), save=False)
    film.save()
    programme = MonthlyProgramPageFactory.build(film_video=film, film_minutes=minutes)
    with translation.override("en"):
        assert programme.film_length == expected


# ---- query count -------------------------------------------------------------------------


def home_page_queries(client):
    client.get("/")  # the first view makes the photos' renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_home_page_queries_do_not_grow_with_disclosures_and_highlights(
    client, org, integrity_index, make_disclosure
):
    months = last_months(7)[:6]
    programmes = [publish_programme(integrity_index, month) for month in months]
    make_disclosure(published_on=months[0])
    make_report(programmes[0], org, photos=1)
    few = home_page_queries(client)

    others = [OrganizationPageFactory(parent=org.get_parent()) for _ in range(3)]
    for number, month in enumerate(months):
        for organisation in [org, *others]:
            make_disclosure(parent=organisation, published_on=month.replace(day=2 + number))
            if (organisation, number) != (org, 0):
                make_report(programmes[number], organisation)
    many = home_page_queries(client)
    assert many == few
