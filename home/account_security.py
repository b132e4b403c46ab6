"""Session rules that the login pages alone cannot enforce: idle timeout, two-factor, and the
change of a printed initial password.

Each is a middleware that answers with a redirect before the view runs. They sit after
AuthenticationMiddleware, django-otp's OTPMiddleware and MessageMiddleware (config/settings/
base.py). Screens (/screens/…) authenticate by the token in their address and keep no session,
so none of these rules applies to them: an unattended screen is never sent to a login page.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.models import AccountSecurity
from home.two_factor import requires_two_factor, with_next

LAST_SEEN_SESSION_KEY = "last_seen"
PASSWORD_CHECKED_SESSION_KEY = "initial_password_checked"
# The last-activity time is written at most this often, not on every request, so reading pages
# does not cost a session write each; an idle limit may end up to this much early.
LAST_SEEN_WRITE_INTERVAL = 60
# Requests the admin sends by itself while a page is open (the editor's "who else is editing"
# ping every 10 seconds): they are not activity, so they do not keep a session alive.
BACKGROUND_PATHS = ("/admin/editing-sessions/",)


def start_the_idle_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_SESSION_KEY] = int(time.time())


def open_paths():
    """Paths that need no finished login: logging in and out, static files, the language
    switch and the screens."""
    return (
        settings.STATIC_URL,
        reverse("accounts:login"),
        reverse("accounts:logout"),
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("set_language"),
        "/screens/",
    )


def two_factor_paths():
    return (reverse("accounts:two_factor_verify"),)  # the set-up pages live below it


def is_under(path, prefixes):
    return any(path.startswith(prefix) for prefix in prefixes)


def is_admin_path(path):
    return path.startswith(reverse("wagtailadmin_home"))


def is_staff_account(user):
    """Accounts that can open the admin: superusers, staff, and editors and moderators (who
    reach the admin through Wagtail's access_admin permission, not is_staff)."""
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def idle_limit_seconds(user, idle_seconds):
    """The idle limit that applies to ``user``. Whether the account is staff is looked up only
    once the shorter limit has passed, so an active session costs no permission query."""
    staff = settings.SESSION_IDLE_TIMEOUT_STAFF_MINUTES * 60
    others = settings.SESSION_IDLE_TIMEOUT_MINUTES * 60
    if idle_seconds <= min(staff, others):
        return None
    return staff if is_staff_account(user) else others


class IdleTimeoutMiddleware:
    """End a session after a while without requests: SESSION_IDLE_TIMEOUT_STAFF_MINUTES for
    accounts that can open the admin, SESSION_IDLE_TIMEOUT_MINUTES for everyone else.

    An unlocked office computer left with the admin open is the risk this closes. The session
    keeps the time of the last request (epoch seconds, updated at most once a minute).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_under(request.path_info, ("/screens/", settings.STATIC_URL)):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if isinstance(last_seen, int):
                limit = idle_limit_seconds(user, now - last_seen)
                if limit is not None and now - last_seen > limit:
                    return self.log_out(request, limit)
            background = is_under(request.path_info, BACKGROUND_PATHS)
            stale = not isinstance(last_seen, int) or now - last_seen >= LAST_SEEN_WRITE_INTERVAL
            if stale and not background:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)

    def log_out(self, request, limit):
        logout(request)
        minutes = limit // 60
        messages.info(
            request,
            ngettext(
                "You were logged out after %(minutes)d minute without activity.",
                "You were logged out after %(minutes)d minutes without activity.",
                minutes,
            )
            % {"minutes": minutes},
        )
        login_url = reverse("wagtailadmin_login") if is_admin_path(request.path_info) else None
        return redirect_to_login(request.get_full_path(), login_url)


class TwoFactorMiddleware:
    """With TWO_FACTOR_REQUIRED, a superuser or moderator who has logged in with a password only
    is sent to the code page (home.two_factor) from every page, the admin included, until the
    code is entered; the page sends accounts without an authenticator to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWO_FACTOR_REQUIRED and not is_under(
            request.path_info, open_paths() + two_factor_paths()
        ):
            user = request.user
            if user.is_authenticated and not user.is_verified() and requires_two_factor(user):
                verify_url = reverse("accounts:two_factor_verify")
                return redirect(with_next(verify_url, request.get_full_path()))
        return self.get_response(request)


def must_change_password(user):
    return AccountSecurity.objects.filter(user=user, must_change_password=True).exists()


def flag_initial_password(user):
    """Mark ``user``'s password as printed: with FORCE_INITIAL_PASSWORD_CHANGE it must be changed
    at the first login."""
    AccountSecurity.objects.update_or_create(user=user, defaults={"must_change_password": True})


def clear_initial_password(user):
    AccountSecurity.objects.filter(user=user).update(must_change_password=False)


class PasswordChangeRequiredMiddleware:
    """With FORCE_INITIAL_PASSWORD_CHANGE, an account created with a printed password (manage.py
    ensure_admin) is sent to the password change page from every page until it has its own.

    The answer "no change needed" is remembered in the session, so other accounts pay for the
    check once per session, not once per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.FORCE_INITIAL_PASSWORD_CHANGE and self.applies_to(request):
            user = request.user
            if request.session.get(PASSWORD_CHECKED_SESSION_KEY) != user.pk:
                if must_change_password(user):
                    messages.warning(
                        request,
                        _(
                            "This account still has the password that was printed when it was "
                            "created. Choose your own password to continue."
                        ),
                    )
                    return redirect("accounts:password_change")
                request.session[PASSWORD_CHECKED_SESSION_KEY] = user.pk
        return self.get_response(request)

    @staticmethod
    def applies_to(request):
        path = request.path_info
        allowed = open_paths() + two_factor_paths() + (reverse("accounts:password_change"),)
        return not is_under(path, allowed) and request.user.is_authenticated


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; a printed initial password counts as changed afterwards."""

    def form_valid(self, form):
        if form.cleaned_data["new_password1"] == form.cleaned_data["old_password"]:
            form.add_error("new_password1", _("Choose a new password, not the one you have now."))
            return self.form_invalid(form)
        response = super().form_valid(form)
        clear_initial_password(form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's set-a-new-password page of the reset email; likewise clears the flag."""

    def form_valid(self, form):
        response = super().form_valid(form)
        clear_initial_password(form.user)
        return response
