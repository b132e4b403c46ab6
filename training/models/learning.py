"""Learner state, kept in Django models keyed to pages: learners, enrolments, lesson progress."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from training.models.pages import Track


def display_name(user):
    """A person's name as Chinese readers write it (family name first), else their username."""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()


class Learner(models.Model):
    """An account with a membership, seen as a learner: its organisation and its track.

    Created with the person's first membership; the track decides which required courses they
    are enrolled in automatically.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="learner",
    )
    organization = models.ForeignKey(
        "disclosure.OrganizationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="learners",
    )
    track = models.CharField(
        _("trained as"), max_length=20, choices=Track.choices, default=Track.OTHER
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Off once the person has no membership left; their records are kept."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    panels = [
        FieldPanel("user", read_only=True),
        FieldPanel("organization"),
        FieldPanel("track"),
        FieldPanel("active", read_only=True),
    ]

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")

    def __str__(self):
        return display_name(self.user)

    @property
    def name(self):
        return display_name(self.user)


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    REQUIRED = "required", _("Required for their role")


class Enrolment(models.Model):
    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "training.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    source = models.CharField(
        _("how enrolled"), max_length=10, choices=EnrolmentSource.choices, default="self"
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    due_on = models.DateField(_("due"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    hours_awarded = models.DecimalField(
        _("credit hours awarded"), max_digits=4, decimal_places=1, default=0
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="one_enrolment_per_course")
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.learner} · {self.course_id}"

    @property
    def is_complete(self):
        return self.completed_at is not None

    @property
    def is_overdue(self):
        return (
            self.completed_at is None
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )

    @classmethod
    def due_date_for(cls, course, when=None):
        if not course.required:
            return None
        start = timezone.localdate(when) if when else timezone.localdate()
        return start + timedelta(days=course.due_days)


class LessonProgress(models.Model):
    """How far a learner is through one lesson.

    A text lesson is done when marked read. A video lesson keeps the stretches of the video that
    the player saw play (merged ``[start, end]`` second ranges per video) and is done once they
    cover 90 % of its length; seeking adds nothing.
    """

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("training.LessonPage", on_delete=models.CASCADE, related_name="+")
    watched = models.JSONField(default=dict, blank=True)
    durations = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    reported_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.lesson_id}"

    @property
    def is_done(self):
        return self.completed_at is not None


@register_setting(icon="user")
class TrainingSettings(BaseSiteSetting):
    """Yearly 学时 each learner should reach."""

    secretary_hours = models.PositiveSmallIntegerField(
        _("yearly credit hours for branch secretaries"), default=56
    )
    learner_hours = models.PositiveSmallIntegerField(
        _("yearly credit hours for other learners"), default=32
    )

    panels = [FieldPanel("secretary_hours"), FieldPanel("learner_hours")]

    class Meta:
        verbose_name = _("training settings")

    def yearly_hours_for(self, learner):
        if learner.track == Track.SECRETARY:
            return self.secretary_hours
        return self.learner_hours
