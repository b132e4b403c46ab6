"""Training reports: per organisation and course, and the learners overdue on required courses.

Moderators (and superusers) see every organisation, editors their own
(``disclosure.roles.managed_organizations``). Every figure comes from aggregate queries, so the
number of queries does not grow with organisations, courses or learners.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from disclosure.models import OrganizationPage
from training.models import (
    Attempt,
    Certificate,
    CoursePage,
    Enrolment,
    LessonProgress,
    Question,
    display_name,
)
from training.progress import lesson_ids_by_course

TENTH = Decimal("0.1")  # 学时 are counted in tenths


@dataclass
class ReportRow:
    organization: OrganizationPage
    course: CoursePage
    enrolled: int
    completed: int
    passed: int | None  # None: the course has no exam
    hours: Decimal

    @property
    def has_exam(self):
        return self.passed is not None


@dataclass
class Totals:
    enrolled: int = 0
    completed: int = 0
    passed: int | None = None  # None when no course in the rows has an exam
    hours: Decimal = Decimal("0.0")


@dataclass
class OverdueRow:
    enrolment: Enrolment
    learner_name: str
    organization: OrganizationPage
    course: CoursePage
    due_on: date
    days_overdue: int
    lessons_done: int
    lessons_total: int


def _by_pk(organizations):
    return {organization.pk: organization for organization in organizations}


def report_rows(organizations):
    """[ReportRow] for each (organisation, course) with enrolments, by organisation in the
    order given, then required courses first, then course order."""
    organizations = _by_pk(organizations)
    if not organizations:
        return []
    passed = Exists(Attempt.objects.filter(enrolment=OuterRef("pk"), passed=True))
    revoked = Exists(Certificate.objects.filter(enrolment=OuterRef("pk"), revoked_at__isnull=False))
    counts = list(
        Enrolment.objects.filter(
            learner__organization__in=list(organizations), learner__active=True
        )
        .values("learner__organization", "course")
        .annotate(
            enrolled=Count("pk"),
            # A revoked certificate un-completes the course (its 学时 are taken back too).
            completed=Count("pk", filter=Q(completed_at__isnull=False) & ~Q(revoked)),
            passed=Count("pk", filter=Q(passed)),
            hours=Sum("hours_awarded"),
        )
        .order_by()
    )
    if not counts:
        return []
    courses = (
        CoursePage.objects.filter(pk__in={row["course"] for row in counts})
        .annotate(has_exam=Exists(Question.objects.filter(course=OuterRef("pk"), active=True)))
        .defer_streamfields()
        .in_bulk()
    )
    order = {pk: position for position, pk in enumerate(organizations)}
    rows = [
        ReportRow(
            organization=organizations[row["learner__organization"]],
            course=courses[row["course"]],
            enrolled=row["enrolled"],
            completed=row["completed"],
            passed=row["passed"] if courses[row["course"]].has_exam else None,
            hours=(row["hours"] or Decimal(0)).quantize(TENTH),
        )
        for row in counts
    ]
    rows.sort(
        key=lambda r: (order[r.organization.pk], not r.course.required, r.course.path, r.course.pk)
    )
    return rows


def totals(rows):
    result = Totals()
    for row in rows:
        result.enrolled += row.enrolled
        result.completed += row.completed
        result.hours += row.hours
        if row.passed is not None:
            result.passed = (result.passed or 0) + row.passed
    return result


def _lesson_totals(courses):
    """{course pk: number of live, public lessons} for ``courses``, in one query."""
    return {pk: len(ids) for pk, ids in lesson_ids_by_course(courses).items()}


def overdue_rows(organizations, today=None):
    """[OverdueRow]: enrolments on live required courses, not completed, due before ``today``;
    by organisation in the order given, then the longest overdue first."""
    organizations = _by_pk(organizations)
    if not organizations:
        return []
    today = today or timezone.localdate()
    done = (
        LessonProgress.objects.filter(
            enrolment=OuterRef("pk"), completed_at__isnull=False, lesson__live=True
        )
        .order_by()
        .values("enrolment")
        .annotate(count=Count("pk"))
        .values("count")
    )
    enrolments = list(
        Enrolment.objects.filter(
            learner__organization__in=list(organizations),
            learner__active=True,
            course__required=True,
            course__live=True,
            completed_at__isnull=True,
            due_on__lt=today,
        )
        .select_related("learner__user", "course")
        .annotate(lessons_done=Coalesce(Subquery(done, output_field=IntegerField()), 0))
        .order_by("due_on", "pk")
    )
    lesson_totals = _lesson_totals({e.course.pk: e.course for e in enrolments}.values())
    order = {pk: position for position, pk in enumerate(organizations)}
    rows = []
    for enrolment in enrolments:
        total = lesson_totals.get(enrolment.course.pk, 0)
        rows.append(
            OverdueRow(
                enrolment=enrolment,
                learner_name=display_name(enrolment.learner.user),
                organization=organizations[enrolment.learner.organization_id],
                course=enrolment.course,
                due_on=enrolment.due_on,
                days_overdue=(today - enrolment.due_on).days,
                lessons_done=min(enrolment.lessons_done, total),
                lessons_total=total,
            )
        )
    rows.sort(key=lambda r: order[r.organization.pk])  # stable: due date order kept within
    return rows
