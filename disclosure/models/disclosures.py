"""One disclosure (党务公开 or 企务公开 item) and what hangs off it: attachments, amendments.

A withdrawn (撤回) disclosure keeps its text, marked; a taken-down (撤下) one keeps only its record:
its summary, body and attachments are cleared from the live row and from every revision saved
or published after the take-down, so no channel (page, search, API, files) can serve them again.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from disclosure.forms import DisclosurePageForm
from disclosure.models.choices import Audience, Kind, Validity
from disclosure.periods import period_label
from disclosure.serializers import (
    AmendmentsField,
    AttachmentsField,
    CategoryField,
    OrganizationField,
    PageLinkField,
)
from home.blocks import BaseStreamBlock
from home.caching import content_changed
from home.models import SitePage
from home.search.attachments import document_text
from home.search.fields import chinese
from home.visibility import public_only, readable_by

# Notices to employees must stay up at least this long (公示期).
MIN_ENTERPRISE_DISPLAY_DAYS = 15

WITHDRAW_ACTION = "disclosure.withdraw"
TAKE_DOWN_ACTION = "disclosure.take_down"


class WithdrawalKind(models.TextChoices):
    """What a withdrawal does to the content: 撤回 keeps it readable, 撤下 removes it."""

    WITHDRAWN = "withdrawn", _("Withdrawn (撤回)")
    REMOVED = "removed", _("Taken down (撤下)")


class DisclosureState(models.TextChoices):
    """A published disclosure's state as the admin's listings name it (home.status colours it);
    drafts keep Wagtail's own words."""

    LIVE = "live", pgettext_lazy("disclosure", "On display")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    REMOVED = "removed", _("Taken down")


