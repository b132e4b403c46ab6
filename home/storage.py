"""The upload storage: uploaded images and media are stored under random names.

The uploader's file name (often a person's name, or worse an ID number) would otherwise be in
every URL of the file and of an image's renditions, which take the original's name. Doing it in
the storage holds for every way a file is saved: the admin, the report form, scripts, the demo.
Documents keep their names: they are only ever served through the document view, and the name is
what a reader's download is called.
"""

import os
import secrets

from django.core.files.storage import FileSystemStorage

RANDOM_NAME_FOLDERS = {"original_images", "media", "media_thumbnails"}


def random_name(filename):
    """26 random characters and the file's type: nothing about the upload."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{secrets.token_hex(13)}{extension}"


class UploadStorage(FileSystemStorage):
    def generate_filename(self, filename):
        folder, _, name = filename.replace("\\", "/").rpartition("/")
        if folder in RANDOM_NAME_FOLDERS:
            filename = f"{folder}/{random_name(name)}"
        return super().generate_filename(filename)
