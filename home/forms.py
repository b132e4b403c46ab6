"""The admin form of every page type: a page names and uses only what its editor may choose.

Wagtail's page, document and image choosers accept any id that exists, and show that item's
title (or thumbnail) when a form comes back with an error; a valid save keeps the item, and
home.visibility.can_view_file then serves its file to the page's readers. Here a chooser
accepts, and a form shows back, only what the user may choose:

- pages they may see in the admin (``home.visibility.pages_visible_in_admin``);
- documents and images of the collections where they may choose or change them (Wagtail's
  collection permission policy);
- anything the page's live version already uses, so that editing a page a moderator filled is
  not blocked.

Foreign keys (and those of inline panels) get a narrower queryset: any other id is the field's
"not a valid choice" error, and the chooser widget shows nothing for it (home.admin_choosers).
Chooser blocks in a StreamField are emptied when the form is read back and the field gets an
error; links in its rich text are refused the same way.
"""

from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget, ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from home.visibility import pages_visible_in_admin

CHOOSE_PERMISSIONS = ["choose", "change"]


class Choosable:
    """What ``user`` may put on ``page`` (see the module docstring)."""

    def __init__(self, user, page):
        self.user = user
        self.page = page
        self._checked = {}

    @staticmethod
    def kind(model):
        """The base model (Page, the document or the image model) of ``model``, else None."""
        for base in (Page, get_document_model(), get_image_model()):
            if issubclass(model, base):
                return base
        return None

    @cached_property
    def _live_references(self):
        """(content type id, object id) of what the page's live version uses."""
        page = self.page
        if page is None or not page.pk or not page.live:
            return set()
        live = type(page).objects.filter(pk=page.pk).first()
        if live is None:
            return set()
        references = ReferenceIndex._extract_references_from_object(live)
        return {(content_type_id, object_id) for content_type_id, object_id, *_rest in references}

    def condition(self, model):
        """A filter on ``model`` (a page, document or image model) for what may be chosen."""
        base = self.kind(model)
        if base is Page:
            own = pages_visible_in_admin(self.user)
        else:
            own = policy_registry.get_by_type(base).instances_user_has_any_permission_for(
                self.user, CHOOSE_PERMISSIONS
            )
        content_type_id = ReferenceIndex._get_base_content_type(base).pk
        live = [pk for ct_id, pk in self._live_references if ct_id == content_type_id]
        return Q(pk__in=own.values("pk")) | Q(pk__in=live)

    def allows(self, obj):
        """Whether ``obj`` (any model instance) may be put on the page."""
        base = self.kind(type(obj))
        if base is None:
            return True
        key = (base, obj.pk)
        if key not in self._checked:
            self._checked[key] = base.objects.filter(self.condition(base), pk=obj.pk).exists()
        return self._checked[key]

    def limit(self, form):
        """Narrow the chooser fields of ``form`` and of its inline forms, at any depth."""
        for field in form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and self.kind(queryset.model) is not None:
                field.queryset = queryset.filter(self.condition(queryset.model))
        for formset in getattr(form, "formsets", {}).values():
            for child in formset.forms:
                self.limit(child)


def scrub(block, value, allows, refused):
    """``value`` of ``block`` with every chosen item that ``allows`` refuses emptied (and
    appended to ``refused``), in place where the value is a container."""
    if value is None:
        return value
    if isinstance(block, (ChooserBlock, ImageBlock)):
        if allows(value):
            return value
        refused.append(value)
        return None
    if isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            value[name] = scrub(child_block, value.get(name), allows, refused)
    elif isinstance(block, ListBlock):
        for child in value.bound_blocks:
            child.value = scrub(block.child_block, child.value, allows, refused)
    elif isinstance(block, StreamBlock):
        for child in value:
            child.value = scrub(child.block, child.value, allows, refused)
    return value


class ChoosableBlockWidget(BlockWidget):
    """A StreamField's widget that reads back only what the user may choose, and remembers
    what it left out for the form's error."""

    def __init__(self, block_def, choosable, attrs=None):
        super().__init__(block_def, attrs=attrs)
        self.choosable = choosable
        self.refused = []

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        self.refused = []
        return scrub(self.block_def, value, self.choosable.allows, self.refused)


class SitePageForm(WagtailAdminPageForm):
    """The base form of every page type (``SitePage.base_form_class``)."""

    refused_message = _("You may not use an item you cannot choose here: choose another.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # A field whose default is computed (``date.today``) gets a hidden copy of its initial
            # value that Wagtail's forms never post, so Django thinks it changed on every save: a
            # moderator who only approves would be logged as saving a draft.
            field.show_hidden_initial = False
        user = self.for_user
        self.choosable = None
        if user is None or (user.is_authenticated and user.is_superuser):
            return
        self.choosable = Choosable(user, self.instance)
        self.choosable.limit(self)
        for field in self.fields.values():
            if isinstance(field.widget, BlockWidget):
                field.widget = ChoosableBlockWidget(
                    field.widget.block_def, self.choosable, attrs=field.widget.attrs
                )

    def clean(self):
        cleaned_data = super().clean()
        if self.choosable is None:
            return cleaned_data
        for name, field in self.fields.items():
            if not isinstance(field.widget, ChoosableBlockWidget) or name in self.errors:
                continue
            if field.widget.refused or self._refused_links(name, cleaned_data.get(name)):
                self.add_error(name, self.refused_message)
        return cleaned_data

    def _refused_links(self, name, value):
        """Whether the rich text in StreamField ``name`` links a page, document or image the
        user may not choose."""
        if value is None:
            return False
        model_field = self._meta.model._meta.get_field(name)
        for model, object_id, *_rest in model_field.extract_references(value):
            if self.choosable.kind(model) is None:
                continue
            try:
                instance = model.objects.filter(pk=object_id).first()
            except (TypeError, ValueError):  # a hand-written link with a bad id
                continue
            if instance is not None and not self.choosable.allows(instance):
                return True
        return False
