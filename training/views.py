"""The learner's side of training: enrol, progress, exams, My learning, certificates."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Sum
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from disclosure.roles import VIEW_CERTIFICATES
from home.qr import qr_svg
from home.visibility import readable_by
from training.exams import (
    BadAnswers,
    ExamClosed,
    attempts_left,
    grade,
    paper_questions,
    read_answers,
    start_attempt,
)
from training.models import (
    Attempt,
    Certificate,
    CoursePage,
    Enrolment,
    LessonPage,
    TrainingSettings,
    normalise_code,
)
from training.progress import (
    course_states,
    enrol,
    learner_for,
    lesson_is_video,
    mark_read,
    progress_for,
    record_watching,
    watched_share,
)

MAX_PROGRESS_BYTES = 16 * 1024


def readable_course(course_id, user):
    """A live course the user may open, else 404."""
    return get_object_or_404(readable_by(CoursePage.objects.live(), user), pk=course_id)


def readable_lesson(lesson_id, user):
    """(lesson, course): a live lesson of a live course, both readable by the user, else 404."""
    lesson = get_object_or_404(readable_by(LessonPage.objects.live(), user), pk=lesson_id)
    course = readable_by(CoursePage.objects.live(), user).filter(pk=lesson.get_parent().pk).first()
    if course is None:
        raise Http404
    return lesson, course


def no_constants(name):
    raise ValueError(f"{name} is not a number")


def learner_or_refuse(request):
    learner = learner_for(request.user)
    if learner is None:
        raise PermissionDenied(_("Only members of an organisation can take courses."))
    return learner


@require_POST
@login_required
def enrol_view(request, course_id):
    course = readable_course(course_id, request.user)
    learner = learner_or_refuse(request)
    _enrolment, created = enrol(learner, course)
    if created:
        messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    return redirect(course.url)


@require_POST
@login_required
def mark_read_view(request, lesson_id):
    lesson, course = readable_lesson(lesson_id, request.user)
    enrolment = Enrolment.objects.filter(learner__user=request.user, course=course).first()
    if enrolment is None or learner_for(request.user) is None:
        raise PermissionDenied(_("Enrol in the course first."))
    if lesson_is_video(lesson):
        messages.error(request, _("This lesson is done once you have watched its video."))
        return redirect(lesson.url)
    mark_read(enrolment, lesson)
    enrolment.refresh_from_db()
    if enrolment.completed_at:
        messages.success(request, _("Course complete: your certificate is in My learning."))
    else:
        messages.success(request, _("Lesson marked as read."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(lesson.url)


@require_POST
def progress_view(request, lesson_id):
    """The video player's report of what has played: JSON {"videos": {id: {ranges, duration}}}."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=403)
    if len(request.body) > MAX_PROGRESS_BYTES:
        return JsonResponse({"error": "too large"}, status=413)
    lesson, course = readable_lesson(lesson_id, request.user)
    enrolment = Enrolment.objects.filter(learner__user=request.user, course=course).first()
    if enrolment is None or learner_for(request.user) is None:
        return JsonResponse({"error": "not enrolled"}, status=403)
    try:
        if request.content_type == "application/json":
            text = request.body
        else:  # navigator.sendBeacon, when the page is being left
            text = request.POST.get("payload", "")
        payload = json.loads(text, parse_constant=no_constants)
        reports = payload["videos"]
        progress = record_watching(progress_for(enrolment, lesson), lesson, reports)
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError):
        return JsonResponse({"error": "bad report"}, status=400)
    videos = {str(media.pk): media for media in lesson.videos()}
    return JsonResponse(
        {
            "watched": round(100 * watched_share(progress, videos)),
            "done": progress.is_done,
        }
    )


@require_POST
@login_required
def start_exam_view(request, course_id):
    course = readable_course(course_id, request.user)
    enrolment = Enrolment.objects.filter(learner__user=request.user, course=course).first()
    if enrolment is None:
        raise PermissionDenied(_("Enrol in the course first."))
    try:
        attempt = start_attempt(enrolment, course)
    except ExamClosed as closed:
        messages.error(request, exam_closed_message(str(closed)))
        return redirect(course.url)
    return redirect("training:attempt", pk=attempt.pk)


def exam_closed_message(reason):
    return {
        "passed": _("You have already passed this exam."),
        "lessons": _("Finish every lesson before taking the exam."),
        "attempts": _("You have used all your attempts at this exam."),
    }.get(reason, _("This course has no exam."))


