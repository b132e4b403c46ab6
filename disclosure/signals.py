"""Signals: change notes, moves, organisation access, memberships, audience restrictions."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, post_page_move

from disclosure.access import (
    ensure_index_access,
    ensure_organization_access,
    grant_moderator_permissions,
    is_syncing,
    sync_membership,
    sync_stored_audience,
    sync_view_restriction,
)
from disclosure.models import (
    DisclosureAmendment,
    DisclosureIndexPage,
    DisclosurePage,
    Membership,
    OrganizationPage,
)
from home.request_cache import forget
from home.signals import connect


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


def follow_audience(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_stored_audience(instance)


def follow_organization(sender, instance, parent_page_after, **kwargs):
    if isinstance(instance.specific, DisclosurePage):
        DisclosurePage.objects.filter(pk=instance.pk).update(organization_id=parent_page_after.pk)


def create_organization_access(sender, instance, **kwargs):
    ensure_organization_access(instance)


def create_index_access(sender, instance, **kwargs):
    ensure_index_access(instance)


def follow_membership(sender, instance, **kwargs):
    forget(("roles:memberships", instance.user_id))
    sync_membership(instance.user)


def restore_audience_restriction(page_id):
    """A restriction set by hand on a disclosure is put back to what its audience says."""
    if is_syncing():
        return
    page = DisclosurePage.objects.filter(pk=page_id).select_related("organization").first()
    if page is not None:
        transaction.on_commit(lambda: sync_view_restriction(page))


def restriction_changed(sender, instance, created=False, **kwargs):
    if created and instance.restriction_type == PageViewRestriction.GROUPS:
        # Its groups come next (Wagtail's copy, the privacy dialog): act on m2m_changed, or
        # the restriction would be replaced before they are set.
        return
    restore_audience_restriction(instance.page_id)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        restore_audience_restriction(instance.page_id)


# The portal's own models the committee edits (home cannot import the groups it grants to).
HOME_MODERATOR_PERMISSIONS = [
    f"{action}_searchsynonym" for action in ("add", "change", "delete", "view")
]


def grant_home_permissions(app_config, using="default", **kwargs):
    # home migrates before disclosure, whose permissions the committee's group is created with.
    create_permissions(apps.get_app_config("disclosure"), verbosity=0, using=using)
    grant_moderator_permissions(app_config, HOME_MODERATOR_PERMISSIONS, using=using)


def register_signal_handlers(app_config):
    """Every handler of the disclosure app; called once from ``DisclosureConfig.ready()``."""
    connect(page_published, record_amendment, DisclosurePage)
    connect(post_page_move, follow_organization)
    connect(post_save, create_organization_access, OrganizationPage)
    connect(post_save, create_index_access, DisclosureIndexPage)
    connect(post_save, follow_audience, DisclosurePage)
    connect(post_save, follow_membership, Membership)
    connect(post_delete, follow_membership, Membership)
    connect(post_save, restriction_changed, PageViewRestriction)
    connect(post_delete, restriction_changed, PageViewRestriction)
    connect(m2m_changed, restriction_groups_changed, PageViewRestriction.groups.through)
    connect(post_migrate, grant_home_permissions, apps.get_app_config("home"))
