"""Who is a learner, what they are enrolled in, how far they are, and when a course is complete."""

import math

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from disclosure.models import Membership, Role
from home.visibility import public_only
from training.models import (
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    Learner,
    LessonPage,
    LessonProgress,
    Track,
    audiences_for,
    display_name,
)

WATCHED_SHARE = 0.9  # a video lesson is done once 90 % of each video has played
PLAY_SPEED_ALLOWED = 2.0  # the fastest playback rate that still counts as watching
REPORT_SLACK_SECONDS = 15  # network delay between the player's reports

# The membership a learner's record is filed under, and the track it suggests.
ROLE_ORDER = {Role.EDITOR: 0, Role.PARTY_MEMBER: 1, Role.EMPLOYEE: 2}
TRACK_FOR_ROLE = {Role.EDITOR: Track.SECRETARY, Role.PARTY_MEMBER: Track.MEMBER}


def best_membership(memberships):
    return min(memberships, key=lambda m: (ROLE_ORDER.get(m.role, 9), m.pk), default=None)


def learner_for(user, create=True):
    """The user's active Learner, made from their first membership on first need.

    None for anonymous visitors, accounts without a membership and learners whose last
    membership was removed (their records stay for the reports and certificates).
    """
    if not user.is_authenticated:
        return None
    learner = Learner.objects.select_related("organization", "user").filter(user=user).first()
    if learner is not None:
        return learner if learner.active else None
    if not create:
        return None
    membership = best_membership(
        Membership.objects.filter(user=user).select_related("organization")
    )
    if membership is None:
        return None
    try:
        with transaction.atomic():
            learner = Learner.objects.create(
                user=user,
                organization=membership.organization,
                track=TRACK_FOR_ROLE.get(membership.role, Track.OTHER),
            )
    except IntegrityError:  # created by a parallel request
        return Learner.objects.select_related("organization", "user").get(user=user)
    return learner  # its post_save signal has enrolled it in its required courses


def follow_memberships(user):
    """Keep the user's Learner in step with their memberships (after one is saved or deleted).

    The learner is filed under their best remaining membership (editor first); made an editor,
    an employee or party member becomes a branch secretary; with no membership left the
    learner is made inactive, and active again with a new one.
    """
    learner = Learner.objects.filter(user=user).first()
    memberships = list(Membership.objects.filter(user=user))
    if learner is None:
        if memberships:
            learner_for(user)
        return
    membership = best_membership(memberships)
    if membership is None:
        if learner.active:
            learner.active = False
            learner.save(update_fields=["active"])
        return
    fields = []
    if not learner.active:
        learner.active = True
        fields.append("active")
    if not any(m.organization_id == learner.organization_id for m in memberships):
        learner.organization_id = membership.organization_id
        fields.append("organization")
    suggested = TRACK_FOR_ROLE.get(membership.role, Track.OTHER)
    if suggested == Track.SECRETARY and learner.track in (Track.OTHER, Track.MEMBER):
        learner.track = suggested
        fields.append("track")
    if fields:
        learner.save()  # its post_save signal enrols it in the new track's required courses


def required_courses(track):
    """Live required courses of a track; only public ones are assigned to everybody."""
    return public_only(
        CoursePage.objects.live().filter(required=True, audience__in=audiences_for(track))
    )


def enrol_in_required(learner):
    """Enrol the learner in every live required course of their track they are not yet in."""
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                learner=learner,
                course=course,
                source=EnrolmentSource.REQUIRED,
                enrolled_at=now,
                due_on=Enrolment.due_date_for(course, now),
            )
            for course in required_courses(learner.track).exclude(enrolments__learner=learner)
        ],
        ignore_conflicts=True,
    )


