"""Views of the portal app that are not Wagtail pages."""

from django.conf import settings
from django.views.static import serve


def serve_public_media(request, path):
    """Serve uploaded images from MEDIA_ROOT on one-machine sites (SERVE_MEDIA).

    The URL pattern excludes documents/: documents are served by Wagtail's document view, which
    checks who may download them.
    """
    return serve(request, path, document_root=settings.MEDIA_ROOT)