@never_cache
@login_required
def attempt_view(request, pk):
    """Take an attempt (GET), hand it in once (POST), then see the score and explanations."""
    attempt = (
        Attempt.objects.select_related("enrolment__learner__user", "enrolment__course")
        .filter(pk=pk, enrolment__learner__user=request.user)
        .first()
    )
    if attempt is None:  # someone else's attempt looks the same as none at all
        raise Http404
    enrolment = attempt.enrolment
    course = enrolment.course
    questions = paper_questions(attempt)
    errors = []
    status = 200
    chosen = {}
    if request.method == "POST":
        if attempt.is_finished:
            messages.error(
                request, _("This attempt was already handed in; its score stays as it is.")
            )
            status = 409
        else:
            try:
                chosen = read_answers(attempt, request.POST)
            except BadAnswers:
                return HttpResponseBadRequest(_("The answers do not match this exam paper."))
            missing = [q.pk for q, _choices in questions if q.pk not in chosen]
            if missing:
                errors = missing
                status = 400
                messages.error(
                    request,
                    _("Answer every question before handing in: %(count)d left.")
                    % {"count": len(missing)},
                )
            else:
                grade(attempt, chosen, course)
                return redirect("training:attempt", pk=attempt.pk)
    answers = {}
    if attempt.is_finished:
        answers = {answer.question_id: answer for answer in attempt.answers.all()}
    left = attempts_left(enrolment, course)
    show_explanations = attempt.is_finished and (attempt.passed or left == 0)
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    return TemplateResponse(
        request,
        "training/attempt.html",
        {
            "attempt": attempt,
            "course": course,
            "questions": [
                {
                    "question": question,
                    "choices": choices,
                    "answer": answers.get(question.pk),
                    "chosen": set(
                        answers[question.pk].choices
                        if question.pk in answers
                        else chosen.get(question.pk, [])
                    ),
                    "missing": question.pk in errors,
                }
                for question, choices in questions
            ],
            "attempts_left": left,
            "show_explanations": show_explanations,
            "certificate": certificate,
        },
        status=status,
    )


@never_cache
@login_required
def my_learning(request):
    learner = learner_for(request.user)
    if learner is None:
        return TemplateResponse(request, "training/my_learning.html", {"learner": None})
    # Every course the learner may open, once: it filters their enrolments and lists the rest.
    courses = list(
        readable_by(CoursePage.objects.live(), request.user)
        .defer_streamfields()
        .order_by("-required", "path")
    )
    readable = {course.pk for course in courses}
    enrolments = [
        enrolment
        for enrolment in learner.enrolments.select_related("course")
        .prefetch_related(Prefetch("attempts", queryset=Attempt.objects.order_by("number")))
        .order_by("completed_at", "due_on", "-enrolled_at")
        if enrolment.course_id in readable
    ]
    states = course_states(enrolments)
    rows = [
        {
            "enrolment": enrolment,
            "course": enrolment.course,
            "state": states[enrolment.pk],
            "best_score": max(
                (a.score for a in enrolment.attempts.all() if a.score is not None), default=None
            ),
        }
        for enrolment in enrolments
    ]
    year = timezone.localdate().year
    hours = (
        learner.enrolments.filter(completed_at__year=year).aggregate(total=Sum("hours_awarded"))[
            "total"
        ]
        or 0
    )
    settings = TrainingSettings.for_request(request)
    required_hours = settings.yearly_hours_for(learner)
    enrolled = {row["course"].pk for row in rows}
    others = [course for course in courses if course.pk not in enrolled]
    return TemplateResponse(
        request,
        "training/my_learning.html",
        {
            "learner": learner,
            "rows": rows,
            "year": year,
            "hours": hours,
            "required_hours": required_hours,
            "hours_percent": min(100, round(100 * float(hours) / required_hours))
            if required_hours
            else 100,
            "certificates": learner.certificates.select_related("course").all(),
            "other_courses": others,
        },
    )


def certificate_lookup(request):
    """Type a certificate's code to check it."""
    code = request.GET.get("code", "")
    error = None
    if code:
        normalised = normalise_code(code)
        if Certificate.objects.filter(code=normalised).exists():
            return redirect("training:certificate", code=normalised)
        error = _("No certificate has this code. Check it against the printed certificate.")
    return TemplateResponse(
        request,
        "training/certificate_lookup.html",
        {"code": code, "error": error},
        status=404 if error else 200,
    )


def certificate_verify(request, code):
    """Public: valid or revoked, with only name, course, date and 学时."""
    certificate = get_object_or_404(Certificate, code=normalise_code(code))
    if certificate.code != code:
        return redirect("training:certificate", code=certificate.code)
    return TemplateResponse(
        request, "training/certificate_verify.html", {"certificate": certificate}
    )


@login_required
def certificate_print(request, code):
    """The A4 certificate for its holder (and moderators), with a QR code to the check page."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner__user"), code=normalise_code(code)
    )
    holder = certificate.learner.user_id if certificate.learner else None
    if holder != request.user.pk and not request.user.has_perm(VIEW_CERTIFICATES):
        raise Http404
    verify_url = certificate.get_verification_url()
    return TemplateResponse(
        request,
        "training/certificate_print.html",
        {
            "certificate": certificate,
            "verify_url": verify_url,
            "qr_svg": qr_svg(verify_url),
        },
    )
