"""Training reports: figures per organisation and course, overdue learners, who sees what."""

import codecs
import csv
import datetime
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.access import moderators_group
from disclosure.models import Membership, Role
from disclosure.roles import managed_organizations
from home.exports import HEADER_ROW
from tests.factories import OrganizationPageFactory
from training.models import (
    Attempt,
    CourseAudience,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    Question,
)
from training.progress import enrol, learner_for, mark_read
from training.reports import overdue_rows, report_rows, totals

pytestmark = pytest.mark.django_db

PAGE = reverse("training_reports")
CSV = reverse("training_reports_csv")
XLSX = reverse("training_reports_xlsx")


@pytest.fixture
def catalogue(home_page):
    """A required course with two lessons and an exam, and an elective of one lesson without."""
    index = CourseIndexPage(title="学习培训", slug="training")
    home_page.add_child(instance=index)
    required = CoursePage(
        title="党风廉政建设知识",
        slug="lian-zheng",
        required=True,
        hours=4,
        audience=CourseAudience.ALL,
    )
    index.add_child(instance=required)
    for number in range(2):
        required.add_child(instance=LessonPage(title=f"必修第{number}课", slug=f"bixiu-{number}"))
    Question.objects.create(course=required, text="廉洁自律的底线是什么？")
    elective = CoursePage(title="企业合规经营", slug="he-gui", required=False, hours=2)
    index.add_child(instance=elective)
    elective.add_child(instance=LessonPage(title="合规要点", slug="he-gui-1"))
    return {"index": index, "required": required, "elective": elective}


@pytest.fixture
def member(django_user_model):
    def make(username, organization, role=Role.PARTY_MEMBER, name=("", "")):
        last, first = name
        user = django_user_model.objects.create_user(
            username, password="unused", last_name=last, first_name=first
        )
        Membership.objects.create(user=user, organization=organization, role=role)
        return user

    return make


def enrolment_of(user, course):
    return Enrolment.objects.get(learner__user=user, course=course)


def attempt(enrolment, number, passed):
    return Attempt.objects.create(
        enrolment=enrolment,
        number=number,
        passed=passed,
        score=100 if passed else 40,
        finished_at=timezone.now(),
    )


def read_all(enrolment, course):
    for lesson in course.lessons():
        mark_read(enrolment, lesson)


def make_overdue(user, course, days=5):
    Enrolment.objects.filter(learner__user=user, course=course).update(
        due_on=timezone.localdate() - timedelta(days=days)
    )


@pytest.fixture
def people(catalogue, member, org, other_org):
    """Org 甲: an editor, one who passed and completed, one overdue half-way, one who took the
    elective. Org 乙: one who passed and completed, one who failed and is overdue."""
    required, elective = catalogue["required"], catalogue["elective"]
    editor = member("bianji", org, Role.EDITOR, name=("王", "编辑"))

    passer = member("tongguo", org, name=("钱", "通过"))
    enrolment = enrolment_of(passer, required)
    attempt(enrolment, 1, passed=False)
    attempt(enrolment, 2, passed=True)  # counted once
    read_all(enrolment, required)

    late = member("yuqi", org, name=("李", "逾期"))
    mark_read(enrolment_of(late, required), required.lessons().first())
    make_overdue(late, required)

    chooser = member("xuanxiu", org, Role.EMPLOYEE, name=("孙", "选修"))
    read_all(enrol(learner_for(chooser), elective)[0], elective)

    other_passer = member("yi-tongguo", other_org, name=("周", "乙通过"))
    enrolment = enrolment_of(other_passer, required)
    attempt(enrolment, 1, passed=True)
    read_all(enrolment, required)

    other_late = member("yi-yuqi", other_org, name=("赵", "乙逾期"))
    attempt(enrolment_of(other_late, required), 1, passed=False)
    make_overdue(other_late, required, days=12)

    moderator = member("weiyuan", other_org, Role.EMPLOYEE, name=("吴", "委员"))
    moderator.groups.add(moderators_group())
    Enrolment.objects.filter(learner__user=moderator).delete()  # not a learner in the figures
    return {"editor": editor, "moderator": moderator, "late": late, "other_late": other_late}


def figures(rows):
    return {
        (row.organization.slug, row.course.slug): (
            row.enrolled,
            row.completed,
            row.passed,
            row.hours,
        )
        for row in rows
    }


# ---- the figures ---------------------------------------------------------------------------


