"""StreamField blocks shared by every page type that has a rich body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image with the text a screen reader says and an optional visible caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Description for screen readers"),
        max_length=200,
        required=False,
        help_text=_("Say what the image shows. Leave empty only for decoration."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document, shown with its file type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of standard pages and disclosures: text, tables, images, documents, embeds."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "ol", "ul", "link", "document-link", "hr"],
    )
    table = TableBlock(label=_("Table"), template="blocks/table.html")
    image = ImageBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embedded media"), help_text=_("A video or page address."))
