"""The disclosure section and the organisations that publish in it."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from disclosure.feeds import DisclosureFeed
from disclosure.filters import DisclosureFilter
from disclosure.models.categories import Category
from disclosure.models.choices import OrganizationType
from disclosure.models.disclosures import DisclosurePage, for_listing, readable_disclosures
from disclosure.validators import validate_credit_code
from home.models import SectionIndexPage, SitePage, TypedChildRouteMixin
from home.pagination import CachedCountPaginator
from home.search.fields import chinese
from home.visibility import public_only

PER_PAGE = 20

# Routes of the index and organisation pages; no organisation may take these as its slug.
RESERVED_SLUGS = {"feed"}


class DisclosureIndexPage(RoutablePageMixin, TypedChildRouteMixin, SectionIndexPage):
    """/disclosures/: every public disclosure of every organisation, filtered and paged."""

    child_page_model = "disclosure.OrganizationPage"
    subpage_types = ["disclosure.OrganizationPage"]

    class Meta:
        verbose_name = _("disclosure index")
        verbose_name_plural = _("disclosure indexes")

    @path("")
    def listing(self, request):
        user = request.user
        filters = DisclosureFilter(request.GET, queryset=readable_disclosures(user, True))
        if user.is_authenticated:  # what a member sees is theirs: never a shared count
            paginator = Paginator(for_listing(filters.qs), PER_PAGE)
        else:
            paginator = CachedCountPaginator(
                for_listing(filters.qs), PER_PAGE, count_key=f"disclosures:{filters.cache_key}"
            )
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "page_obj": page_obj,
                "export_query": request.GET.urlencode(),
            },
        )

    @path("feed/")
    def feed(self, request):
        return DisclosureFeed(self)(request)


class OrganizationPage(RoutablePageMixin, TypedChildRouteMixin, SitePage):
    """An enterprise or social organisation: its profile, its catalogue and its disclosures."""

    child_page_model = "disclosure.DisclosurePage"
    child_select_related = ("category", "organization", "superseded_by")

    org_type = models.CharField(
        _("organisation type"),
        max_length=20,
        choices=OrganizationType.choices,
        default=OrganizationType.ENTERPRISE,
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        help_text=_("统一社会信用代码: 18 characters, as on the business licence."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    street = models.CharField(_("street or sector"), max_length=60, blank=True)
    branch_name = models.CharField(
        _("party branch"), max_length=80, blank=True, help_text=_("Empty if there is no branch.")
    )
    secretary = models.CharField(_("branch secretary"), max_length=40, blank=True)
    member_count = models.PositiveIntegerField(_("party members"), default=0)
    founded_on = models.DateField(_("founded"), null=True, blank=True)
    contact = models.CharField(_("contact"), max_length=80, blank=True)
    model_branch_awarded_on = models.DateField(
        _("model branch since"), null=True, blank=True, help_text=_("示范标杆党支部: date awarded.")
    )
    model_branch_revoked_on = models.DateField(_("model branch revoked on"), null=True, blank=True)
    model_branch_revoke_reason = models.CharField(
        _("reason for revocation"), max_length=200, blank=True
    )

    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("org_type"), FieldPanel("credit_code")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("street"), FieldPanel("founded_on")]),
                FieldRowPanel([FieldPanel("branch_name"), FieldPanel("secretary")]),
                FieldRowPanel([FieldPanel("member_count"), FieldPanel("contact")]),
            ],
            heading=_("Party branch"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("model_branch_awarded_on"),
                FieldRowPanel(
                    [
                        FieldPanel("model_branch_revoked_on"),
                        FieldPanel("model_branch_revoke_reason"),
                    ]
                ),
            ],
            heading=_("Model branch (示范标杆)"),
        ),
    ]
    search_fields = chinese(
        [
            *SitePage.search_fields,
            index.SearchField("intro"),
            index.SearchField("credit_code"),
            index.SearchField("branch_name"),
            index.FilterField("org_type"),
        ]
    )
    api_fields = [
        APIField("org_type"),
        APIField("credit_code"),
        APIField("street"),
        APIField("branch_name"),
        APIField("secretary"),
        APIField("member_count"),
        APIField("founded_on"),
        APIField("model_branch_awarded_on"),
        APIField("model_branch_revoked_on"),
        APIField("model_branch_revoke_reason"),
    ]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = ["disclosure.DisclosurePage"]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("“%(slug)s” is reserved for the site's own addresses.") % {
                "slug": self.slug
            }
        if self.credit_code:
            self.credit_code = self.credit_code.strip().upper()
        if self.model_branch_revoked_on:
            if not self.model_branch_awarded_on:
                errors["model_branch_revoked_on"] = _("Only an awarded status can be revoked.")
            elif self.model_branch_revoked_on < self.model_branch_awarded_on:
                errors["model_branch_revoked_on"] = _("Revocation comes after the award.")
            if not self.model_branch_revoke_reason.strip():
                errors["model_branch_revoke_reason"] = _("Give the reason for the revocation.")
        if errors:
            raise ValidationError(errors)

    @property
    def model_branch_state(self):
        """'awarded', 'revoked' or '' for the 示范标杆 status."""
        if not self.model_branch_awarded_on:
            return ""
        return "revoked" if self.model_branch_revoked_on else "awarded"

    def catalogue(self, disclosures):
        """Each category with how many items it has here and its newest item (two queries)."""
        in_category = disclosures.filter(category=OuterRef("pk")).order_by()
        categories = list(
            Category.objects.annotate(
                count=Coalesce(
                    Subquery(in_category.values("category").annotate(n=Count("pk")).values("n")),
                    0,
                ),
                newest_id=Subquery(in_category.order_by("-published_on", "-pk").values("pk")[:1]),
            )
        )
        # Only what the catalogue shows of each newest item: its title, link and date.
        newest = DisclosurePage.objects.filter(
            pk__in=[c.newest_id for c in categories if c.newest_id]
        ).only("title", "url_path", "path", "depth", "published_on")
        newest_by_pk = {item.pk: item for item in newest}
        return [
            {"category": c, "count": c.count, "newest": newest_by_pk.get(c.newest_id)}
            for c in categories
        ]

    @path("")
    def profile(self, request):
        disclosures = readable_disclosures(request.user).filter(organization=self)
        catalogue = self.catalogue(disclosures)
        paginator = Paginator(for_listing(disclosures), PER_PAGE)
        paginator.count = sum(row["count"] for row in catalogue)  # known: spare a COUNT query
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request, context_overrides={"page_obj": page_obj, "catalogue": catalogue}
        )

    @path("feed/")
    def feed(self, request):
        return DisclosureFeed(self, organization=self)(request)

    def serve_preview(self, request, mode_name):
        return self.profile(request)


def public_organizations():
    """Live organisations everyone may see."""
    return public_only(OrganizationPage.objects.live())