def test_figures_per_organisation_and_course(people, org, other_org):
    rows = report_rows([org, other_org])
    assert figures(rows) == {
        ("jia", "lian-zheng"): (4, 1, 1, Decimal("4.0")),
        ("jia", "he-gui"): (1, 1, None, Decimal("2.0")),  # no exam: no pass count
        ("yi", "lian-zheng"): (2, 1, 1, Decimal("4.0")),
    }
    # Organisation by organisation, required courses first.
    assert [(r.organization.slug, r.course.slug) for r in rows] == [
        ("jia", "lian-zheng"),
        ("jia", "he-gui"),
        ("yi", "lian-zheng"),
    ]
    total = totals(rows)
    assert (total.enrolled, total.completed, total.passed, total.hours) == (7, 3, 2, Decimal(10))


def test_one_organisation_only(people, org):
    assert {key[0] for key in figures(report_rows([org]))} == {"jia"}


def test_overdue_learners(people, org, other_org, catalogue):
    rows = overdue_rows([org, other_org])
    assert [(r.learner_name, r.organization.slug, r.course.slug, r.days_overdue) for r in rows] == [
        ("李逾期", "jia", "lian-zheng", 5),
        ("赵乙逾期", "yi", "lian-zheng", 12),
    ]
    assert (rows[0].lessons_done, rows[0].lessons_total) == (1, 2)
    assert (rows[1].lessons_done, rows[1].lessons_total) == (0, 2)
    assert rows[0].due_on == timezone.localdate() - timedelta(days=5)
    assert [r.learner_name for r in overdue_rows([other_org])] == ["赵乙逾期"]


def test_completed_elective_and_future_due_dates_are_not_overdue(people, org, catalogue):
    names = {r.learner_name for r in overdue_rows([org])}
    assert names == {"李逾期"}  # not the editor (due later), nor the elective's learner


def test_nothing_to_report(org):
    assert report_rows([org]) == [] and overdue_rows([org]) == [] and report_rows([]) == []


# ---- the number of queries does not grow ---------------------------------------------------


def count_queries(function, *args):
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return len(queries.captured_queries)


def count_page_queries(client):
    client.get(PAGE)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    return len(queries.captured_queries)


def test_query_count_does_not_grow(client, catalogue, member, org, other_org, admin_user):
    late = member("yuqi", org, name=("李", "逾期"))
    make_overdue(late, catalogue["required"])
    client.force_login(admin_user)
    small = (
        count_queries(report_rows, [org]),
        count_queries(overdue_rows, [org]),
        count_page_queries(client),
    )

    third = OrganizationPageFactory(parent=org.get_parent(), title="南湖丙协会", slug="bing")
    for number, organization in enumerate([org, other_org, third] * 4):
        user = member(f"learner-{number}", organization, name=("陈", f"{number}"))
        read_all(enrol(learner_for(user), catalogue["elective"])[0], catalogue["elective"])
        if number % 2:
            make_overdue(user, catalogue["required"], days=number)
    large = (
        count_queries(report_rows, [org, other_org, third]),
        count_queries(overdue_rows, [org, other_org, third]),
        count_page_queries(client),
    )
    assert len(report_rows([org, other_org, third])) == 6
    assert len(overdue_rows([org, other_org, third])) == 7
    assert large == small, (small, large)


# ---- who sees what -------------------------------------------------------------------------


def test_who_sees_which_organisations(people, org, other_org, admin_user, member):
    assert set(managed_organizations(admin_user)) == {org, other_org}
    assert set(managed_organizations(people["moderator"])) == {org, other_org}
    assert list(managed_organizations(people["editor"])) == [org]
    assert not managed_organizations(people["late"]).exists()


def test_a_moderator_sees_every_organisation(client, people, org, other_org):
    client.force_login(people["moderator"])
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert org.title in html and other_org.title in html
    assert "李逾期" in html and "赵乙逾期" in html
    assert response.context["totals"].enrolled == 7


def test_a_moderator_may_choose_one_organisation(client, people, org, other_org):
    client.force_login(people["moderator"])
    response = client.get(PAGE, {"organization": other_org.pk})
    assert response.status_code == 200
    assert {row.organization for row in response.context["rows"]} == {other_org}
    assert [r.learner_name for r in response.context["overdue"]] == ["赵乙逾期"]
    assert f"organization={other_org.pk}" in response.content.decode()  # export links keep it


def test_an_editor_sees_only_their_organisation(client, people, org, other_org):
    client.force_login(people["editor"])
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert org.title in html and "李逾期" in html
    assert other_org.title not in html and "赵乙逾期" not in html

    text = client.get(CSV).getvalue().decode("utf-8-sig")
    assert org.title in text and other_org.title not in text
    text = client.get(CSV, {"table": "overdue"}).getvalue().decode("utf-8-sig")
    assert "李逾期" in text and "赵乙逾期" not in text and other_org.title not in text
    cells = workbook_text(client.get(XLSX))
    assert org.title in cells and "李逾期" in cells
    assert other_org.title not in cells and "赵乙逾期" not in cells


