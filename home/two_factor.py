"""Two-factor login for the accounts that can publish or change everything.

Superusers and the committee's moderators (home.roles.is_moderator) confirm each login with a
code from an authenticator app (django-otp's TOTP devices), or with one of ten single-use
recovery codes (django-otp's static device) when the phone is not at hand. With
settings.TWO_FACTOR_REQUIRED on (production), such a session counts as logged in only after the
code: home.account_security.TwoFactorMiddleware sends it here first, and to the set-up page when
the account has no authenticator yet. django-otp's throttling stays on: each wrong code doubles
the wait before the next one is checked.
"""

import math
import re
from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from home.qr import qr_svg
from home.roles import is_moderator

RESET_ACTION = "nanhu.two_factor_reset"
SETUP_ACTION = "nanhu.two_factor_setup"
RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_CODE = re.compile(r"\d{6}")
FRESH_CODES_SESSION_KEY = "two_factor_fresh_codes"


def requires_two_factor(user):
    """Superusers and moderators must confirm their logins with a second factor."""
    return is_moderator(user)


def may_reset_two_factor(actor, user):
    """Who may remove another account's authenticator: a superuser anyone's, a moderator that of
    anyone but a superuser (so a moderator cannot weaken the accounts above them)."""
    if actor.is_superuser:
        return True
    return requires_two_factor(actor) and not user.is_superuser


def authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


PENDING_DEVICE_SESSION_KEY = "two_factor_pending_device"


def pending_authenticator(request):
    """The authenticator being set up in this session: the same secret until it is confirmed,
    so reloading the page does not invalidate a QR code already scanned.

    The key belongs to the session that was shown it. Another session (someone else who knows
    the password) gets a new key, and the earlier unconfirmed one is deleted, so nobody can copy
    a key in advance and wait for the owner to confirm it.
    """
    user = request.user
    pending = TOTPDevice.objects.filter(user=user, confirmed=False)
    device = pending.filter(pk=request.session.get(PENDING_DEVICE_SESSION_KEY)).first()
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
        request.session[PENDING_DEVICE_SESSION_KEY] = device.pk
    return device


@transaction.atomic
def confirm_authenticator(device):
    """Make ``device`` the account's only authenticator (a new phone replaces the old one)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


@transaction.atomic
def new_recovery_codes(user):
    """Replace the account's recovery codes with ten new ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_two_factor(user, actor=None):
    """Remove every device of ``user``; they set two-factor login up again at their next login.
    Sessions verified with a removed device stop counting as verified at once."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    log(instance=user, action=RESET_ACTION, user=actor, data={"devices": len(devices)})
    return len(devices)


def secret_for_typing(device):
    """The TOTP secret in base32, in groups of four, for apps without a camera."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The otpauth:// address as an inline SVG QR code (no image request, no inline style)."""
    return qr_svg(
        device.config_url,
        scale=5,
        border=4,
        svgclass="qr-code",
        title=_("QR code for your authenticator app"),
    )


def normalised(code):
    """Codes as people type them: spaces and dashes ignored, recovery codes in any case."""
    return re.sub(r"[\s-]", "", code).lower()


def check_code(device, code, wrong_message):
    """Return None if ``device`` accepts ``code``, else the error to show.

    The device is locked for the check, so two requests cannot both use one recovery code, and
    a wrong code's throttling is committed even though the form then fails.
    """
    if device is None:
        return wrong_message
    with transaction.atomic():
        device = type(device).objects.select_for_update().filter(pk=device.pk).first()
        if device is None:
            return wrong_message
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return wait_message(details)
        if not device.verify_token(code):
            return wrong_message
    return None


def wait_message(details):
    locked_until = (details or {}).get("locked_until")
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then try again.",
        "Too many wrong codes. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}


