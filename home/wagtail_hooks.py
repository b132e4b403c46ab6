"""Wagtail hooks of the portal app."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

from home.demo import load_home_demo
from home.visibility import readable_by

hooks.register("register_demo_content", load_home_demo, order=0)


@hooks.register("before_serve_page", order=-1)
def refuse_members_without_access(page, request, serve_args, serve_kwargs):
    """A logged-in visitor who may not read a restricted page gets the 403 page.

    Wagtail would send them to the login page, where they are already logged in; with
    redirect_authenticated_user that would loop back. (Anonymous visitors still go to login.)
    """
    if not request.user.is_authenticated:
        return None
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise PermissionDenied
    return None


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Choosers list what the user may read or edit, never other people's drafts.

    Wagtail's page chooser lists every page to anyone in the admin; an editor of one
    organisation would see the titles of another's drafts there.
    """
    user = request.user
    if user.is_superuser:
        return pages
    roots = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page__path", flat=True
    )
    own = Q(pk__in=[])
    for path in roots:
        own |= Q(path__startswith=path)
    readable = readable_by(Page.objects.live(), user).values("pk")
    return pages.filter(own | Q(pk__in=readable))