@pytest.mark.parametrize("url", [PAGE, CSV, XLSX])
def test_another_organisation_is_404_and_not_named(client, people, other_org, url):
    client.force_login(people["editor"])
    response = client.get(url, {"organization": other_org.pk})
    assert response.status_code == 404
    assert other_org.title not in response.content.decode("utf-8", "replace")


@pytest.mark.parametrize("value", ["abc", "all", "", "1.5", "-1x", "'; drop", "１２", "٣"])
def test_a_malformed_organisation_shows_them_all(client, people, org, other_org, value):
    client.force_login(people["moderator"])
    response = client.get(PAGE, {"organization": value})
    assert response.status_code == 200
    assert response.context["chosen"] is None
    assert {row.organization for row in response.context["rows"]} == {org, other_org}


@pytest.mark.parametrize("value", ["0", "99999999999999999999999"])
def test_an_unknown_number_is_404(client, people, org, value):
    client.force_login(people["moderator"])
    assert client.get(PAGE, {"organization": value}).status_code == 404


def test_employees_and_visitors_are_refused(client, people, org, other_org):
    for url in (PAGE, CSV, XLSX):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(people["late"])  # a party member: no admin, no report
    for url in (PAGE, CSV, XLSX):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert org.title not in response.content.decode("utf-8", "replace")


def test_admin_users_without_an_organisation_are_refused(client, people, django_user_model):
    user = django_user_model.objects.create_user("staff", password="unused")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    for url in (PAGE, CSV, XLSX):
        # PermissionDenied: the Wagtail admin sends them home with a message (403 for scripts).
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert PAGE not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_menu_item_is_shown_to_editors_and_moderators(client, people):
    for user in (people["editor"], people["moderator"]):
        client.force_login(user)
        assert PAGE in client.get(reverse("wagtailadmin_home")).content.decode()


# ---- the exports ---------------------------------------------------------------------------


def read_csv(response):
    content = response.getvalue()  # the CSV is streamed
    assert content.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def workbook_text(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_summary_csv(admin_client, people, org):
    response = admin_client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    today = timezone.localdate().isoformat()
    assert f'filename="training-report-{today}.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 1 + 3 + 1  # header, three rows, totals
    by_course = {(row[0], row[1]): row[2:] for row in rows[1:-1]}
    assert by_course[(org.title, "党风廉政建设知识")][1:] == ["4", "1", "1", "4.0"]
    assert by_course[(org.title, "企业合规经营")][3] == ""  # no exam, no pass count
    assert rows[-1][3:] == ["7", "3", "2", "10.0"]


def test_overdue_csv(admin_client, people, org):
    response = admin_client.get(CSV, {"table": "overdue", "organization": org.pk})
    assert "training-report-overdue-" in response["Content-Disposition"]
    rows = read_csv(response)
    due = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert rows[1:] == [["李逾期", org.title, "党风廉政建设知识", due, "5", "1", "2"]]


def test_xlsx_has_both_sheets(admin_client, people, org, other_org):
    response = admin_client.get(XLSX)
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert ".xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 2
    summary, overdue = (
        list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True)) for sheet in workbook.worksheets
    )
    assert len(summary) == 5
    by_course = {(row[0], row[1]): row[3:] for row in summary[1:-1]}
    assert by_course[(org.title, "党风廉政建设知识")] == (4, 1, 1, 4)
    assert by_course[(org.title, "企业合规经营")][2] is None
    assert summary[-1][3:] == (7, 3, 2, 10)
    late = {row[0]: row for row in overdue[1:]}
    assert set(late) == {"李逾期", "赵乙逾期"}
    assert isinstance(late["李逾期"][3], datetime.datetime)
    assert late["李逾期"][3].date() == timezone.localdate() - timedelta(days=5)
    assert late["李逾期"][4] == 5 and late["赵乙逾期"][1] == other_org.title


def test_names_are_never_formulas(admin_client, people):
    user = people["late"]
    user.last_name, user.first_name = "=HYPERLINK(", '"http://evil.example")'
    user.save()
    rows = read_csv(admin_client.get(CSV, {"table": "overdue"}))
    assert '\'=HYPERLINK("http://evil.example")' in [row[0] for row in rows]
    workbook = load_workbook(io.BytesIO(admin_client.get(XLSX).content))
    cells = [row[0] for row in workbook.worksheets[1].iter_rows(min_row=HEADER_ROW + 1)]
    cell = next(cell for cell in cells if cell.value.startswith("=HYPERLINK"))
    assert cell.data_type == "s"
