"""The monthly integrity programme (一月一课一片一实践) and the branches' practice reports."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.search import index

from disclosure.models import public_organizations
from disclosure.roles import REVIEW_PRACTICE_REPORTS, edited_organizations
from home.caching import content_changed
from home.models import SectionIndexPage, SitePage
from home.panels import ReadOnlyPanel
from home.search.fields import chinese
from home.visibility import public_only


class PracticeKind(models.TextChoices):
    VISIT = "visit", _("Visit to an education base (参观教育基地)")
    SEMINAR = "seminar", _("Seminar (专题研讨)")
    PLEDGE = "pledge", _("Integrity pledge (廉洁承诺)")
    VOLUNTEER = "volunteer", _("Volunteer service (志愿服务)")
    OTHER = "other", _("Other (其他)")


def first_of_month(day=None):
    """The first day of ``day``'s month (default: today in the site's time zone), which is how a
    month's programme is keyed."""
    return (day or timezone.localdate()).replace(day=1)


class IntegrityIndexPage(SectionIndexPage):
    """/integrity/: this month's programme first, then the archive by year."""

    subpage_types = ["integrity.MonthlyProgramPage"]

    class Meta:
        verbose_name = _("integrity programme index")
        verbose_name_plural = _("integrity programme indexes")

    def programmes(self):
        return public_only(MonthlyProgramPage.objects.child_of(self).live()).order_by("-month")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = list(self.programmes())
        current = MonthlyProgramPage.current(programmes)
        rates = PracticeReport.objects.participation_by_month([p.pk for p in programmes])
        years = {}
        for programme in programmes:
            programme.participation = rates.get(programme.pk)
            years.setdefault(programme.month.year, []).append(programme)
        context.update(
            current=current,
            current_is_this_month=current is not None and current.is_this_month,
            years=sorted(years.items(), reverse=True),
        )
        return context


