"""Drawing an exam paper, and scoring it on the server."""

import random

from django.db import models, transaction
from django.utils import timezone

from training.models import Answer, Attempt, Choice, Question, QuestionKind
from training.progress import check_completion, course_state, exam_passed

_random = random.SystemRandom()


class ExamStatus(models.TextChoices):
    """What a course page offers its learner about the exam."""

    LOCKED = "locked"  # not enrolled, or lessons not done
    OPEN = "open"
    PASSED = "passed"
    FAILED = "failed"  # every attempt used without a pass


class ClosedReason(models.TextChoices):
    PASSED = "passed"
    LESSONS = "lessons"
    ATTEMPTS = "attempts"
    NO_EXAM = "no exam"


class ExamClosed(Exception):
    """The learner may not start an attempt now; ``args[0]`` (a ``ClosedReason``) says why."""


def attempts_left(enrolment, course):
    finished = enrolment.attempts.filter(finished_at__isnull=False).count()
    return max(0, course.attempts_allowed - finished)


def exam_status(enrolment, course, state):
    """An ``ExamStatus``, or None for a course without an exam."""
    if not course.questions.filter(active=True).exists():
        return None
    if enrolment is None:
        return ExamStatus.LOCKED
    if exam_passed(enrolment):
        return ExamStatus.PASSED
    if attempts_left(enrolment, course) == 0:
        return ExamStatus.FAILED
    if not state["lessons_done"]:
        return ExamStatus.LOCKED
    return ExamStatus.OPEN


def start_attempt(enrolment, course):
    """The learner's open attempt, or a new one with questions drawn and shuffled."""
    with transaction.atomic():
        # Lock the enrolment so two clicks cannot draw two papers.
        type(enrolment).objects.select_for_update().get(pk=enrolment.pk)
        open_attempt = enrolment.attempts.filter(finished_at__isnull=True).first()
        if open_attempt is not None:
            return open_attempt
        if exam_passed(enrolment):
            raise ExamClosed(ClosedReason.PASSED)
        if not course_state(enrolment, course)["lessons_done"]:
            raise ExamClosed(ClosedReason.LESSONS)
        if attempts_left(enrolment, course) == 0:
            raise ExamClosed(ClosedReason.ATTEMPTS)
        bank = list(Question.objects.filter(course=course, active=True).values_list("pk", "kind"))
        if not bank:
            raise ExamClosed(ClosedReason.NO_EXAM)
        drawn = _random.sample(bank, min(course.questions_per_attempt, len(bank)))
        choices = {}
        for choice in Choice.objects.filter(question_id__in=[pk for pk, _kind in drawn]).order_by(
            "sort_order", "pk"
        ):
            choices.setdefault(choice.question_id, []).append(choice.pk)
        paper = []
        for pk, kind in drawn:
            order = list(choices.get(pk, []))
            if kind != QuestionKind.TRUE_FALSE:  # 正确/错误 keep their order
                _random.shuffle(order)
            paper.append({"question": pk, "choices": order})
        number = enrolment.attempts.count() + 1
        return Attempt.objects.create(enrolment=enrolment, number=number, paper=paper)


def paper_questions(attempt):
    """The attempt's questions in the order drawn, each with its choices in the order shown."""
    questions = Question.objects.in_bulk(attempt.question_ids)
    choices = Choice.objects.in_bulk([pk for item in attempt.paper for pk in item["choices"]])
    return [
        (questions[item["question"]], [choices[pk] for pk in item["choices"] if pk in choices])
        for item in attempt.paper
        if item["question"] in questions
    ]


class BadAnswers(Exception):
    """Answers that name questions or choices not on this paper: a tampered form."""


def read_answers(attempt, data):
    """{question id: [choice ids]} from a submitted form (fields q<id>).

    Unknown question fields or choices not offered for that question raise BadAnswers;
    unanswered questions are simply missing from the result.
    """
    offered = {item["question"]: set(item["choices"]) for item in attempt.paper}
    answers = {}
    for key in data:
        if not key.startswith("q"):
            continue
        try:
            question_id = int(key[1:])
            chosen = [int(value) for value in data.getlist(key)]
        except ValueError as error:
            raise BadAnswers(key) from error
        if question_id not in offered or not set(chosen) <= offered[question_id]:
            raise BadAnswers(key)
        if chosen:
            answers[question_id] = sorted(set(chosen))
    return answers


def grade(attempt, answers, course):
    """Score a complete set of answers once; returns False if the attempt was already handed in."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.finished_at is not None:
            return False
        questions = {
            q.pk: q
            for q in Question.objects.filter(pk__in=locked.question_ids).prefetch_related("choices")
        }
        rows = []
        for question_id in locked.question_ids:
            question = questions.get(question_id)
            if question is None:  # deleted since the paper was drawn: counts for the learner
                continue
            right = sorted(c.pk for c in question.choices.all() if c.correct)
            chosen = answers.get(question_id, [])
            if question.kind != QuestionKind.MULTIPLE and len(chosen) > 1:
                chosen = []
            rows.append(
                Answer(attempt=locked, question=question, choices=chosen, correct=chosen == right)
            )
        Answer.objects.bulk_create(rows)
        total = len(rows)
        correct = sum(1 for row in rows if row.correct)
        locked.correct = correct
        locked.score = round(100 * correct / total) if total else 100
        # Compared exactly: 16 of 23 (69.6 %) does not pass a mark of 70, though it shows as 70.
        locked.passed = correct * 100 >= course.pass_mark * total
        locked.finished_at = timezone.now()
        locked.save(update_fields=["correct", "score", "passed", "finished_at"])
    attempt.refresh_from_db()
    if attempt.passed:
        check_completion(attempt.enrolment)
    return True