def enrol_learners_in(course):
    """A required course just published: enrol every learner of its audience."""
    if not course.required:
        return 0
    now = timezone.now()
    if not public_only(CoursePage.objects.filter(pk=course.pk)).exists():
        return 0
    tracks = [track for track in Track if course.applies_to(track)]
    learners = Learner.objects.filter(track__in=tracks, active=True).exclude(
        enrolments__course=course
    )
    created = Enrolment.objects.bulk_create(
        [
            Enrolment(
                learner_id=pk,
                course=course,
                source=EnrolmentSource.REQUIRED,
                enrolled_at=now,
                due_on=Enrolment.due_date_for(course, now),
            )
            for pk in learners.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    return len(created)


def enrol(learner, course):
    """Enrol in a course (idempotent); returns (enrolment, created)."""
    now = timezone.now()
    return Enrolment.objects.get_or_create(
        learner=learner,
        course=course,
        defaults={
            "source": EnrolmentSource.REQUIRED
            if course.required and course.applies_to(learner.track)
            else EnrolmentSource.SELF,
            "enrolled_at": now,
            "due_on": Enrolment.due_date_for(course, now)
            if course.applies_to(learner.track)
            else None,
        },
    )


def lesson_ids(course):
    return list(course.lessons().values_list("pk", flat=True))


def done_lesson_ids(enrolment):
    return set(
        enrolment.progress.filter(completed_at__isnull=False).values_list("lesson_id", flat=True)
    )


def progress_for(enrolment, lesson, create=True):
    if create:
        progress, _created = LessonProgress.objects.get_or_create(
            enrolment=enrolment, lesson=lesson
        )
        return progress
    return LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).first()


def mark_read(enrolment, lesson):
    """A lesson without video is done when the learner marks it read. Returns the progress."""
    progress = progress_for(enrolment, lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
        check_completion(enrolment)
    return progress


# ---- video ---------------------------------------------------------------------------------


def merge_ranges(ranges):
    merged = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def covered(ranges):
    return sum(end - start for start, end in ranges)


def is_seconds(value):
    """A finite JSON number (not a bool, not NaN or infinity, not a 400-digit integer)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def clean_ranges(raw, duration):
    """Ranges from the player as [[start, end], ...] in seconds, clipped to the video; or None."""
    if not isinstance(raw, list) or len(raw) > 500:
        return None
    ranges = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 2 or not all(is_seconds(v) for v in item):
            return None
        start, end = (max(0.0, min(float(v), duration)) for v in item)
        if end > start:
            ranges.append([round(start, 2), round(end, 2)])
    return ranges


def record_watching(progress, lesson, reports, now=None):
    """Add the stretches the player saw play to the lesson's progress.

    ``reports`` maps a media id to {"ranges": [[start, end], ...]}. Unknown media, videos whose
    length the site does not know, and malformed ranges raise ValueError. What the lesson has
    seen in all can never exceed the time since its first report at the fastest allowed
    playback speed (plus one allowance for network delay), and one report can add no more than
    the time since the previous one: posting a whole video's range at once, or many small
    reports in a burst, counts only the time really spent.
    """
    now = now or timezone.now()
    videos = {str(media.pk): media for media in lesson.videos()}
    if not isinstance(reports, dict) or not reports or not set(reports) <= set(videos):
        raise ValueError("unknown video")
    with transaction.atomic():
        progress = LessonProgress.objects.select_for_update().get(pk=progress.pk)
        watched = dict(progress.watched)
        durations = dict(progress.durations)
        seen_before = sum(covered(ranges) for ranges in watched.values())
        since_start = max(0.0, (now - progress.started_at).total_seconds())
        since_last = max(0.0, (now - (progress.reported_at or progress.started_at)).total_seconds())
        budget = max(
            0.0,
            min(
                since_last * PLAY_SPEED_ALLOWED + REPORT_SLACK_SECONDS,
                since_start * PLAY_SPEED_ALLOWED + REPORT_SLACK_SECONDS - seen_before,
            ),
        )
        for media_id, report in reports.items():
            if not isinstance(report, dict):
                raise ValueError("malformed report")
            duration = float(videos[media_id].duration or 0)
            if not math.isfinite(duration) or duration <= 0:
                raise ValueError("unknown duration")  # LessonPage.clean requires it
            durations[media_id] = duration
            ranges = clean_ranges(report.get("ranges"), duration)
            if ranges is None:
                raise ValueError("malformed ranges")
            before = merge_ranges(watched.get(media_id, []))
            after = merge_ranges(before + ranges)
            gained = covered(after) - covered(before)
            if gained > budget:
                # More than could have played: keep the earliest new seconds the budget allows.
                after = merge_ranges(before + trim_ranges(subtract(ranges, before), budget))
                gained = budget
            budget -= gained
            watched[media_id] = after
        progress.watched = watched
        progress.durations = durations
        progress.reported_at = now
        fields = ["watched", "durations", "reported_at"]
        if progress.completed_at is None and video_done(progress, videos):
            progress.completed_at = now
            fields.append("completed_at")
        progress.save(update_fields=fields)
    if "completed_at" in fields:
        check_completion(progress.enrolment)
    return progress


def subtract(ranges, taken):
    """The parts of ``ranges`` not already in ``taken`` (both merged lists)."""
    result = []
    for start, end in merge_ranges(ranges):
        cursor = start
        for t_start, t_end in taken:
            if t_end <= cursor or t_start >= end:
                continue
            if t_start > cursor:
                result.append([cursor, t_start])
            cursor = max(cursor, t_end)
        if cursor < end:
            result.append([cursor, end])
    return result


def trim_ranges(ranges, budget):
    kept = []
    for start, end in ranges:
        if budget <= 0:
            break
        length = min(end - start, budget)
        kept.append([start, start + length])
        budget -= length
    return kept


def watched_share(progress, videos):
    """The share of the lesson's videos seen, 0..1, weighted by length."""
    total = seen = 0.0
    for media_id in videos:
        duration = float(progress.durations.get(media_id, 0) or 0)
        if duration <= 0:
            return 0.0
        total += duration
        seen += min(covered(progress.watched.get(media_id, [])), duration)
    return seen / total if total else 0.0


def video_done(progress, videos):
    return all(
        float(progress.durations.get(media_id, 0) or 0) > 0
        and covered(progress.watched.get(media_id, []))
        >= WATCHED_SHARE * float(progress.durations[media_id])
        for media_id in videos
    )


# ---- completion ----------------------------------------------------------------------------


def has_exam(course):
    return course.questions.filter(active=True).exists()


def exam_passed(enrolment):
    return enrolment.attempts.filter(passed=True).exists()


def check_completion(enrolment):
    """Complete the course if every lesson is done and the exam (if any) passed.

    Completion awards the course's 学时 and issues a certificate pinned to the live revision.
    Returns the certificate when one was issued now.
    """
    if enrolment.completed_at is not None:
        return None
    course = CoursePage.objects.get(pk=enrolment.course_id)
    if not course.live:
        return None  # an unpublished course certifies nothing
    if not set(lesson_ids(course)) <= done_lesson_ids(enrolment):
        return None
    if has_exam(course) and not exam_passed(enrolment):
        return None
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.completed_at is not None:
            return None
        now = timezone.now()
        locked.completed_at = now
        locked.hours_awarded = course.hours
        locked.save(update_fields=["completed_at", "hours_awarded"])
        learner = locked.learner
        certificate = Certificate.objects.create(
            learner=learner,
            enrolment=locked,
            course=course,
            learner_name=display_name(learner.user),
            course_title=course.title,
            hours=course.hours,
            issued_on=timezone.localdate(now),
            revision=course.live_revision,
        )
    enrolment.completed_at = locked.completed_at
    enrolment.hours_awarded = locked.hours_awarded
    return certificate


def summary(lesson_ids, done):
    """Lessons done of ``lesson_ids`` (a course's live lessons), as pages and tables show it."""
    count = sum(1 for pk in lesson_ids if pk in done)
    total = len(lesson_ids)
    return {
        "done_ids": done,
        "done_count": count,
        "lesson_count": total,
        "percent": round(100 * count / total) if total else 100,
        "lessons_done": count == total,
    }


def course_state(enrolment, course, lessons=None):
    """A summary for the course page: lessons done of the course's lessons."""
    lessons = lessons if lessons is not None else list(course.lessons())
    done = done_lesson_ids(enrolment) if enrolment else set()
    return summary([lesson.pk for lesson in lessons], done)


def lesson_ids_by_course(courses):
    """{course pk: [ids of its live, public lessons in order]} for ``courses``, in one query."""
    courses = list(courses)
    if not courses:
        return {}
    paths = {course.path: course.pk for course in courses}
    children = Q()
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    result = {course.pk: [] for course in courses}
    lessons = public_only(LessonPage.objects.live().filter(children)).order_by("path")
    for pk, path in lessons.values_list("pk", "path"):
        parent = paths.get(path[: -LessonPage.steplen])
        if parent is not None:
            result[parent].append(pk)
    return result


def course_states(enrolments):
    """course_state for many enrolments in two queries: {enrolment id: state}."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    lessons = lesson_ids_by_course({e.course_id: e.course for e in enrolments}.values())
    done = {}
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=enrolments, completed_at__isnull=False
    ).values_list("enrolment_id", "lesson_id"):
        done.setdefault(enrolment_id, set()).add(lesson_id)
    return {e.pk: summary(lessons.get(e.course_id, []), done.get(e.pk, set())) for e in enrolments}


def lesson_is_video(lesson):
    return bool(lesson.videos())
