"""Upload limits for images and documents, checked before anything is decoded.

An 11000 × 11000 PNG is 15 KB on disk and 121 million pixels once decoded: accepted as a photo,
it made the admin's image list take seconds and a worker grow past a gigabyte. So every image
upload (the admin's single and multiple upload and chooser, the practice report's photos) reads
the size from the file's header and refuses more than IMAGE_MAX_SIDE_PX a side or IMAGE_MAX_PIXELS
in all; and Pillow is told the same limit at start-up (``limit_image_decoding``), so that nothing
in the process decodes more, whatever is already stored.

Documents are never decoded here, but they are kept to the types readers can open
(WAGTAILDOCS_EXTENSIONS), to DOCUMENT_MAX_UPLOAD_MB, and a file named .pdf must be a PDF.
README, "Accounts and audit".
"""

import math
import os
import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import SourceImageIOError
from willow.plugins.pillow import PillowImage
from willow.registry import registry

MB = 1024 * 1024


def limit_image_decoding():
    """Make sure no image past IMAGE_MAX_PIXELS is decoded in this process.

    Renditions (the admin's image list, choosers, pages) open images through Willow, whose Pillow
    opener is wrapped to measure the image first: an image stored before the upload check, or
    copied in by hand, is then a source Wagtail cannot open, shown as an empty placeholder rather
    than decoded or failing the page. Everything else that uses Pillow (avatars, Django's image
    fields) meets Pillow's own limit, set to the same figure; Pillow only warns between the limit
    and twice the limit, so that warning becomes an error (pytest resets warning filters: the
    subprocess test in tests/home/test_upload_limits.py checks it).
    """
    Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
    limit_avatar_uploads()
    warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
    for image_class in registry.get_image_classes():
        for converter, to_class in list(registry.get_converters_from(image_class)):
            if to_class is PillowImage and converter == PillowImage.open:
                cost = registry.get_converter_cost(image_class, PillowImage)
                registry.register_converter(image_class, PillowImage, open_within_limit, cost)


def limit_avatar_uploads():
    """The admin's profile picture (Wagtail's account page, open to every editor) is resized
    by decoding it whole: it meets the same limits first."""
    from wagtail.admin.forms.account import AvatarPreferencesForm

    original = AvatarPreferencesForm.clean_avatar
    if getattr(original, "within_limits", False):
        return

    def clean_avatar(self):
        file = self.cleaned_data.get("avatar")
        if file:
            check_image_dimensions(file)
        return original(self)

    clean_avatar.within_limits = True
    AvatarPreferencesForm.clean_avatar = clean_avatar


def open_within_limit(image_file):
    """Willow's Pillow opener, refusing an image past IMAGE_MAX_PIXELS before decoding it."""
    size = image_size(image_file.f)
    if size is not None and size[0] * size[1] > settings.IMAGE_MAX_PIXELS:
        raise SourceImageIOError(
            f"{size[0]} × {size[1]} pixels is more than IMAGE_MAX_PIXELS; not decoded."
        )
    return PillowImage.open(image_file)


def image_size(file):
    """(width, height) from the image's header, or None when Pillow knows no such format.

    ``Image.open`` refuses a decompression bomb before saying how large it is, so each format's
    reader is asked directly, the step ``Image.open`` takes before that check. No reader decodes
    pixels: the file is read only up to the start of the image data.
    """
    Image.init()
    file.seek(0)
    prefix = file.read(16)
    try:
        for format_id in Image.ID:
            factory, accept = Image.OPEN[format_id]
            accepted = accept(prefix) if accept else True
            if not accepted or isinstance(accepted, str):  # a string is Pillow's "no, because"
                continue
            file.seek(0)
            try:
                return factory(file).size
            except (SyntaxError, IndexError, TypeError, ValueError, OSError, struct.error):
                continue  # looked like this format but is not; as in Image.open, try the next
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                return None  # a GIF frame past the limit: Wagtail's check refuses it
    finally:
        file.seek(0)
    return None


def image_limits_text():
    return _("At most %(side)d pixels a side and %(megapixels)s megapixels.") % {
        "side": settings.IMAGE_MAX_SIDE_PX,
        "megapixels": f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}",
    }


def check_image_dimensions(file):
    """Refuse an image larger than IMAGE_MAX_SIDE_PX a side or IMAGE_MAX_PIXELS in all."""
    size = image_size(file)
    if size is None:
        return  # not an image Pillow can read: the image field says so in its own words
    width, height = size
    side, pixels = settings.IMAGE_MAX_SIDE_PX, settings.IMAGE_MAX_PIXELS
    if max(width, height) > side or width * height > pixels:
        raise ValidationError(
            _(
                "This image is %(width)d × %(height)d pixels; the largest allowed is %(side)d "
                "pixels a side and %(megapixels)s megapixels."
            )
            % {
                "width": width,
                "height": height,
                "side": side,
                "megapixels": f"{pixels / 1_000_000:g}",
            },
            code="image_too_large",
        )


