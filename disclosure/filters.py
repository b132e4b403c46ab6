"""Filters of the disclosure listing and its exports, all in the query string."""

import datetime

import django_filters
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure.models.categories import Category
from disclosure.models.choices import Kind, OrganizationType, Validity


class WithdrawnChoice(models.TextChoices):
    """Withdrawn items are left out of the listing unless the reader asks for them."""

    INCLUDE = "include", _("Include withdrawn")
    ONLY = "only", _("Withdrawn only")


class DisclosureFilter(django_filters.FilterSet):
    """Invalid values (unknown category, year 99999, …) are ignored and reported, never a 500."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds")
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.all(), empty_label=_("All categories")
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=None,
        to_field_name="slug",
        empty_label=_("All organisations"),
    )
    org_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"),
        field_name="organization__org_type",
        choices=OrganizationType.choices,
        empty_label=_("All types"),
    )
    year = django_filters.NumberFilter(
        label=_("Year published"),
        method="filter_year",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100, "placeholder": "2026"}),
    )
    validity = django_filters.ChoiceFilter(
        label=_("Validity"), choices=Validity.choices, empty_label=_("Any validity")
    )
    withdrawn = django_filters.ChoiceFilter(
        label=_("Withdrawn items"),
        choices=WithdrawnChoice.choices,
        empty_label=_("Current only"),
        method="filter_withdrawn",
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The organisations that publish here, taken through the relation: this module sits
        # below the page models that use it.
        organizations = self.queryset.model.organization.field.related_model.objects
        self.filters["organization"].queryset = organizations.live().public_only().order_by("title")

    def filter_year(self, queryset, name, value):
        # A date range, not published_on__year, so the published_on index serves it.
        year = int(value)
        return queryset.filter(
            published_on__gte=datetime.date(year, 1, 1),
            published_on__lt=datetime.date(year + 1, 1, 1),
        )

    def filter_withdrawn(self, queryset, name, value):
        if value == WithdrawnChoice.ONLY:
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("withdrawn") not in WithdrawnChoice.values:
            queryset = queryset.filter(withdrawn_at__isnull=True)
        return queryset

    @property
    def cache_key(self):
        """The understood filter values, as a short stable key (bad values never reach it)."""
        self.form.is_valid()
        values = sorted(
            (name, getattr(value, "pk", value))
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "")
        )
        return "&".join(f"{name}={value}" for name, value in values) or "all"

    @property
    def ignored(self):
        """Labels of the filters whose values were not understood."""
        if self.form.is_valid():
            return []
        return [str(self.form.fields[name].label) for name in self.form.errors]
