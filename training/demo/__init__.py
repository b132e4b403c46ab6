"""Demo courses: the required integrity course (党风廉政建设) and three more, with lessons.

Imported only by `load_demo` (never by the running site); the courses and questions are in
`training.demo.data` and `training.demo.questions`.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import Membership, Role
from training.demo.data import (
    COMPLIANCE_COURSE,
    COURSES,
    EXAMS,
    GIVEN,
    INTEGRITY_COURSE,
    SECRETARY_COURSE,
    SURNAMES,
)
from training.exams import grade, paper_questions, start_attempt
from training.models import (
    Certificate,
    Choice,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    Learner,
    LessonPage,
    Question,
    Track,
)
from training.progress import check_completion, enrol, learner_for, mark_read, progress_for


def load(context):
    """Courses with lessons and exams, and learners at every stage (once); hands the courses on."""
    new = not CourseIndexPage.objects.exists()
    created = create_courses(context) if new else 0
    slugs = [row[0] for row in COURSES]
    context.courses = {
        page.slug: page for page in CoursePage.objects.filter(slug__in=slugs).order_by("path")
    }
    if new:
        created += create_demo_learners(context)
        context.stdout.write(
            _("Training: %(count)d courses with lessons and exams, learners at every stage.")
            % {"count": len(COURSES)}
        )
    return created


def create_courses(context):
    index = context.add_section_index(
        CourseIndexPage,
        "学习培训",
        "training",
        "面向两新组织支部书记和入党积极分子的在线课程。党风廉政建设知识是必修课。",
    )
    # A film of the integrity programme, for the lesson on warning films.
    film = context.films[0] if context.films else None
    created = 1
    for slug, title, audience, required, hours, summary, lessons in COURSES:
        bank, per_attempt = EXAMS.get(slug, ([], 10))
        course = CoursePage(
            title=title,
            slug=slug,
            audience=audience,
            required=required,
            hours=hours,
            summary=summary,
            questions_per_attempt=per_attempt,
        )
        index.add_child(instance=course)
        created += 1
        for lesson_title, minutes, paragraphs in lessons:
            body = [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]
            if lesson_title.startswith("警示教育") and film is not None:
                body.append(("video", film))
            lesson = LessonPage(title=lesson_title, minutes=minutes, body=body)
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
            created += 1
        add_questions(course, bank)
        # Published last, so learners enrolled on publication find its lessons and exam.
        course.save_revision().publish()
    return created


def add_questions(course, bank):
    for kind, text, choices, explanation in bank:
        question = Question(course=course, kind=kind, text=text, explanation=explanation)
        question.choices = [
            Choice(text=choice, correct=correct, sort_order=i)
            for i, (choice, correct) in enumerate(choices)
        ]
        question.save()


# ---- learners ------------------------------------------------------------------------------

# Stages a demo learner can be left at in a course.
ENROLLED, READING, LESSONS_DONE, FAILED_ONCE, FAILED_ALL, PASSED, OVERDUE, REVOKED = range(8)


def create_demo_learners(context):
    """The demo accounts as learners, and more learners across organisations at every stage."""
    rng = random.Random(7)
    integrity = context.courses[INTEGRITY_COURSE]
    secretary_course = context.courses[SECRETARY_COURSE]
    compliance = context.courses[COMPLIANCE_COURSE]
    User = get_user_model()
    created = 0

    editor = learner_of(context.people.get("editor"))
    if editor is not None:
        leave_at(editor, integrity, PASSED, rng, days_ago=40)
        leave_at(editor, secretary_course, READING, rng, days_ago=20)
    member = learner_of(context.people.get("party_member"))
    if member is not None:
        leave_at(member, compliance, READING, rng, days_ago=10)
    employee = learner_of(context.people.get("employee"))
    if employee is not None:
        # An activist with the required course just enrolled: the one to try by hand.
        employee.track = Track.ACTIVIST
        employee.save()

    others = [o for o in context.organizations.values() if o != context.demo_organization]
    stages = [ENROLLED, READING, LESSONS_DONE, FAILED_ONCE, FAILED_ALL, PASSED, PASSED, OVERDUE]
    number = 0
    for organization in others[:8]:
        for track, role in [
            (Track.SECRETARY, Role.EDITOR),
            (Track.ACTIVIST, Role.EMPLOYEE),
            (Track.ACTIVIST, Role.EMPLOYEE),
        ]:
            number += 1
            name = SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
            user = User.objects.create(
                username=f"xueyuan{number:03d}", first_name=name, is_active=True
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Membership.objects.create(user=user, organization=organization, role=role)
            learner = Learner.objects.get(user=user)
            if learner.track != track:
                learner.track = track
                learner.save()
            stage = stages[number % len(stages)]
            if number == 5:
                stage = REVOKED
            leave_at(learner, integrity, stage, rng, days_ago=rng.randint(5, 80))
            if track == Track.SECRETARY:
                leave_at(
                    learner, secretary_course, rng.choice(stages), rng, days_ago=rng.randint(10, 60)
                )
            created += 1
    return created


def learner_of(user):
    return learner_for(user) if user else None


def leave_at(learner, course, stage, rng, days_ago):
    """Take a learner through a course up to ``stage``, dated as if begun ``days_ago`` days ago."""
    enrolment, _created = enrol(learner, course)
    began = timezone.now() - timedelta(days=days_ago)
    if stage == OVERDUE:
        began = timezone.now() - timedelta(days=course.due_days + rng.randint(5, 40))
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=began, due_on=Enrolment.due_date_for(course, began) if course.required else None
    )
    enrolment.refresh_from_db()
    lessons = list(course.lessons())
    if stage in (ENROLLED, OVERDUE):
        if stage == OVERDUE and len(lessons) > 1:
            complete_lesson(enrolment, lessons[0])
        return enrolment
    done = lessons if stage != READING else lessons[: max(1, len(lessons) // 2)]
    for lesson in done:
        complete_lesson(enrolment, lesson)
    if stage in (READING, LESSONS_DONE) or not course.questions.exists():
        finish_dates(enrolment, began, rng)
        return enrolment
    failures = {FAILED_ONCE: 1, FAILED_ALL: course.attempts_allowed}.get(
        stage, rng.choice([0, 0, 1])
    )
    for _failure in range(failures):
        sit_exam(enrolment, course, rng, passing=False)
    if stage in (PASSED, REVOKED):
        sit_exam(enrolment, course, rng, passing=True)
    finish_dates(enrolment, began, rng)
    if stage == REVOKED:
        Certificate.objects.filter(enrolment=enrolment).update(
            revoked_at=timezone.now() - timedelta(days=3),
            revoke_reason="经核查，该学员的考试由他人代答，证书撤销，需重新学习。",
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(hours_awarded=0)
    return enrolment


def complete_lesson(enrolment, lesson):
    videos = lesson.videos()
    if not videos:
        mark_read(enrolment, lesson)
        return
    progress = progress_for(enrolment, lesson)
    progress.durations = {str(m.pk): float(m.duration or 1) for m in videos}
    progress.watched = {str(m.pk): [[0.0, float(m.duration or 1)]] for m in videos}
    progress.completed_at = timezone.now()
    progress.save()
    check_completion(enrolment)


def sit_exam(enrolment, course, rng, passing):
    attempt = start_attempt(enrolment, course)
    right = {
        question.pk: sorted(c.pk for c in choices if c.correct)
        for question, choices in paper_questions(attempt)
    }
    answers = {}
    # A pass with at most one slip (≥ 90 %), a failure with more than half wrong.
    wrong_needed = rng.choice([0, 1]) if passing else len(right) // 2 + 1
    for i, (question_id, correct) in enumerate(right.items()):
        if i < wrong_needed:
            offered = [
                pk
                for item in attempt.paper
                if item["question"] == question_id
                for pk in item["choices"]
            ]
            wrong = [pk for pk in offered if pk not in correct][:1] or offered[:1]
            answers[question_id] = wrong
        else:
            answers[question_id] = correct
    grade(attempt, answers, course)


def finish_dates(enrolment, began, rng):
    """Spread completions over the time since enrolment rather than all at today."""
    enrolment.refresh_from_db()
    if enrolment.completed_at is None:
        return
    finished = began + (timezone.now() - began) * rng.uniform(0.3, 0.9)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=finished)
    Certificate.objects.filter(enrolment=enrolment).update(issued_on=timezone.localdate(finished))