class CodeForm(forms.Form):
    """One box for a code. Six digits are checked against the authenticator, anything else
    against the recovery codes, so people need not say which they are typing."""

    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, user, authenticator_device=None, allow_recovery=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.authenticator_device = authenticator_device
        self.allow_recovery = allow_recovery
        self.device = None

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        if AUTHENTICATOR_CODE.fullmatch(code):
            device = self.authenticator_device
        elif self.allow_recovery:
            device = recovery_device(self.user)
        else:
            raise forms.ValidationError(_("Enter the 6-digit code your authenticator app shows."))
        error = check_code(device, code, self.wrong_code_message())
        if error:
            raise forms.ValidationError(error)
        self.device = device
        return code

    def wrong_code_message(self):
        if self.allow_recovery:
            return _(
                "That code is not right. Enter the code your authenticator app shows now, "
                "or one of your recovery codes."
            )
        return _(
            "That code is not right. Enter the code the app shows now, and check that the "
            "phone's clock is right."
        )


def safe_next(request):
    """Where to go afterwards: ``next`` if it points into this site, else the home page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}"


def two_factor_page(view):
    """The pages below: logged in, never cached, and only for accounts that need two-factor."""

    @login_required
    @never_cache
    def wrapper(request, *args, **kwargs):
        if not requires_two_factor(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.__doc__ = view.__doc__
    return wrapper


@two_factor_page
def verify(request):
    """Second step of the login: a code from the authenticator app, or a recovery code."""
    user = request.user
    next_url = safe_next(request)
    if user.is_verified():
        return redirect(next_url)
    device = authenticator(user)
    if device is None:
        return redirect(with_next(reverse("accounts:two_factor_setup"), next_url))
    form = CodeForm(request.POST or None, user=user, authenticator_device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = recovery_codes_left(user)
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code; %(count)d is left. "
                    "Make new ones on the recovery codes page.",
                    "You used a recovery code; %(count)d are left. "
                    "Make new ones on the recovery codes page.",
                    left,
                )
                % {"count": left},
            )
        return redirect(next_url)
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": next_url})


@two_factor_page
def setup(request):
    """Set up the authenticator app: scan the QR code (or type the secret), confirm one code."""
    user = request.user
    next_url = safe_next(request)
    if authenticator(user) is not None and not user.is_verified():
        # Replacing the authenticator needs the current one (or a recovery code) first.
        return redirect(with_next(reverse("accounts:two_factor_verify"), next_url))
    replacing = authenticator(user) is not None
    device = pending_authenticator(request)
    form = CodeForm(
        request.POST or None, user=user, authenticator_device=device, allow_recovery=False
    )
    if request.method == "POST" and form.is_valid():
        confirm_authenticator(device)
        request.session.pop(PENDING_DEVICE_SESSION_KEY, None)
        otp_login(request, device)
        log(instance=user, action=SETUP_ACTION, user=user, data={"replaced": replacing})
        request.session[FRESH_CODES_SESSION_KEY] = new_recovery_codes(user)
        messages.success(request, _("Two-factor login is set up."))
        return redirect(with_next(reverse("accounts:two_factor_recovery"), next_url))
    context = {
        "form": form,
        "next": next_url,
        "qr_code": qr_code_svg(device),
        "secret": secret_for_typing(device),
        "replacing": authenticator(user) is not None,
    }
    return render(request, "registration/two_factor_setup.html", context)


@two_factor_page
def recovery_codes(request):
    """How many recovery codes are left, new ones on request; new codes are shown only once."""
    user = request.user
    next_url = safe_next(request)
    if authenticator(user) is None:
        return redirect(with_next(reverse("accounts:two_factor_setup"), next_url))
    if not user.is_verified():
        here = with_next(reverse("accounts:two_factor_recovery"), next_url)
        return redirect(with_next(reverse("accounts:two_factor_verify"), here))
    if request.method == "POST":
        request.session[FRESH_CODES_SESSION_KEY] = new_recovery_codes(user)
        return redirect(with_next(reverse("accounts:two_factor_recovery"), next_url))
    context = {
        "codes": request.session.pop(FRESH_CODES_SESSION_KEY, None),
        "left": recovery_codes_left(user),
        "next": next_url,
    }
    return render(request, "registration/two_factor_recovery.html", context)