class MonthlyProgramPage(SitePage):
    """One month's programme: exactly one lesson (课), one film (片) and one practice (实践)."""

    month = models.DateField(
        _("month"),
        unique=True,
        help_text=_("Any day of the month; it is stored as the first day."),
        error_messages={"unique": _("There is already a programme for this month.")},
    )
    theme = models.CharField(_("theme"), max_length=120, blank=True)

    lesson_title = models.CharField(_("lesson title"), max_length=120, blank=True)
    lesson_speaker = models.CharField(_("speaker"), max_length=60, blank=True)
    lesson_text = RichTextField(_("lesson text"), blank=True)
    lesson_slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    film_title = models.CharField(_("film title"), max_length=120, blank=True)
    film_video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    film_url = models.URLField(
        _("or a video address"),
        blank=True,
        help_text=_("A video file address (.mp4, .webm) on this network, if no file is uploaded."),
    )
    film_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    film_synopsis = models.TextField(_("synopsis"), blank=True)
    film_poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    film_subtitles = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("subtitles (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    practice_title = models.CharField(_("practice title"), max_length=120, blank=True)
    practice_kind = models.CharField(
        _("kind of practice"), max_length=20, choices=PracticeKind.choices, blank=True
    )
    practice_guidance = RichTextField(_("guidance"), blank=True)
    practice_start = models.DateField(_("from"), null=True, blank=True)
    practice_end = models.DateField(_("to"), null=True, blank=True)

    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("month"), FieldPanel("theme")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("lesson_title"), FieldPanel("lesson_speaker")]),
                FieldPanel("lesson_text"),
                FieldPanel("lesson_slides"),
            ],
            heading=_("Lesson (课)"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("film_title"), FieldPanel("film_minutes")]),
                FieldPanel("film_video"),
                FieldPanel("film_url"),
                FieldPanel("film_poster"),
                FieldPanel("film_synopsis"),
                FieldPanel("film_subtitles"),
            ],
            heading=_("Film (片)"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("practice_title"), FieldPanel("practice_kind")]),
                FieldPanel("practice_guidance"),
                FieldRowPanel([FieldPanel("practice_start"), FieldPanel("practice_end")]),
            ],
            heading=_("Practice (实践)"),
        ),
    ]
    search_fields = chinese(
        [
            *SitePage.search_fields,
            *(
                index.SearchField(name)
                for name in (
                    "theme",
                    "lesson_title",
                    "lesson_text",
                    "film_title",
                    "film_synopsis",
                    "practice_title",
                    "practice_guidance",
                )
            ),
        ]
    )
    parent_page_types = ["integrity.IntegrityIndexPage"]
    subpage_types = []

    REQUIRED_TO_PUBLISH = {
        "lesson_title": _("the lesson's title"),
        "lesson_speaker": _("the speaker"),
        "lesson_text": _("the lesson's text"),
        "film_title": _("the film's title"),
        "film_minutes": _("the film's duration"),
        "film_synopsis": _("the synopsis"),
        "film_poster": _("the poster"),
        "practice_title": _("the practice's title"),
        "practice_kind": _("the kind of practice"),
        "practice_guidance": _("the guidance"),
        "practice_start": _("the first day of the practice"),
        "practice_end": _("the last day of the practice"),
    }

    class Meta:
        verbose_name = _("monthly programme")
        verbose_name_plural = _("monthly programmes")

    def share_image(self):
        return self.film_poster

    def __str__(self):
        return self.title

    @classmethod
    def current(cls, programmes=None):
        """This month's programme, else the latest before it; None if there is none. From
        ``programmes`` (newest first) when given, else from the public programmes."""
        month = first_of_month()
        if programmes is None:
            return (
                cls.objects.public_items()
                .filter(month__lte=month)
                .select_related("film_poster", "film_video")  # the portal shows both
                .order_by("-month")
                .first()
            )
        return next((programme for programme in programmes if programme.month <= month), None)

    @property
    def is_this_month(self):
        return self.month == first_of_month()

    def copy(self, *args, update_attrs=None, **kwargs):
        """A copy is the draft of the next month that has no programme yet (one programme a
        month): the committee starts next month's from this one."""
        month = self.next_free_month()
        update_attrs = {**(update_attrs or {}), "month": month, "slug": month.strftime("%Y-%m")}
        # Revisions would carry the old month back into the editor: the copy starts afresh.
        kwargs.update(keep_live=False, copy_revisions=False)
        return super().copy(*args, update_attrs=update_attrs, **kwargs)

    def next_free_month(self):
        taken = set(MonthlyProgramPage.objects.values_list("month", flat=True))
        month = self.month
        while month in taken:
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return month

    def _set_core_field_defaults(self):
        super()._set_core_field_defaults()
        # The address is the month, /integrity/2026-10/, whatever the title or slug typed.
        if self.month:
            self.month = first_of_month(self.month)
            self.slug = self.month.strftime("%Y-%m")

    def clean(self):
        super().clean()
        errors = {}
        if self.practice_start and self.practice_end and self.practice_end < self.practice_start:
            errors["practice_end"] = _("The practice cannot end before it starts.")
        if self.live:
            for name, label in self.REQUIRED_TO_PUBLISH.items():
                if not getattr(self, name):
                    errors.setdefault(
                        name, _("Needed before publishing: %(what)s.") % {"what": label}
                    )
            if not self.film_video_id and not self.film_url:
                errors["film_video"] = _("Needed before publishing: a video file or address.")
        if errors:
            raise ValidationError(errors)

    @property
    def film_length(self):
        """How long the film is, as readers are told: the uploaded file's own duration when it
        has one (it cannot be wrong), else the minutes the editor typed; None if neither."""
        seconds = round(self.film_video.duration or 0) if self.film_video_id else 0
        if seconds >= 60:
            return _("%(minutes)s min") % {"minutes": round(seconds / 60)}
        if seconds:
            return ngettext("%(seconds)d second", "%(seconds)d seconds", seconds) % {
                "seconds": seconds
            }
        if self.film_minutes:
            return _("%(minutes)s min") % {"minutes": self.film_minutes}
        return None

    @property
    def film_source(self):
        if self.film_video_id:
            return self.film_video.url
        return self.film_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participation"] = PracticeReport.objects.participation_for(self)
        user = request.user
        if user.is_authenticated:
            if user.has_perm(REVIEW_PRACTICE_REPORTS):
                context["statuses"] = PracticeReport.objects.status_by_organization(self)
            context["own_reports"] = [
                (org, self.reports.filter(organization=org).first())
                for org in edited_organizations(user)
            ]
        return context


