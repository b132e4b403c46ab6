"""Categories of the disclosure catalogue (公开目录), one list per kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from disclosure.models.choices import Kind


class Category(index.Indexed, models.Model):
    """A heading of the disclosure catalogue; every disclosure files under one of its kind."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=40)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the catalogue.")
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("order")]
    search_fields = [index.SearchField("name"), index.FilterField("kind")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="unique_category_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.name}"
