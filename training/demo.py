"""Demo courses: the required integrity course (党风廉政建设) and three more, with lessons."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtailmedia.models import get_media_model

from disclosure.models import Membership, OrganizationPage, Role
from home.demo import add_section_index
from training.demo_questions import INTEGRITY, SECRETARY
from training.exams import grade, paper_questions, start_attempt
from training.models import (
    Audience,
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

# (title, audience, required, hours, summary, [(lesson title, minutes, paragraphs)])
COURSES = [
    (
        "党风廉政建设知识",
        Audience.SECRETARIES_AND_ACTIVISTS,
        True,
        4,
        "支部书记和入党积极分子的必修课：廉洁自律准则、纪律处分条例要点和两新组织常见廉洁风险。",
        [
            (
                "廉洁自律准则解读",
                30,
                [
                    "廉洁自律准则从正面倡导党员干部坚守的高标准。",
                    "两新组织党员要在生产经营中带头遵守，做到公私分明、崇廉拒腐。",
                ],
            ),
            (
                "纪律处分条例要点",
                35,
                [
                    "条例规定了政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律。",
                    "本课结合案例讲解常见违纪情形及处分。",
                ],
            ),
            (
                "两新组织常见廉洁风险",
                25,
                [
                    "采购、销售、招投标和财务报销是两新组织廉洁风险集中的环节。",
                    "支部应协助企业建立制度，把廉洁要求嵌入流程。",
                ],
            ),
            ("警示教育：一念之差", 20, ["观看警示教育片，思考身边的风险点。"]),
        ],
    ),
    (
        "支部书记履职基础",
        Audience.SECRETARIES,
        True,
        3,
        "支部书记如何组织三会一课、主题党日和党务公开。",
        [
            ("三会一课的组织", 30, ["支部党员大会、支委会、党小组会和党课的召开要求与记录规范。"]),
            ("党务公开怎么做", 25, ["公开哪些内容、向谁公开、多长时间，在平台上如何发布和修订。"]),
        ],
    ),
    (
        "入党积极分子培养",
        Audience.ACTIVISTS,
        False,
        2,
        "入党积极分子的学习内容、培养考察和发展程序。",
        [("发展党员的程序", 30, ["从递交入党申请书到转为正式党员的各个环节。"])],
    ),
    (
        "企业合规经营",
        Audience.ALL,
        False,
        2,
        "面向两新组织管理人员的合规经营课程：合同、税务与劳动用工。",
        [
            ("劳动用工合规", 25, ["劳动合同、工资支付、社会保险缴纳的法律要求。"]),
            ("诚信纳税", 20, ["发票管理与税务风险防范。"]),
        ],
    ),
]


EXAMS = {"党风廉政建设知识": (INTEGRITY, 10), "支部书记履职基础": (SECRETARY, 5)}


def load_training_demo(stdout, options):
    if CourseIndexPage.objects.exists():
        return 0
    index = add_section_index(
        CourseIndexPage,
        "学习培训",
        "training",
        "面向两新组织支部书记和入党积极分子的在线课程。党风廉政建设知识是必修课。",
    )
    film = get_media_model().objects.order_by("pk").first()
    created = 1
    for title, audience, required, hours, summary, lessons in COURSES:
        bank, per_attempt = EXAMS.get(title, ([], 10))
        course = CoursePage(
            title=title,
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
    created += create_demo_learners(stdout)
    stdout.write(
        _("Training: %(count)d courses with lessons and exams, learners at every stage.")
        % {"count": len(COURSES)}
    )
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

SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
)
GIVEN = [
    "建华",
    "丽娟",
    "志强",
    "海燕",
    "国庆",
    "晓敏",
    "红梅",
    "伟",
    "静",
    "磊",
    "芳",
    "军",
    "婷",
    "洋",
    "勇",
    "艳",
    "杰",
    "娜",
    "涛",
    "敏",
]


def create_demo_learners(stdout):
    """The demo accounts as learners, and more learners across organisations at every stage."""
    from disclosure.demo import DEMO_ORGANIZATION, DEMO_PEOPLE

    rng = random.Random(7)
    integrity = CoursePage.objects.get(title="党风廉政建设知识")
    secretary_course = CoursePage.objects.get(title="支部书记履职基础")
    compliance = CoursePage.objects.get(title="企业合规经营")
    people = {key: username for key, _label, username, _name, _role in DEMO_PEOPLE}
    User = get_user_model()
    created = 0

    editor = learner_named(User, people["editor"])
    if editor is not None:
        leave_at(editor, integrity, PASSED, rng, days_ago=40)
        leave_at(editor, secretary_course, READING, rng, days_ago=20)
    member = learner_named(User, people["party_member"])
    if member is not None:
        leave_at(member, compliance, READING, rng, days_ago=10)
    employee = learner_named(User, people["employee"])
    if employee is not None:
        # An activist with the required course just enrolled: the one to try by hand.
        employee.track = Track.ACTIVIST
        employee.save()

    organizations = list(
        OrganizationPage.objects.live().exclude(slug=DEMO_ORGANIZATION).order_by("path")[:8]
    )
    stages = [ENROLLED, READING, LESSONS_DONE, FAILED_ONCE, FAILED_ALL, PASSED, PASSED, OVERDUE]
    number = 0
    for organization in organizations:
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


def learner_named(User, username):
    user = User.objects.filter(username=username).first()
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
