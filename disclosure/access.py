"""Rights that follow from the organisation tree: groups, page and collection permissions,
the review workflow, and the view restriction that each audience (公开范围) stands for.

Everything here is idempotent and runs from signals, so it holds whatever created the pages:
the admin, a script, an import or load_demo.
"""

import copy
from contextlib import contextmanager

from asgiref.local import Local
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from disclosure.models import Audience, DisclosurePage, Membership, OrganizationAccess, Role
from home.roles import MODERATORS

WORKFLOW = "两新工委审核"
ROLE_GROUP_LABELS = {Role.EMPLOYEE: "职工", Role.PARTY_MEMBER: "党员", Role.EDITOR: "编辑"}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
MODERATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("disclosure", "delete_published_disclosure"),
    ("disclosure", "add_category"),
    ("disclosure", "change_category"),
    ("disclosure", "delete_category"),
    ("disclosure", "add_membership"),
    ("disclosure", "change_membership"),
    ("disclosure", "delete_membership"),
    ("disclosure", "view_membership"),
]

_state = Local()


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def unique_group(name):
    """Get or create a group called ``name``, or ``name (2)`` … if a stranger took it."""
    return Group.objects.get_or_create(name=name[:150])[0]


def moderators_group():
    """The committee's group: reviews and publishes everything, edits the catalogue."""
    group, created = Group.objects.get_or_create(name=MODERATORS)
    if created:
        group.permissions.add(*(permission(app, code) for app, code in MODERATOR_MODEL_PERMISSIONS))
        root = Collection.get_first_root_node()
        for app, code in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission(app, code)
            )
    return group


def grant_moderator_permissions(app_config, codenames, using="default", **kwargs):
    """Give the committee's group ``codenames`` of ``app_config``'s models (from post_migrate).

    An app's post_migrate handler can run before Django has created that app's permissions on a
    fresh database, so they are created here first.
    """
    create_permissions(app_config, verbosity=0, using=using)
    moderators_group().permissions.add(
        *Permission.objects.filter(content_type__app_label=app_config.label, codename__in=codenames)
    )


@transaction.atomic
def ensure_organization_access(organization):
    """Groups (职工, 党员, 编辑), a collection, and the editors' rights on the organisation."""
    existing = OrganizationAccess.objects.filter(organization=organization).first()
    if existing is not None:
        return existing
    groups = {
        role: unique_group(f"{organization.title}·{label}")
        for role, label in ROLE_GROUP_LABELS.items()
    }
    editors = groups[Role.EDITOR]
    editors.permissions.add(permission("wagtailadmin", "access_admin"))
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=organization, permission=page_permission(codename)
        )
    collection = Collection.get_first_root_node().add_child(name=organization.title)
    for app, code in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=collection, permission=permission(app, code)
        )
    return OrganizationAccess.objects.create(
        organization=organization,
        employees=groups[Role.EMPLOYEE],
        party_members=groups[Role.PARTY_MEMBER],
        editors=editors,
        collection=collection,
    )


@transaction.atomic
def ensure_index_access(index):
    """Moderators' rights on /disclosures/ and the 两新工委审核 workflow over it."""
    moderators = moderators_group()
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators, page=index, permission=page_permission(codename)
        )
    task, created = GroupApprovalTask.objects.get_or_create(name=WORKFLOW)
    if created:
        task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def sync_membership(user):
    """Put ``user`` in exactly the organisation groups their memberships name, one per
    organisation: a membership moved to another organisation leaves the old one's group."""
    organisation_groups = set()
    for row in OrganizationAccess.objects.values_list("employees", "party_members", "editors"):
        organisation_groups.update(row)
    wanted = set()
    for membership in Membership.objects.filter(user=user):
        access = OrganizationAccess.objects.filter(organization_id=membership.organization_id)
        access = access.first()
        if access is not None:  # None while the organisation is being deleted
            wanted.add(access.group_for(membership.role).pk)
    current = set(user.groups.values_list("pk", flat=True)) & organisation_groups
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))


def audience_groups(organization, audience):
    """The groups that may read a disclosure of ``organization`` with ``audience``."""
    if audience == Audience.PUBLIC:
        return []
    access = ensure_organization_access(organization)
    readers = [access.party_members, access.editors, moderators_group()]
    if audience == Audience.ORGANIZATION:
        readers.append(access.employees)
    return readers


@contextmanager
def syncing():
    _state.syncing = True
    try:
        yield
    finally:
        _state.syncing = False


def is_syncing():
    return getattr(_state, "syncing", False)


def sync_view_restriction(page):
    """Make the page's view restriction exactly the one its audience stands for."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    with syncing():
        if page.audience == Audience.PUBLIC:
            if restrictions.exists():
                restrictions.delete()
            return
        wanted = {group.pk for group in audience_groups(page.organization, page.audience)}
        current = list(restrictions.prefetch_related("groups"))
        if (
            len(current) == 1
            and current[0].restriction_type == PageViewRestriction.GROUPS
            and {group.pk for group in current[0].groups.all()} == wanted
        ):
            return
        restrictions.delete()
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(wanted)


def sync_stored_audience(page):
    """Keep a disclosure's view restriction in step with its *stored* audience.

    The audience is read back from the database: saving a draft (or submitting it for review)
    stores a revision and leaves the live row as it was, so a draft that makes a restricted
    disclosure public must not lift its restriction before it is published.
    """
    if not page.organization_id or page.pk is None:
        return
    stored = DisclosurePage.objects.filter(pk=page.pk).values_list("audience", flat=True)
    audience = stored.first()
    if audience is None:
        return
    if audience != page.audience:
        live = copy.copy(page)
        live.audience = audience
        sync_view_restriction(live)
    else:
        sync_view_restriction(page)
