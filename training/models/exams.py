"""The question bank of a course and learners' exam attempts, scored on the server."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from training.models.learning import Enrolment


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class Question(index.Indexed, ClusterableModel):
    course = models.ForeignKey(
        "training.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    kind = models.CharField(
        _("question type"), max_length=12, choices=QuestionKind.choices, default="single"
    )
    text = models.TextField(_("question"), max_length=1000)
    explanation = models.TextField(
        _("explanation"),
        max_length=2000,
        blank=True,
        help_text=_("Shown after a pass or after the last attempt."),
    )
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only questions in use are drawn for new attempts.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("kind"),
        FieldPanel("text"),
        InlinePanel("choices", label=_("Choices"), min_num=2, max_num=8),
        FieldPanel("explanation"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("text"), index.FilterField("course")]

    class Meta:
        verbose_name = _("exam question")
        verbose_name_plural = _("question bank")
        ordering = ["course", "pk"]

    def __str__(self):
        return self.text[:60]


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=300)
    correct = models.BooleanField(_("correct"), default=False)

    panels = [FieldPanel("text"), FieldPanel("correct")]

    def __str__(self):
        return self.text


class Attempt(models.Model):
    """One sitting of a course's exam: the questions drawn and the order shown, then the score."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt"))
    # [{"question": id, "choices": [choice ids in the order shown]}, ...]
    paper = models.JSONField(default=list)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("handed in"), null=True, blank=True)
    correct = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("exam attempt")
        verbose_name_plural = _("exam attempts")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "number"], name="attempt_number_once")
        ]
        ordering = ["enrolment", "number"]

    def __str__(self):
        return f"{self.enrolment} #{self.number}"

    @property
    def is_finished(self):
        return self.finished_at is not None

    @property
    def question_ids(self):
        return [item["question"] for item in self.paper]


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    choices = models.JSONField(default=list)
    correct = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.attempt} · {self.question_id}"
