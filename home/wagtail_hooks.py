"""Wagtail hooks of the portal app."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from home.demo import load_home_demo

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