RETURN_NEEDS_COMMENT = _("Say what should change when returning a report.")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("practice report", "Submitted")
    APPROVED = "approved", pgettext_lazy("practice report", "Approved")
    RETURNED = "returned", _("Returned for changes")


# Log entries (Wagtail's ModelLogEntry) of a report's review: the history shown on the review
# screen, with the reviewer's comment in ``data["comment"]``.
REPORT_SUBMITTED_ACTION = "integrity.report_submitted"
REPORT_APPROVED_ACTION = "integrity.report_approved"
REPORT_RETURNED_ACTION = "integrity.report_returned"
REVIEW_ACTIONS = (REPORT_SUBMITTED_ACTION, REPORT_APPROVED_ACTION, REPORT_RETURNED_ACTION)


class PracticeReportQuerySet(models.QuerySet):
    """How many organisations reported on each month's practice, which have not, and which
    wait for the committee."""

    def awaiting_review(self):
        """Reports sent in and not yet reviewed, the longest waiting first."""
        return self.filter(status=ReportStatus.SUBMITTED).order_by("submitted_at", "pk")

    def highlights(self):
        """Reports the portal may show to everyone (实践风采): approved, marked by their
        organisation to be shown, of an organisation and a month's programme that everyone may
        see. The one statement of that rule: the portal's list and the serving of its photos
        (integrity.wagtail_hooks) both ask it."""
        return self.filter(
            status=ReportStatus.APPROVED,
            public_highlight=True,
            organization__in=public_organizations().values("pk"),
            program__in=MonthlyProgramPage.objects.public_items().values("pk"),
        )

    def participation_by_month(self, program_ids):
        """{program id: {"reported", "approved", "total", "rate"}} in two queries."""
        total = public_organizations().count()
        counts = {
            row["program"]: row
            for row in self.filter(program_id__in=program_ids)
            .values("program")
            .annotate(
                reported=Count("pk"),
                approved=Count("pk", filter=Q(status=ReportStatus.APPROVED)),
            )
        }
        result = {}
        for program_id in program_ids:
            row = counts.get(program_id, {"reported": 0, "approved": 0})
            reported = row["reported"]
            result[program_id] = {
                "reported": reported,
                "approved": row["approved"],
                "total": total,
                "rate": round(100 * reported / total, 1) if total else None,
            }
        return result

    def participation_for(self, program):
        return self.participation_by_month([program.pk])[program.pk]

    def status_by_organization(self, program):
        """[(organisation, report or None)] for every organisation, in title order."""
        reports = {r.organization_id: r for r in self.filter(program=program)}
        return [(org, reports.get(org.pk)) for org in public_organizations().order_by("title")]


