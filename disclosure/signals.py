"""Record public change notes when a disclosure is published again; follow moves."""

from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from disclosure.models import DisclosureAmendment, DisclosurePage


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
