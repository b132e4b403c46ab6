"""What course and lesson pages show the visitor about their own learning.

The page models call ``add_learner_context`` through the Wagtail hook they declare
(``training.models.pages.LEARNER_CONTEXT_HOOK``): the models sit below the learning rules.
"""

from wagtail import hooks

from training.exams import attempts_left, exam_status
from training.models import Certificate, CourseIndexPage, CoursePage, Enrolment, LessonPage
from training.models.pages import LEARNER_CONTEXT_HOOK
from training.progress import (
    check_completion,
    course_state,
    learner_for,
    progress_for,
    watched_share,
)


def visitor_enrolment(request, course):
    """(learner, enrolment) for the visitor; (None, None) for visitors who cannot learn."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None, None
    learner = learner_for(user)
    if learner is None:
        return None, None
    return learner, Enrolment.objects.filter(learner=learner, course=course).first()


def my_enrolments(request):
    """{course id: enrolment} of the visitor (empty for visitors who are not learners)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        enrolment.course_id: enrolment
        for enrolment in Enrolment.objects.filter(learner__user=user).only(
            "course_id", "completed_at", "due_on"
        )
    }


def course_context(request, course, lessons):
    learner, enrolment = visitor_enrolment(request, course)
    state = course_state(enrolment, course, lessons)
    exam = exam_status(enrolment, course, state)
    has_exam = exam is not None
    if (
        enrolment is not None
        and enrolment.completed_at is None
        and state["lessons_done"]
        and exam in (None, "passed")
    ):
        # The course changed under the learner (a lesson or the exam was withdrawn): what is
        # left is done, so the course is complete now.
        check_completion(enrolment)
    return {
        "learner": learner,
        "enrolment": enrolment,
        "state": state,
        "exam": exam,
        "has_exam": has_exam,
        "question_count": min(
            course.questions_per_attempt, course.questions.filter(active=True).count()
        )
        if has_exam
        else 0,
        "attempts": list(enrolment.attempts.order_by("number")) if enrolment and has_exam else [],
        "attempts_left": attempts_left(enrolment, course) if enrolment and has_exam else None,
        "certificate": Certificate.objects.filter(enrolment=enrolment).first()
        if enrolment
        else None,
    }


def lesson_context(request, course, lesson):
    learner, enrolment = visitor_enrolment(request, course)
    videos = {str(media.pk): media for media in lesson.videos()}
    progress = progress_for(enrolment, lesson, create=False) if enrolment else None
    return {
        "learner": learner,
        "enrolment": enrolment,
        "is_video_lesson": bool(videos),
        "lesson_done": bool(progress and progress.is_done),
        "watched_percent": round(100 * watched_share(progress, videos))
        if progress and videos
        else 0,
    }


@hooks.register(LEARNER_CONTEXT_HOOK)
def add_learner_context(page, request, context):
    """Add the visitor's enrolments, progress and exam state to a training page's context."""
    if isinstance(page, CourseIndexPage):
        mine = my_enrolments(request)
        for course in context["courses"]:
            course.my_enrolment = mine.get(course.pk)
    elif isinstance(page, CoursePage):
        context.update(course_context(request, page, context["lessons"]))
    elif isinstance(page, LessonPage):
        context.update(lesson_context(request, context["course"], page))