class DisclosureCopyForm(CopyForm):
    """Copies of a disclosure start as drafts: never published nor aliased along the way, so
    each gets its own 索引号 and publication date when it is published itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)


class IndexSequence(models.Model):
    """The last 索引号 sequence number used per organisation, year and series.

    Public and restricted disclosures count in separate series, so the public numbers run without
    gaps that would betray restricted items.
    """

    organization = models.ForeignKey("disclosure.OrganizationPage", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=1, blank=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "series"], name="unique_index_sequence"
            )
        ]

    def __str__(self):
        return f"{self.organization_id}/{self.year}-{self.series}{self.last}"

    @classmethod
    def next_number(cls, organization, year, series):
        with transaction.atomic():
            sequence, _ = cls.objects.select_for_update().get_or_create(
                organization=organization, year=year, series=series
            )
            sequence.last += 1
            sequence.save(update_fields=["last"])
        code = organization.credit_code or f"ORG{organization.pk:06d}"
        return f"{code}/{year}-{series}{sequence.last:04d}"


class DisclosurePage(SitePage):
    """One item an organisation makes known: to the public, its employees or its party members.

    Its catalogue number (索引号) and publication date are fixed on first publication and kept
    across later revisions; later publications carry a public change note; withdrawal keeps
    the page at its URL with the reason.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTY)
    category = models.ForeignKey(
        "disclosure.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_("Who may read it. Restricted items are shown only to logged-in members."),
    )
    organization = models.ForeignKey(
        "disclosure.OrganizationPage",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        related_name="disclosures",
        null=True,
        editable=False,
    )
    index_number = models.CharField(
        _("index number"), max_length=40, unique=True, null=True, blank=True, editable=False
    )
    document_number = models.CharField(
        _("document number"), max_length=60, blank=True, help_text=_("文号, if the item has one.")
    )
    date_written = models.DateField(_("date written"), default=datetime.date.today)
    published_on = models.DateField(_("date published"), null=True, blank=True, editable=False)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    period_label = models.CharField(
        _("period"),
        max_length=60,
        blank=True,
        help_text=_("Filled in from the dates when empty, e.g. 2026年第三季度."),
    )
    validity = models.CharField(
        _("validity"), max_length=20, choices=Validity.choices, default=Validity.VALID
    )
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    display_until = models.DateField(
        _("display until"),
        null=True,
        blank=True,
        help_text=_("公示期. Enterprise notices stay up at least 15 days; empty means 15 days."),
    )
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    change_note = models.TextField(
        _("change note"),
        blank=True,
        help_text=_("Shown publicly in the page's history when this change is published."),
    )
    minor_change = models.BooleanField(
        _("minor change"),
        default=False,
        help_text=_("A typo or layout fix: published without a change note."),
    )
    last_amended_on = models.DateField(_("last amended"), null=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)
    withdrawal_kind = models.CharField(
        _("kind of withdrawal"),
        max_length=20,
        choices=WithdrawalKind.choices,
        blank=True,
        editable=False,
    )

    # Set by the system, never taken from an older revision when it is published.
    SYSTEM_FIELDS = (
        "organization_id",
        "index_number",
        "published_on",
        "last_amended_on",
        "withdrawn_at",
        "withdrawal_reason",
        "withdrawal_kind",
    )
    # What a take-down clears; the record (title, catalogue facts, dates, reason) stays.
    CONTENT_FIELDS = ("summary", "body", "attachments")
    # A copy is a new item (next month's notice): a draft with none of the original's
    # publication facts, numbered at its own first publication (see exclude_fields_in_copy).
    COPY_RESETS = (
        "organization",  # set from the copy's parent, which may be another organisation
        "index_number",
        "published_on",
        "last_amended_on",
        "display_until",
        "validity",
        "superseded_by",
        "change_note",
        "minor_change",
        "withdrawn_at",
        "withdrawal_reason",
        "withdrawal_kind",
    )

    base_form_class = DisclosurePageForm
    copy_form_class = DisclosureCopyForm
    # The audience field decides who may read a disclosure; the admin's privacy setting is off
    # (and a restriction set any other way is put back to the audience, see disclosure.signals).
    private_page_options = []
    parent_page_types = ["disclosure.OrganizationPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("category")]),
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("date_written")]),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("period_label"),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("superseded_by")]),
                FieldPanel("display_until"),
            ],
            heading=_("Catalogue"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        MultiFieldPanel(
            [FieldPanel("change_note"), FieldPanel("minor_change")],
            heading=_("This change"),
        ),
    ]

    search_fields = chinese(
        [
            *Page.search_fields,
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("index_number"),
            index.SearchField("document_number"),
            # Methods, not RelatedFields: a related field called "title" would be indexed as
            # this page's title and rank every item of an organisation as a title match.
            index.SearchField("attachment_titles"),
            index.SearchField("attachment_text"),
            index.SearchField("organization_name"),
            index.SearchField("category_name"),
            index.FilterField("kind"),
            index.FilterField("audience"),
            index.FilterField("published_on"),
            index.FilterField("withdrawn_at"),
        ]
    )

    api_fields = [
        APIField("kind"),
        APIField("category", serializer=CategoryField(source="*")),
        APIField("audience"),
        APIField("organization", serializer=OrganizationField(source="*")),
        APIField("index_number"),
        APIField("document_number"),
        APIField("date_written"),
        APIField("published_on"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("period_label"),
        APIField("validity"),
        APIField("superseded_by", serializer=PageLinkField()),
        APIField("display_until"),
        APIField("summary"),
        APIField("body"),
        APIField("attachments", serializer=AttachmentsField(source="*")),
        APIField("amendments", serializer=AmendmentsField(source="*")),
        APIField("withdrawn_at"),
        APIField("withdrawal_reason"),
        APIField("withdrawal_kind"),
    ]

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        permissions = [("delete_published_disclosure", _("Can delete published disclosures"))]
        indexes = [
            models.Index(fields=["-published_on", "-page_ptr"], name="disclosure_newest"),
            models.Index(fields=["organization", "-published_on"], name="disclosure_org_newest"),
        ]

    # Reuse channels carry public-audience items that are not withdrawn (nor taken down: a
    # take-down sets ``withdrawn_at`` too).
    public_item_filter = {"audience": Audience.PUBLIC, "withdrawn_at__isnull": True}

    # --- validation and saving -------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.category_id and self.category.kind != self.kind:
            errors["category"] = _("Choose a category of the same kind as the disclosure.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period cannot end before it starts.")
        if self.superseded_by_id and self.superseded_by_id == self.pk:
            errors["superseded_by"] = _("A disclosure cannot supersede itself.")
        if self.superseded_by_id and self.validity == Validity.VALID:
            errors["validity"] = _("A superseded disclosure is amended or repealed, not valid.")
        earliest = self.earliest_display_until()
        if earliest and self.display_until and self.display_until < earliest:
            errors["display_until"] = _(
                "Enterprise notices stay up at least 15 days after publishing: until %(date)s "
                "or later."
            ) % {"date": earliest.isoformat()}
        if errors:
            raise ValidationError(errors)

    def earliest_display_until(self):
        if self.kind != Kind.ENTERPRISE:
            return None
        start = self.published_on or timezone.localdate()
        return start + datetime.timedelta(days=MIN_ENTERPRISE_DISPLAY_DAYS)

    def save(self, *args, **kwargs):
        if self.is_removed:
            self.clear_content()
        if not self.period_label:
            self.period_label = period_label(self.period_start, self.period_end)
        if self.organization_id is None and self.path:
            self.organization_id = self.get_parent().pk
        if self.live and self.organization_id:
            self.fix_publication_facts()
        super().save(*args, **kwargs)

    def fix_publication_facts(self):
        """On first publication: the publication date, 公示期 default and the 索引号."""
        if self.published_on is None:
            self.published_on = timezone.localdate()
        if self.display_until is None and self.kind == Kind.ENTERPRISE:
            self.display_until = self.earliest_display_until()
        if not self.index_number:
            self._first_publication = True  # read by the page_published handler
            series = "" if self.audience == Audience.PUBLIC else "N"
            self.index_number = IndexSequence.next_number(
                self.organization, self.published_on.year, series
            )

    @property
    def exclude_fields_in_copy(self):
        """Wagtail's list of fields a copy does not take (read on the instance).

        The same names are reset in the revisions copied along; a copy of a taken-down page
        gets no content, not even from the earlier revisions it carries.
        """
        fields = list(self.COPY_RESETS)
        if self.is_removed:
            fields += self.CONTENT_FIELDS
        return fields

    def copy(self, *args, **kwargs):
        """A copy is always a draft, also from code (Wagtail's default keeps a live page live)."""
        kwargs["keep_live"] = False
        return super().copy(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for name in self.SYSTEM_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    # --- withdrawal and take-down ----------------------------------------------------------

    def clear_content(self):
        self.summary = ""
        self.body = []
        self.attachments = []

    def holds_content(self):
        return bool(self.summary or len(self.body) or list(self.attachments.all()))

    def save_revision(self, *args, **kwargs):
        # After a take-down no revision holds content, whoever saves it (an edit, a revert).
        if self.is_removed:
            self.clear_content()
        return super().save_revision(*args, **kwargs)

    def publish(self, revision, user=None, **kwargs):
        """Publish ``revision``; on a taken-down page an older revision that still holds the
        content is saved again without it and that copy is published, so the live row, the
        live revision and aliases never get the content back."""
        if self.is_removed:
            page = revision.as_object()
            if page.holds_content():
                revision = page.save_revision(user=user, clean=False)
        return super().publish(revision, user=user, **kwargs)

    @transaction.atomic
    def withdraw(self, kind, reason, user=None):
        """Withdraw (撤回: the text stays, marked) or take down (撤下: only the record stays).

        A withdrawn page may be taken down later, never the reverse. A take-down publishes a
        revision without the summary, body and attachments (so the edit form and the live row
        agree), then re-indexes the page for search and for Wagtail's reference index, which
        makes the attachments and images unreachable for readers (home.visibility).
        """
        if kind not in WithdrawalKind.values:
            raise ValueError(f"unknown kind of withdrawal: {kind!r}")
        if self.is_removed or (self.is_withdrawn and kind != WithdrawalKind.REMOVED):
            raise ValueError("a withdrawal can only be escalated to a take-down")
        self.withdrawn_at = timezone.now()
        self.withdrawal_reason = reason
        self.withdrawal_kind = kind
        DisclosurePage.objects.filter(pk=self.pk).update(
            withdrawn_at=self.withdrawn_at,
            withdrawal_reason=self.withdrawal_reason,
            withdrawal_kind=self.withdrawal_kind,
        )
        if kind == WithdrawalKind.REMOVED:
            self.take_down_content(user)
        log(
            instance=self,
            action=TAKE_DOWN_ACTION if kind == WithdrawalKind.REMOVED else WITHDRAW_ACTION,
            user=user,
            data={"kind": kind, "reason": reason},
        )
        content_changed()

    def take_down_content(self, user):
        # From the live row, not a pending draft: a take-down publishes nothing unreviewed.
        page = DisclosurePage.objects.get(pk=self.pk)
        page.change_note, page.minor_change = "", False  # no amendment for a take-down
        revision = page.save_revision(user=user, clean=False)
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
        live = DisclosurePage.objects.get(pk=self.pk)
        index.insert_or_update_object(live)
        ReferenceIndex.create_or_update_for_object(live)
        self.refresh_from_db()

    # --- reading ----------------------------------------------------------------------------

    # What search_meta reads, fetched once for a page of results (home/search/views.py).
    search_related = ("organization", "attachments__document")

    def search_meta(self):
        return {
            "type": self.get_kind_display(),
            "organization": self.organization.title if self.organization_id else "",
            "date": self.published_on,
            "index_number": self.index_number,
        }

    def search_snippet_text(self):
        return self.summary

    def attachment_titles(self):
        return " ".join(a.display_title for a in self.attachments.select_related("document"))

    def attachment_texts(self):
        """(title, text) of each attachment whose text can be read (home.search.attachments):
        indexed for search, and quoted in a result whose summary does not hold the query."""
        texts = ((a.display_title, document_text(a.document)) for a in self.attachments.all())
        return [(title, text) for title, text in texts if text]

    def attachment_text(self):
        return " ".join(text for _title, text in self.attachment_texts())

    def organization_name(self):
        return self.organization.title if self.organization_id else ""

    def category_name(self):
        return self.category.name if self.category_id else ""

    @property
    def is_withdrawn(self):
        """Withdrawn or taken down: either way out of current listings, feeds and screens."""
        return self.withdrawn_at is not None

    @property
    def is_removed(self):
        """Taken down (撤下): only the record and the reason are kept."""
        return self.withdrawal_kind == WithdrawalKind.REMOVED

    @property
    def admin_state(self):
        """公示中, 已撤回 or 已撤下 on the admin's listings (home.status); None for a draft."""
        if not self.live:
            return None
        if self.is_withdrawn:
            return DisclosureState.REMOVED if self.is_removed else DisclosureState.WITHDRAWN
        return DisclosureState.LIVE

    def state_badges(self):
        """What a reader is told of the item's state, as (label, tone), the same wherever it is
        listed: listings, search results and its own page (home.models.SitePage.state_badges)."""
        badges = []
        if self.is_removed:
            badges.append((_("Taken down"), "red"))
        elif self.is_withdrawn:
            badges.append((_("Withdrawn"), "red"))
        if self.is_amended:
            badges.append((_("Amended"), "warn"))
        if self.validity == Validity.REPEALED:
            badges.append((_("Repealed"), "muted"))
        if not self.is_withdrawn and self.display_state == "showing":
            badges.append((_("On display"), "ok"))
        if self.restricted_audience_label:
            badges.append((self.restricted_audience_label, "muted"))
        return badges

    @property
    def restricted_audience_label(self):
        """The audience as members see it marked in listings (本单位职工, 本支部党员); empty for
        public items."""
        return "" if self.audience == Audience.PUBLIC else self.get_audience_display()

    @property
    def is_amended(self):
        return self.last_amended_on is not None or self.validity == Validity.AMENDED

    @property
    def display_state(self):
        """'showing' while the 公示期 runs, 'ended' after it, '' when there is none."""
        if not self.display_until:
            return ""
        return "showing" if timezone.localdate() <= self.display_until else "ended"

    @cached_property
    def attachment_list(self):
        return list(self.attachments.select_related("document"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Most disclosures were never amended: their history needs no query.
        context["amendments"] = self.amendments.all() if self.last_amended_on else []
        readable = readable_disclosures(request.user, include_withdrawn=True)
        context["supersedes"] = readable.filter(superseded_by=self)
        context["superseded_by"] = (
            readable.filter(pk=self.superseded_by_id).first() if self.superseded_by_id else None
        )
        return context


def public_disclosures(include_withdrawn=False):
    """Live disclosures for everyone: the policy's public items, and with ``include_withdrawn``
    the withdrawn ones too (their listing marks them; reuse channels never carry them)."""
    if not include_withdrawn:
        return DisclosurePage.objects.public_items()
    return public_only(DisclosurePage.objects.live().filter(audience=Audience.PUBLIC))


def readable_disclosures(user, include_withdrawn=False):
    """Live disclosures ``user`` may open: the public ones, and for members the restricted
    ones their groups may read (the same view restrictions that guard the pages)."""
    if user is None or not user.is_authenticated:
        return public_disclosures(include_withdrawn)
    queryset = readable_by(DisclosurePage.objects.live(), user)
    if not include_withdrawn:
        queryset = queryset.filter(withdrawn_at__isnull=True)
    return queryset


def for_listing(queryset):
    """Newest first, with what a list item shows, in a number of queries that does not grow."""
    return (
        queryset.select_related("category", "organization")
        .defer_streamfields()
        .order_by("-published_on", "-pk")
    )


class DisclosureAttachment(Orderable):
    """A document attached to a disclosure, listed with its file type and size."""

    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Empty: the document's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.document.title


class DisclosureAmendment(models.Model):
    """A public change note, recorded each time a published disclosure is published again."""

    page = models.ForeignKey(DisclosurePage, on_delete=models.CASCADE, related_name="amendments")
    published_at = models.DateTimeField(_("published at"))
    note = models.TextField(_("change note"))

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.note
