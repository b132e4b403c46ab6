"""Throttling that holds behind a proxy and cannot lock the owner out: logins, password reset
and set-password, the API.

One client address for all of them: ``client_ip`` believes ``X-Forwarded-For`` only when the
request comes from a configured trusted proxy (TRUSTED_PROXIES), so behind nginx every reader
is not 127.0.0.1 and nobody can claim an address by sending the header themselves.

Logins (django-axes and this module):
- axes locks one username *from one address* after AXES_FAILURE_LIMIT failures, for
  AXES_COOLOFF_TIME. The owner, from any other address, is not affected.
- an account that many addresses attack (LOGIN_ACCOUNT_FAILURES within the window) is slowed
  down, not locked: one attempt every LOGIN_SLOW_DOWN_SECONDS from addresses it has not logged
  in from before; the addresses of its earlier successful logins are not slowed down.
- an address that tries many usernames (LOGIN_ADDRESS_FAILURES) is slowed down the same way.
A slowed-down attempt is refused before the password is checked and says how long to wait.
"""

import ipaddress
import math
import time

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from rest_framework.throttling import SimpleRateThrottle


def _networks():
    networks = []
    for value in settings.TRUSTED_PROXIES:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            continue
    return networks


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or, from a trusted proxy, the last address in
    X-Forwarded-For that is not itself a trusted proxy (the one our proxy saw)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks()
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        try:
            ipaddress.ip_address(address)
        except ValueError:
            return remote  # a forged or broken header: keep the proxy's own address
        if not _is_trusted(address, networks):
            return address
    return remote


class Window:
    """A counter per key over a fixed window, in the cache (Redis in production)."""

    def __init__(self, name, seconds):
        self.name, self.seconds = name, seconds

    def key(self, value):
        return f"throttle:{self.name}:{value}"

    def count(self, value):
        return cache.get(self.key(value), 0)

    def hit(self, value, amount=1):
        key = self.key(value)
        if cache.add(key, amount, self.seconds):
            return amount
        try:
            return cache.incr(key, amount)
        except ValueError:  # expired between add and incr
            cache.add(key, amount, self.seconds)
            return amount


class Pace:
    """At most one attempt per ``seconds`` for a key; returns the seconds still to wait."""

    def __init__(self, name):
        self.name = name

    def wait(self, value, seconds):
        key = f"throttle:{self.name}:next:{value}"
        now = time.time()
        next_allowed = cache.get(key, 0)
        if now < next_allowed:
            return math.ceil(next_allowed - now)
        cache.set(key, now + seconds, seconds)
        return 0


def _window():
    return int(settings.AXES_COOLOFF_TIME * 3600)


def account_failures():
    return Window("login-account", _window())


def address_failures():
    return Window("login-address", _window())


LOGIN_PACE = Pace("login")


def normalise_username(username):
    return (username or "").strip().lower()[:150]


def axes_username(request, credentials):
    """The name axes counts failures under: "GongWei", " gongwei" and "gongwei" are one."""
    if credentials:
        username = credentials.get("username")
    else:
        username = request.POST.get("username") if request is not None else None
    return normalise_username(username)


def known_address_key(account, address):
    return f"throttle:known:{account}:{address}"


def remember_address(request, username):
    """After a successful login: this address is the account's own for KNOWN_ADDRESS_DAYS, and
    the account's slow-down does not apply to it (an attack elsewhere cannot slow the owner)."""
    account, address = normalise_username(username), client_ip(request)
    if account and address:
        cache.set(known_address_key(account, address), True, settings.KNOWN_ADDRESS_DAYS * 86400)


def login_wait(request, username):
    """Seconds this login attempt must wait (0: go ahead)."""
    delay = settings.LOGIN_SLOW_DOWN_SECONDS
    account = normalise_username(username)
    address = client_ip(request)
    wait = 0
    if (
        account
        and account_failures().count(account) >= settings.LOGIN_ACCOUNT_FAILURES
        and not cache.get(known_address_key(account, address))
    ):
        wait = max(wait, LOGIN_PACE.wait(f"account:{account}", delay))
    if address and address_failures().count(address) >= settings.LOGIN_ADDRESS_FAILURES:
        wait = max(wait, LOGIN_PACE.wait(f"address:{address}", delay))
    return wait


