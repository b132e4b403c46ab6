"""Courses (required 必修 or elective 选修) and their ordered lessons."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtailmedia.blocks import VideoChooserBlock

from home.blocks import BaseStreamBlock
from home.models import SectionIndexPage, SitePage
from home.search.fields import chinese
from home.visibility import public_only

# Wagtail hook through which the learning rules (training.learner_context, above the models)
# add what the visitor's own learning shows to a course index, course or lesson page.
LEARNER_CONTEXT_HOOK = "construct_learner_context"


def add_learner_context(page, request, context):
    for add in hooks.get_hooks(LEARNER_CONTEXT_HOOK):
        add(page, request, context)


class CourseAudience(models.TextChoices):
    SECRETARIES = "secretaries", _("Branch secretaries (支部书记)")
    ACTIVISTS = "activists", _("Activists (入党积极分子)")
    SECRETARIES_AND_ACTIVISTS = "secretaries_activists", _("Branch secretaries and activists")
    ALL = "all", _("All learners")


# Paths under /training/ that belong to the learner's views, never to a course.
RESERVED_SLUGS = {"my", "certificates", "attempts", "lessons", "courses", "reports"}


class Track(models.TextChoices):
    """What a learner is trained as; it decides which required courses apply to them."""

    SECRETARY = "secretary", _("Branch secretary (支部书记)")
    ACTIVIST = "activist", _("Activist (入党积极分子)")
    MEMBER = "member", _("Party member (党员)")
    OTHER = "other", _("Other learner")


def audiences_for(track):
    """The course audiences that include a learner on ``track``."""
    audiences = {CourseAudience.ALL}
    if track == Track.SECRETARY:
        audiences |= {CourseAudience.SECRETARIES, CourseAudience.SECRETARIES_AND_ACTIVISTS}
    elif track == Track.ACTIVIST:
        audiences |= {CourseAudience.ACTIVISTS, CourseAudience.SECRETARIES_AND_ACTIVISTS}
    return audiences


class CourseIndexPage(SectionIndexPage):
    """/training/: every course, required ones first."""

    subpage_types = ["training.CoursePage"]

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = list(courses_for_readers(self))
        add_learner_context(self, request, context)
        return context


def courses_for_readers(index=None):
    """Live, public courses, required (必修) first, with their cover images."""
    courses = CoursePage.objects.live()
    if index is not None:
        courses = courses.child_of(index)
    return public_only(courses).select_related("cover").order_by("-required", "path")


class CoursePage(SitePage):
    """A course: who it is for, required or elective, its 学时 and its lessons in order."""

    audience = models.CharField(
        _("for"), max_length=24, choices=CourseAudience.choices, default=CourseAudience.ALL
    )
    required = models.BooleanField(_("required (必修)"), default=False)
    hours = models.DecimalField(_("credit hours (学时)"), max_digits=4, decimal_places=1, default=1)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_days = models.PositiveSmallIntegerField(
        _("days to complete"),
        default=90,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For required courses: learners who have not completed the course this many "
            "days after enrolment are overdue."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Drawn at random from the course's question bank for every attempt. "
            "A course without questions has no exam."
        ),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("audience"), FieldPanel("required"), FieldPanel("hours")]),
        FieldPanel("summary"),
        FieldPanel("cover"),
        FieldPanel("due_days"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("pass_mark"),
                        FieldPanel("questions_per_attempt"),
                        FieldPanel("attempts_allowed"),
                    ]
                ),
                HelpPanel(content=_("Questions are edited under 培训 → 题库 in the admin menu.")),
            ],
            heading=_("Exam"),
        ),
    ]
    search_fields = chinese([*SitePage.search_fields, index.SearchField("summary")])
    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def share_image(self):
        return self.cover

    def lessons(self):
        return public_only(LessonPage.objects.child_of(self).live()).order_by("path")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is used by the training pages; choose another slug.")
                    % {"slug": self.slug}
                }
            )

    def applies_to(self, track):
        """Whether a learner on ``track`` is in this course's audience."""
        return self.audience in audiences_for(track)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = list(self.lessons())
        add_learner_context(self, request, context)
        return context

    def search_snippet_text(self):
        return self.summary


class LessonBodyBlock(BaseStreamBlock):
    # Videos come from the media library, whose player reports what was watched; an embedded
    # video from elsewhere could not be followed, so lessons have no embeds.
    embed = None
    video = VideoChooserBlock(label=_("Video"), icon="media", template="blocks/video.html")
    note = blocks.TextBlock(label=_("Key point"), icon="openquote")


class LessonPage(SitePage):
    """One lesson of a course: text, video, documents and images."""

    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=20)
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("minutes"), FieldPanel("body")]
    search_fields = chinese([*SitePage.search_fields, index.SearchField("body")])
    parent_page_types = ["training.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self):
        super().clean()
        unknown = [media.title for media in self.videos() if not (media.duration or 0) > 0]
        if unknown:
            raise ValidationError(
                {
                    "body": _(
                        "Enter the duration of these videos in the media library first, so that "
                        "watching them can be followed: %(titles)s"
                    )
                    % {"titles": "、".join(unknown)}
                }
            )

    def videos(self):
        """The videos in the body, in order (wagtailmedia Media objects)."""
        return [block.value for block in self.body if block.block_type == "video" and block.value]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        siblings = list(course.lessons().only("title", "url_path", "path"))
        position = next((i for i, p in enumerate(siblings) if p.pk == self.pk), 0)
        context.update(
            course=course,
            previous_lesson=siblings[position - 1] if position > 0 else None,
            next_lesson=siblings[position + 1] if position + 1 < len(siblings) else None,
            position=position + 1,
            lesson_count=len(siblings),
        )
        add_learner_context(self, request, context)
        return context
