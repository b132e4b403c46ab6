"""Screens in storefronts and offices, their playlists, and emergency notices."""

import secrets
from datetime import timedelta

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable

from disclosure.models import DisclosurePage
from home.visibility import is_public_item


def new_token():
    """192 random bits, URL-safe: the screen's only credential."""
    return secrets.token_urlsafe(24)


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape (横屏)")
    PORTRAIT = "portrait", _("Portrait (竖屏)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# The page types a screen can show (a slide is built for each in screens.playlist).
SCREEN_PAGE_TYPES = [
    "disclosure.DisclosurePage",
    "integrity.MonthlyProgramPage",
    "training.CoursePage",
    "home.StandardPage",
]


def screen_page_models():
    """The page classes of ``SCREEN_PAGE_TYPES``."""
    return tuple(apps.get_model(label) for label in SCREEN_PAGE_TYPES)


def page_refusal(page):
    """Why ``page`` cannot go on a screen (a message), or None if it can."""
    specific = page.specific
    if not isinstance(specific, screen_page_models()):
        return gettext(
            "Only disclosures, monthly programmes, courses and standard pages can be shown."
        )
    if not page.live:
        return gettext("The page is not published.")
    if isinstance(specific, DisclosurePage) and specific.is_withdrawn:
        return gettext("The disclosure has been withdrawn.")
    if not is_public_item(specific):
        return gettext("The page is not public: screens show only what everyone may read.")
    return None


class ScreenStatus(models.TextChoices):
    ONLINE = "online", _("Online")
    STALE = "stale", _("Late")
    OFFLINE = "offline", _("Offline")


class Screen(ClusterableModel):
    name = models.CharField(_("name"), max_length=80)
    place = models.CharField(_("place"), max_length=120, help_text=_("Where the screen hangs."))
    organization = models.ForeignKey(
        "disclosure.OrganizationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screens",
        help_text=_("Whose latest disclosures the screen shows. Leave empty for all."),
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    seconds_per_slide = models.PositiveSmallIntegerField(
        _("seconds per slide"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(300)],
    )
    poll_seconds = models.PositiveSmallIntegerField(
        _("check for changes every (seconds)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(600)],
    )
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_token, editable=False
    )
    token_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # What the screen last said about itself (heartbeat).
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True, editable=False)
    last_version = models.CharField(max_length=64, blank=True, editable=False)
    last_item = models.CharField(max_length=200, blank=True, editable=False)
    last_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("place")]),
        FieldPanel("organization"),
        FieldRowPanel(
            [FieldPanel("orientation"), FieldPanel("seconds_per_slide"), FieldPanel("poll_seconds")]
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Outside these hours the screen shows a dark standby. "
                        "A screen without hours plays all day, every day."
                    )
                ),
                InlinePanel("hours", label=_("Opening hours")),
            ],
            heading=_("Opening hours"),
        ),
        InlinePanel("items", label=_("Playlist item"), heading=_("Playlist")),
    ]

    class Meta:
        verbose_name = _("screen")
        verbose_name_plural = _("screens")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}（{self.place}）"

    def get_absolute_url(self):
        return reverse("screens:player", args=[self.token])

    def regenerate_token(self):
        """A new address; the old one stops working at once."""
        self.token = new_token()
        self.token_changed_at = timezone.now()
        Screen.objects.filter(pk=self.pk).update(
            token=self.token, token_changed_at=self.token_changed_at
        )

    def status(self, now=None):
        """A ``ScreenStatus`` from the last heartbeat: late after a missed poll, offline after
        three."""
        if self.last_seen_at is None:
            return ScreenStatus.OFFLINE
        silent = ((now or timezone.now()) - self.last_seen_at).total_seconds()
        if silent > 3 * self.poll_seconds:
            return ScreenStatus.OFFLINE
        if silent > 2 * self.poll_seconds:
            return ScreenStatus.STALE
        return ScreenStatus.ONLINE


class OpeningHours(Orderable):
    screen = ParentalKey(Screen, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("Opening and closing times are the same.")})


class ItemKind(models.TextChoices):
    PAGE = "page", _("A page")
    IMAGE = "image", _("An image with caption")
    NOTICE = "notice", _("A short notice")
    LATEST_DISCLOSURES = "latest", _("Latest public disclosures of the screen's organisation")
    PROGRAMME = "programme", _("This month's integrity programme")


class PlaylistItem(Orderable):
    screen = ParentalKey(Screen, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("type"), max_length=12, choices=ItemKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A public disclosure, monthly programme, course or standard page."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    text = models.TextField(_("caption or notice"), max_length=300, blank=True)
    count = models.PositiveSmallIntegerField(
        _("how many"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("For the latest disclosures."),
    )
    starts_on = models.DateField(_("show from"), null=True, blank=True)
    ends_on = models.DateField(_("show until"), null=True, blank=True)

    panels = [
        FieldPanel("kind"),
        PageChooserPanel("page", SCREEN_PAGE_TYPES),
        FieldPanel("image"),
        FieldPanel("text"),
        FieldPanel("count"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("playlist item")

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        errors = {}
        if self.kind == ItemKind.PAGE:
            if self.page_id is None:
                errors["page"] = _("Choose the page to show.")
            else:
                refusal = page_refusal(self.page)
                if refusal:
                    errors["page"] = refusal
        if self.kind == ItemKind.IMAGE and self.image_id is None:
            errors["image"] = _("Choose the image to show.")
        if self.kind == ItemKind.NOTICE and not self.text.strip():
            errors["text"] = _("Write the notice.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)

    def is_showing(self, today):
        return (self.starts_on is None or self.starts_on <= today) and (
            self.ends_on is None or today <= self.ends_on
        )


def default_expiry():
    return timezone.now() + timedelta(hours=2)


class EmergencyNotice(ClusterableModel):
    """Shown over every chosen screen's playlist until it expires or is cleared."""

    text = models.TextField(_("notice"), max_length=300)
    all_screens = models.BooleanField(_("on every screen"), default=True)
    screens = ParentalManyToManyField(
        Screen,
        verbose_name=_("screens"),
        blank=True,
        related_name="emergency_notices",
        help_text=_("Only when not on every screen."),
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    expires_at = models.DateTimeField(_("until"), default=default_expiry)
    cleared_at = models.DateTimeField(_("cleared"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("expires_at")]),
        FieldPanel("all_screens"),
        FieldPanel("screens", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cleared_at"),
    ]

    class Meta:
        verbose_name = _("emergency notice")
        verbose_name_plural = _("emergency notices")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.text[:40]

    def clean(self):
        if self.starts_at and self.expires_at and self.expires_at <= self.starts_at:
            raise ValidationError({"expires_at": _("The notice must end after it starts.")})

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.cleared_at is None and self.starts_at <= now < self.expires_at