class LimitedImageField(WagtailImageField):
    """Wagtail's image field, measuring the image from its header before Pillow opens it.

    Wagtail's own pixel check opens the image with Pillow, which refuses a bomb with "unknown
    number" of pixels; this check comes first and says how large the image is.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = f"{self.help_text} {image_limits_text()}"

    def check_image_pixel_size(self, f):
        check_image_dimensions(f)
        try:
            super().check_image_pixel_size(f)
            file = getattr(f, "file", f)
            file.seek(0)
            Image.open(file).verify()  # reads the chunks and their checksums, decodes nothing
            file.seek(0)
        except (OSError, SyntaxError, SourceImageIOError, struct.error) as error:  # damaged
            raise ValidationError(
                _(
                    "This image is damaged or incomplete and cannot be read. Save it again "
                    "and upload the new file."
                ),
                code="invalid_image",
            ) from error


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), with ``LimitedImageField``.

    Wagtail builds the file field itself (``formfield_for_dbfield``), and a field declared here
    would also appear in the multiple upload's edit form, which leaves the file out; so the
    field is swapped once the form exists, keeping Wagtail's label, widget and required flag.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = LimitedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


# What editors call each kind of document, for the refusal message.
DOCUMENT_KINDS = [
    ("PDF", ["pdf"]),
    ("Word", ["doc", "docx", "wps"]),
    ("Excel", ["xls", "xlsx", "et"]),
    ("PowerPoint", ["ppt", "pptx"]),
    ("OFD", ["ofd"]),
    (gettext_lazy("text"), ["txt", "csv"]),
    (gettext_lazy("images"), ["jpg", "jpeg", "png"]),
    (gettext_lazy("archives"), ["zip", "7z", "rar"]),
]

ZIP = b"PK\x03\x04"
# How a file of each type begins, where that is certain. Legacy Office and WPS files are left
# out: systems often export HTML or RTF named .xls or .doc, and Office opens them.
SIGNATURES = {
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "ofd": ZIP,
    "zip": ZIP,
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
    "7z": b"7z\xbc\xaf\x27\x1c",
    "rar": b"Rar!\x1a\x07",
}
PDF_HEADER = b"%PDF-"  # readers accept it anywhere in the first 1024 bytes


def allowed_document_types_text(allowed):
    kinds = []
    for label, extensions in DOCUMENT_KINDS:
        present = [f".{extension}" for extension in extensions if extension in allowed]
        if present:
            kinds.append(f"{label} ({', '.join(present)})")
    return ", ".join(kinds)


def looks_like(upload, extension):
    """Whether the file's first bytes are those of its type (True where no check is certain)."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if extension == "pdf":
        return PDF_HEADER in head
    return head.startswith(SIGNATURES.get(extension, b""))


def check_document(upload):
    """Refuse a document of a type not allowed, past DOCUMENT_MAX_UPLOAD_MB, or not what it says."""
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        if extension:
            message = _("Files of type .%(extension)s cannot be uploaded. Allowed: %(allowed)s.")
        else:
            message = _(
                "“%(name)s” has no type at the end of its name (such as .pdf) and cannot be "
                "uploaded. Allowed: %(allowed)s."
            )
        values = {"extension": extension, "name": upload.name}
        values["allowed"] = allowed_document_types_text(allowed)
        raise ValidationError(message % values, code="document_type")
    limit = settings.DOCUMENT_MAX_UPLOAD_MB
    if upload.size > limit * MB:
        raise ValidationError(
            _("This file is %(size)s MB; the largest allowed is %(limit)d MB.")
            # rounded up, so that a file over the limit never reads as within it
            % {"size": f"{math.ceil(upload.size * 10 / MB) / 10:.1f}", "limit": limit},
            code="document_too_large",
        )
    if not looks_like(upload, extension):
        raise ValidationError(
            _(
                "This file is named .%(extension)s but is not a .%(extension)s file. Save it "
                "again in that format, or give it the name of its real type."
            )
            % {"extension": extension},
            code="document_content",
        )


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), single and multiple upload."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            allowed = settings.WAGTAILDOCS_EXTENSIONS
            field.help_text = _("Allowed: %(allowed)s. At most %(limit)d MB.") % {
                "allowed": allowed_document_types_text(allowed),
                "limit": settings.DOCUMENT_MAX_UPLOAD_MB,
            }
            field.widget.attrs["accept"] = ",".join(f".{extension}" for extension in allowed)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # not the stored file kept on edit
            check_document(upload)
        return upload

    def _update_errors(self, errors):
        """One message about a refused file: Wagtail's ``Document.clean`` checks the extension
        again, of the file on the instance, which after a refusal is the empty name ("File
        extension “” is not allowed")."""
        if self.has_error("file") and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
        super()._update_errors(errors)
