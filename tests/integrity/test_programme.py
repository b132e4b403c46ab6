"""The monthly programme: one lesson, one film, one practice; and the branches' reports."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image as PILImage
from wagtail.images import get_image_model

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from home.exports import HEADER_ROW
from integrity.models import (
    MonthlyProgramPage,
    PracticeKind,
    PracticeReport,
    ReportStatus,
)
from tests.factories import IntegrityIndexPageFactory

pytestmark = pytest.mark.django_db


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 10, 10)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def after_the_practice():
    """A report may not be dated after today: these tests run on the 28th of this month, after
    the practice window (the 5th to the 25th), so a report of the 7th is never in the future."""
    noon = datetime.datetime.combine(
        timezone.localdate().replace(day=28), datetime.time(12), timezone.get_current_timezone()
    )
    with time_machine.travel(noon, tick=True):
        yield


@pytest.fixture
def integrity_index(home_page):
    return IntegrityIndexPageFactory(parent=home_page)


@pytest.fixture
def poster(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = get_image_model()(title="海报")
    image.file.save("poster.png", png(), save=False)
    image.width, image.height = 40, 30
    image.save()
    return image


def complete(month, poster, **fields):
    values = {
        "title": f"{month.year}年{month.month}月一课一片一实践",
        "month": month,
        "theme": "守住底线",
        "lesson_title": "廉洁风险点",
        "lesson_speaker": "李明",
        "lesson_text": "<p>讲课内容。</p>",
        "film_title": "一念之差",
        "film_url": "https://video.example/film.webm",
        "film_minutes": 28,
        "film_synopsis": "一个关于回扣的故事。",
        "film_poster": poster,
        "practice_title": "廉洁风险自查",
        "practice_kind": PracticeKind.SEMINAR,
        "practice_guidance": "<p>请组织开展。</p>",
        "practice_start": month.replace(day=5),
        "practice_end": month.replace(day=25),
    }
    values.update(fields)
    return MonthlyProgramPage(**values)


@pytest.fixture
def this_month():
    return timezone.localdate().replace(day=1)


@pytest.fixture
def programme(integrity_index, poster, this_month):
    page = complete(this_month, poster)
    integrity_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_month_is_the_address(programme, this_month):
    assert programme.url == f"/integrity/{this_month:%Y-%m}/"


@pytest.mark.parametrize("path", ["/integrity/2026-13/", "/integrity/abc/", "/integrity/2026-1/x/"])
def test_bad_months_are_404(client, programme, path):
    assert client.get(path).status_code == 404


def test_a_second_programme_for_a_month_is_refused(integrity_index, programme, poster, this_month):
    duplicate = complete(this_month.replace(day=15), poster, title="重复")
    with pytest.raises(ValidationError) as error:
        integrity_index.add_child(instance=duplicate)
    assert "已有" in str(error.value) or "already" in str(error.value)


def test_publishing_needs_all_three_parts(integrity_index, poster):
    month = datetime.date(2025, 3, 1)
    draft = complete(month, poster, film_url="", film_poster=None, practice_title="", live=False)
    integrity_index.add_child(instance=draft)  # a draft may be incomplete
    with pytest.raises(ValidationError) as error:
        draft.save_revision().publish()
    assert {"film_video", "film_poster", "practice_title"} <= set(error.value.message_dict)
    assert not MonthlyProgramPage.objects.get(pk=draft.pk).live


def test_index_shows_this_month_first_or_the_latest(client, integrity_index, poster, this_month):
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    older = complete(last_month, poster, theme="上月主题")
    integrity_index.add_child(instance=older)
    older.save_revision().publish()
    html = client.get("/integrity/").content.decode()
    assert "上月主题" in html and "本月活动尚未发布" in html
    current = complete(this_month, poster, theme="本月主题")
    integrity_index.add_child(instance=current)
    current.save_revision().publish()
    response = client.get("/integrity/")
    assert response.context["current"].pk == current.pk
    assert "本月活动尚未发布" not in response.content.decode()


def test_home_page_shows_this_months_programme(client, programme):
    assert "廉洁风险自查" in client.get("/").content.decode()


def test_film_plays_in_the_page(client, programme):
    html = client.get(programme.url).content.decode()
    assert "<video" in html and "controls" in html and "poster=" in html
    assert 'src="https://video.example/film.webm"' in html


@pytest.fixture
def editor(django_user_model, org):
    user = django_user_model.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organization=org, role=Role.EDITOR)
    return user


def report_data(programme, org, **changes):
    data = {
        "organization": org.slug,
        "held_on": (programme.practice_start + datetime.timedelta(days=2)).isoformat(),
        "held_on_note": "",
        "attendance": "18",
        "attendee_names": "",
        "summary": "组织党员开展廉洁风险自查。",
    }
    data.update(changes)
    return data


def test_report_needs_login_and_an_editor(client, programme, django_user_model, org):
    url = reverse("integrity:report", args=[programme.pk])
    assert client.get(url).status_code == 302
    reader = django_user_model.objects.create_user("reader", password="x")
    Membership.objects.create(user=reader, organization=org, role=Role.EMPLOYEE)
    client.force_login(reader)
    assert client.get(url).status_code == 403


def test_editor_files_a_report_with_photos(client, programme, editor, org, poster):
    client.force_login(editor)
    data = report_data(programme, org, photos=[png("a.png"), png("b.png")])
    response = client.post(reverse("integrity:report", args=[programme.pk]), data)
    assert response.status_code == 302
    report = PracticeReport.objects.get()
    assert (report.organization, report.status, report.attendance) == (org, "submitted", 18)
    assert report.photos.count() == 2
    assert report.photos.first().image.collection == org.access.collection


def test_a_second_report_is_refused_and_nothing_is_overwritten(client, programme, editor, org):
    client.force_login(editor)
    client.post(reverse("integrity:report", args=[programme.pk]), report_data(programme, org))
    response = client.post(
        reverse("integrity:report", args=[programme.pk]),
        report_data(programme, org, summary="改写的内容"),
    )
    assert "已经报送" in response.content.decode()
    assert PracticeReport.objects.get().summary == "组织党员开展廉洁风险自查。"


def test_a_report_for_another_organisation_is_403(client, programme, editor, other_org):
    client.force_login(editor)
    response = client.post(
        reverse("integrity:report", args=[programme.pk]), report_data(programme, other_org)
    )
    assert response.status_code == 403
    assert not PracticeReport.objects.exists()


def test_held_outside_the_window_needs_an_explanation(client, programme, editor, org):
    client.force_login(editor)
    late = (programme.practice_end + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("integrity:report", args=[programme.pk]), report_data(programme, org, held_on=late)
    )
    assert response.status_code == 200 and not PracticeReport.objects.exists()
    assert "说明" in response.content.decode()
    response = client.post(
        reverse("integrity:report", args=[programme.pk]),
        report_data(programme, org, held_on=late, held_on_note="因防汛推迟"),
    )
    assert response.status_code == 302


def test_files_that_are_not_images_are_refused(client, programme, editor, org):
    client.force_login(editor)
    fake = SimpleUploadedFile("report.png", b"not an image", content_type="image/png")
    response = client.post(
        reverse("integrity:report", args=[programme.pk]), report_data(programme, org, photos=[fake])
    )
    assert response.status_code == 200
    assert "report.png" in response.content.decode()
    assert not PracticeReport.objects.exists()


def test_returned_report_is_corrected_and_resubmitted(client, programme, editor, org):
    client.force_login(editor)
    client.post(reverse("integrity:report", args=[programme.pk]), report_data(programme, org))
    PracticeReport.objects.update(status=ReportStatus.RETURNED, reviewer_comment="请补充照片。")
    html = client.get(programme.url).content.decode()
    assert "请补充照片。" in html
    response = client.post(
        reverse("integrity:report", args=[programme.pk]),
        report_data(programme, org, summary="补充后的报告"),
    )
    assert response.status_code == 302
    report = PracticeReport.objects.get()
    assert (report.status, report.summary) == (ReportStatus.SUBMITTED, "补充后的报告")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(moderators_group())  # given its rights on migrate
    return user


def test_participation_figures_and_export(client, programme, editor, org, other_org, moderator):
    client.force_login(editor)
    client.post(reverse("integrity:report", args=[programme.pk]), report_data(programme, org))
    client.logout()
    html = client.get(programme.url).content.decode()
    assert "参与率 50.0%" in html  # 1 of 2 organisations, the public sees the rate only
    assert other_org.title not in html
    client.force_login(editor)
    assert client.get(reverse("integrity:participation", args=[programme.pk])).status_code == 403
    client.force_login(moderator)
    html = client.get(programme.url).content.decode()
    assert other_org.title in html and "未报送" in html
    response = client.get(reverse("integrity:participation", args=[programme.pk]))
    lines = response.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("单位")
    assert any(other_org.title in line and "未报送" in line for line in lines)


def test_participation_as_xlsx_has_real_dates_and_numbers(
    client, programme, editor, org, other_org, moderator
):
    client.force_login(editor)
    client.post(reverse("integrity:report", args=[programme.pk]), report_data(programme, org))
    client.force_login(moderator)
    assert "participation/?format=xlsx" in client.get(programme.url).content.decode()
    response = client.get(
        reverse("integrity:participation", args=[programme.pk]), {"format": "xlsx"}
    )
    assert f"participation-{programme.slug}.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=HEADER_ROW + 1)}
    held_on, attendance = rows[org.title][2], rows[org.title][3]
    assert held_on.is_date and held_on.value.date() == programme.practice_start.replace(day=7)
    assert attendance.value == 18
    assert rows[other_org.title][1].value == "未报送" and rows[other_org.title][2].value is None
    assert (
        client.get(
            reverse("integrity:participation", args=[programme.pk]), {"format": "pdf"}
        ).status_code
        == 404
    )


def test_moderator_returns_a_report_in_the_admin(client, programme, editor, org, moderator):
    client.force_login(editor)
    client.post(reverse("integrity:report", args=[programme.pk]), report_data(programme, org))
    report = PracticeReport.objects.get()
    client.force_login(moderator)
    url = f"/admin/snippets/integrity/practicereport/edit/{report.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "returned", "reviewer_comment": ""})
    assert response.status_code == 200  # a return needs a comment
    client.post(url, {"status": "returned", "reviewer_comment": "请补充签到表。"})
    report.refresh_from_db()
    assert (report.status, report.reviewer_comment) == ("returned", "请补充签到表。")
    assert report.reviewed_by == moderator


def test_film_uploads_past_the_limit_are_refused_clearly(admin_client, settings, tmp_path):
    from wagtailmedia.models import get_media_model

    settings.MEDIA_ROOT = tmp_path
    settings.FILM_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("film.webm", b"\x1a\x45\xdf\xa3" + b"0" * (1024 * 1024 + 10))
    response = admin_client.post(
        "/admin/media/video/add/", {"title": "超大影片", "file": big, "collection": 1}
    )
    assert response.status_code == 200
    assert "最多 1 MB" in response.content.decode()
    assert not get_media_model().objects.filter(title="超大影片").exists()
    small = SimpleUploadedFile("film.webm", b"\x1a\x45\xdf\xa3" + b"0" * 100)
    admin_client.post(
        "/admin/media/video/add/", {"title": "小影片", "file": small, "collection": 1}
    )
    assert get_media_model().objects.filter(title="小影片").exists()


def test_copying_a_programme_drafts_the_next_free_month(admin_client, programme, this_month):
    """One programme a month: a copy (how next month's is started) lands on the next month
    without one, as a draft at that month's address; never a server error."""
    url = f"/admin/pages/{programme.pk}/copy/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "new_title": "下月清廉课",
            "new_slug": "copy",
            "new_parent_page": programme.get_parent().pk,
        },
    )
    assert response.status_code == 302
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
    copy = MonthlyProgramPage.objects.get(month=next_month)
    assert not copy.live and copy.slug == next_month.strftime("%Y-%m")
    assert copy.title == "下月清廉课"
    again = programme.copy(update_attrs={"title": "再下月"})
    assert again.month == (next_month + datetime.timedelta(days=32)).replace(day=1)
