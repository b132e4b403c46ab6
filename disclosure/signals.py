"""Signals: change notes, moves, organisation access, memberships, audience restrictions."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, post_page_move

from disclosure.access import (
    ensure_index_access,
    ensure_organization_access,
    is_syncing,
    sync_membership,
    sync_view_restriction,
)
from disclosure.models import (
    DisclosureAmendment,
    DisclosureIndexPage,
    DisclosurePage,
    Membership,
    OrganizationPage,
)


@receiver(page_published, sender=DisclosurePage)
def record_amendment(sender, instance, revision, **kwargs):
    first_publication = getattr(instance, "_first_publication", False)
    note = (instance.change_note or "").strip()
    if first_publication or instance.minor_change or not note:
        return
    DisclosureAmendment.objects.create(
        page=instance, published_at=instance.last_published_at, note=note
    )
    instance.last_amended_on = instance.last_published_at.date()
    DisclosurePage.objects.filter(pk=instance.pk).update(last_amended_on=instance.last_amended_on)


@receiver(post_page_move)
def follow_organization(sender, instance, parent_page_after, **kwargs):
    if isinstance(instance.specific, DisclosurePage):
        DisclosurePage.objects.filter(pk=instance.pk).update(organization_id=parent_page_after.pk)


@receiver(post_save, sender=OrganizationPage)
def create_organization_access(sender, instance, **kwargs):
    ensure_organization_access(instance)


@receiver(post_save, sender=DisclosureIndexPage)
def create_index_access(sender, instance, **kwargs):
    ensure_index_access(instance)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def follow_membership(sender, instance, **kwargs):
    sync_membership(instance.user)


def restore_audience_restriction(page_id):
    """A restriction set by hand on a disclosure is put back to what its audience says."""
    if is_syncing():
        return
    page = DisclosurePage.objects.filter(pk=page_id).select_related("organization").first()
    if page is not None:
        transaction.on_commit(lambda: sync_view_restriction(page))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, created=False, **kwargs):
    if created and instance.restriction_type == PageViewRestriction.GROUPS:
        # Its groups come next (Wagtail's copy, the privacy dialog): act on m2m_changed, or
        # the restriction would be replaced before they are set.
        return
    restore_audience_restriction(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        restore_audience_restriction(instance.page_id)