class PracticeReport(models.Model):
    """An organisation's account of carrying out a month's practice, reviewed by the committee."""

    organization = models.ForeignKey(
        "disclosure.OrganizationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="practice_reports",
    )
    program = models.ForeignKey(
        MonthlyProgramPage,
        verbose_name=_("monthly programme"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    held_on = models.DateField(_("held on"))
    held_on_note = models.CharField(
        _("why outside the dates"),
        max_length=200,
        blank=True,
        help_text=_("Needed when the practice was held outside the month's dates."),
    )
    attendance = models.PositiveIntegerField(_("attendance"))
    attendee_names = models.TextField(_("names of those present"), blank=True)
    summary = models.TextField(_("summary"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    reviewer_comment = models.TextField(_("reviewer's comment"), blank=True)
    public_highlight = models.BooleanField(
        _("show on the portal"),
        default=False,
        help_text=_(
            "Once the committee approves the report, the home page may show its first photo with "
            "the organisation's name and the month, for everyone to see."
        ),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    panels = [
        FieldPanel("organization", read_only=True),
        FieldPanel("program", read_only=True),
        FieldRowPanel(
            [FieldPanel("held_on", read_only=True), FieldPanel("attendance", read_only=True)]
        ),
        FieldPanel("summary", read_only=True),
        ReadOnlyPanel("public_highlight"),
        FieldPanel("status"),
        FieldPanel("reviewer_comment"),
    ]

    objects = PracticeReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice report")
        verbose_name_plural = _("practice reports")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "program"], name="one_report_per_organisation_and_month"
            )
        ]

    def __str__(self):
        return f"{self.organization} · {self.program}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Whether the portal shows this report's photos is cached with published content.
        content_changed()

    def clean(self):
        super().clean()
        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError(
                {
                    "held_on": _(
                        "The practice cannot be reported before it is held: pick a day up to today."
                    )
                }
            )
        program = self.program if self.program_id else None
        if program and program.practice_start and program.practice_end and self.held_on:
            outside = not (program.practice_start <= self.held_on <= program.practice_end)
            if outside and not self.held_on_note.strip():
                raise ValidationError(
                    {
                        "held_on_note": _(
                            "The practice ran from %(start)s to %(end)s: say why it was held on "
                            "another day."
                        )
                        % {"start": program.practice_start, "end": program.practice_end}
                    }
                )
        if self.status == ReportStatus.RETURNED and not self.reviewer_comment.strip():
            raise ValidationError({"reviewer_comment": RETURN_NEEDS_COMMENT})

    @property
    def awaits_review(self):
        return self.status == ReportStatus.SUBMITTED

    @property
    def waiting_days(self):
        """Whole days since the report was sent in."""
        return (timezone.localdate() - timezone.localdate(self.submitted_at)).days

    @property
    def deadline(self):
        """The last day of the month's practice, if the programme names one."""
        return self.program.practice_end

    def approve(self, user):
        """The committee accepts the report. False if it no longer awaits review."""
        return self._review(user, ReportStatus.APPROVED, "", REPORT_APPROVED_ACTION)

    def return_for_changes(self, user, comment):
        """The committee sends the report back, saying what should change (required). False if
        it no longer awaits review."""
        comment = (comment or "").strip()
        if not comment:
            raise ValidationError({"reviewer_comment": RETURN_NEEDS_COMMENT})
        return self._review(user, ReportStatus.RETURNED, comment, REPORT_RETURNED_ACTION)

    @transaction.atomic
    def _review(self, user, status, comment, action):
        """The one transition out of 待审核 (submitted): a conditional update, so two moderators
        (or a double click) cannot review the same report twice, and a log entry for its history."""
        now = timezone.now()
        changed = PracticeReport.objects.filter(pk=self.pk, status=ReportStatus.SUBMITTED).update(
            status=status, reviewer_comment=comment, reviewed_by=user, reviewed_at=now
        )
        if not changed:
            return False
        self.status, self.reviewer_comment, self.reviewed_by, self.reviewed_at = (
            status,
            comment,
            user,
            now,
        )
        log(self, action, user=user, data={"comment": comment})
        content_changed()  # an approved highlight's photos are now public (see save)
        return True

    def log_submission(self, user):
        """Record that the report was sent in (again), for its review history."""
        log(self, REPORT_SUBMITTED_ACTION, user=user)

    def review_history(self):
        """Log entries of submissions and reviews, oldest first."""
        from wagtail.models import ModelLogEntry

        return (
            ModelLogEntry.objects.for_instance(self)
            .filter(action__in=REVIEW_ACTIONS)
            .select_related("user")
            .order_by("timestamp", "pk")
        )


class ReportPhotoQuerySet(models.QuerySet):
    def first_of_each_report(self):
        """The first photo sent with each report: the one the portal shows."""
        first = ReportPhoto.objects.filter(report=OuterRef("report")).order_by("pk").values("pk")
        return self.filter(pk=Subquery(first[:1]))

    def on_the_portal(self):
        """The photos everyone may see: the first of each of the portal's highlights."""
        highlights = PracticeReport.objects.highlights().values("pk")
        return self.filter(report__in=highlights).first_of_each_report()


class ReportPhoto(models.Model):
    """A photo of the practice, stored as a Wagtail image in the organisation's collection.

    It is seen by the organisation and the committee only, unless it is the first photo of a
    report the portal shows (``ReportPhotoQuerySet.on_the_portal``)."""

    report = models.ForeignKey(PracticeReport, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")

    objects = ReportPhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.image.title
