"""API representations of a disclosure's related objects (Wagtail API v2)."""

from rest_framework.fields import Field

from home.visibility import is_public_item


class CategoryField(Field):
    def to_representation(self, page):
        category = page.category
        return {"id": category.pk, "kind": category.kind, "name": category.name}


class OrganizationField(Field):
    def to_representation(self, page):
        organization = page.organization
        if organization is None:
            return None
        return {
            "id": organization.pk,
            "title": organization.title,
            "slug": organization.slug,
            "credit_code": organization.credit_code,
        }


class PageLinkField(Field):
    """A link to another disclosure, given only when that one is public itself."""

    def to_representation(self, page):
        if page is None or not is_public_item(page):
            return None
        return {"id": page.pk, "title": page.title, "index_number": page.index_number}


class AttachmentsField(Field):
    """A disclosure's attachments; none for a taken-down one (its rows are gone too)."""

    def to_representation(self, page):
        if page.is_removed:
            return []
        return [
            {
                "title": attachment.display_title,
                "url": attachment.document.url,
                "file_type": attachment.document.file_extension.lower(),
                "size": attachment.document.get_file_size(),
            }
            for attachment in page.attachments.select_related("document")
        ]


class AmendmentsField(Field):
    def to_representation(self, page):
        return [
            {"published_at": amendment.published_at.isoformat(), "note": amendment.note}
            for amendment in page.amendments.all()
        ]