def record_login_failure(request, username):
    """Count a failed login for its account and its address (from user_login_failed); returns
    the account's count, 0 for an attempt refused before its password was checked."""
    if request is None or getattr(request, "login_refused_unchecked", False):
        return 0  # not a guess
    address = client_ip(request)
    if address:
        address_failures().hit(address)
    account = normalise_username(username)
    return account_failures().hit(account) if account else 0


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, then the slow-down of attacked accounts and addresses."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            request.login_refused_unchecked = True
            raise
        if request is None or not settings.AXES_ENABLED:
            return None
        wait = login_wait(request, username)
        if wait:
            request.login_wait = wait
            request.login_refused_unchecked = True
            request.axes_locked_out = True  # axes' middleware answers with lockout_response
            raise AxesBackendPermissionDenied("slowed down")
        return None


def lockout_response(request, original_response=None, credentials=None):
    """The page for a locked or slowed-down login (429), saying how long to wait."""
    wait = getattr(request, "login_wait", 0)
    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    # Rendered here: axes' middleware answers after the view's response was rendered.
    return render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"wait_seconds": wait, "cooloff_minutes": minutes},
        status=429,
    )


# ---- password reset and set-password -------------------------------------------------------


def reset_wait(request, email=None):
    """Seconds before another password-reset request from this address (0: go ahead).

    Each address may ask PASSWORD_RESET_PER_ADDRESS times in the window. Each email address
    gets at most PASSWORD_RESET_PER_ACCOUNT messages in it, silently: the page says the same
    whether a message was sent, so it tells nobody whether an account exists.
    """
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    if (
        Window("reset-address", window).hit(client_ip(request))
        > settings.PASSWORD_RESET_PER_ADDRESS
    ):
        return window
    return 0


def may_send_reset(email):
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    count = Window("reset-account", window).hit(normalise_username(email))
    return count <= settings.PASSWORD_RESET_PER_ACCOUNT


def set_password_wait(request, account=""):
    """Set-password and change-password submissions, per address and per account."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    limit = settings.SET_PASSWORD_ATTEMPTS
    if Window("set-password-address", window).hit(client_ip(request)) > limit:
        return window
    if account and Window("set-password-account", window).hit(str(account)) > limit:
        return window
    return 0


RESET_VIEWS = {
    "accounts:password_reset": "accounts:password_reset_done",
    "wagtailadmin_password_reset": "wagtailadmin_password_reset_done",
}
SET_PASSWORD_VIEWS = {
    "accounts:password_reset_confirm",
    "accounts:password_change",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_account",
}


class PasswordThrottleMiddleware:
    """Throttles the POSTs of every password form, the site's and the admin's alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = request.resolver_match.view_name
        if name in RESET_VIEWS:
            wait = reset_wait(request)
            if wait:
                return too_many(request, wait)
            if not may_send_reset(request.POST.get("email", "")):
                # The same answer as a message sent: nobody learns whether the account exists.
                return redirect(RESET_VIEWS[name])
        elif name in SET_PASSWORD_VIEWS:
            account = view_kwargs.get("uidb64") or (
                request.user.pk if request.user.is_authenticated else ""
            )
            wait = set_password_wait(request, account)
            if wait:
                return too_many(request, wait)
        return None


def too_many(request, seconds):
    return TemplateResponse(
        request,
        "registration/too_many_requests.html",
        {"wait_minutes": max(1, math.ceil(seconds / 60))},
        status=429,
    )


# ---- the API ---------------------------------------------------------------------------------


class ApiRateThrottle(SimpleRateThrottle):
    """Requests to the public API per client address (API_RATE, e.g. "120/min")."""

    scope = "api"

    def get_rate(self):
        return settings.API_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
