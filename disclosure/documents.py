"""Who may download a document: the same people who may read a page that uses it.

Wagtail protects documents only by collection privacy, so a PDF attached to a restricted
disclosure would download for anyone with its URL. Here a document is served when a live page
that attaches or links it is readable by the visitor, or to those who manage documents.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from disclosure.models import DisclosureAttachment
from home.visibility import readable_by


def pages_using(document):
    """Ids of pages that attach the document or link it from their body."""
    page_ids = set(
        DisclosureAttachment.objects.filter(document=document).values_list("page_id", flat=True)
    )
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids |= {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return page_ids


def may_download(user, document):
    policy = policy_registry.get_by_type(get_document_model())
    if user.is_authenticated and policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return True
    page_ids = pages_using(document)
    if not page_ids:
        return False  # not published anywhere: only those who manage documents
    pages = Page.objects.live().filter(Q(pk__in=page_ids))
    return readable_by(pages, user if user.is_authenticated else None).exists()


def guard_document(document, request):
    """``before_serve_document`` hook: refuse what the visitor may not read."""
    if not may_download(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
