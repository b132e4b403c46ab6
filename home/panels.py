"""Edit-form panels shared by the apps' models."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel


class ReadOnlyPanel(FieldPanel):
    """A field shown, not edited, with its value in words: 是 / 否 for a yes-or-no field, where
    Wagtail's read-only panel prints Python's True / False."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return super().format_value_for_display(value)
