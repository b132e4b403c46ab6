"""Certificates: issued on completion, pinned to the course revision, verifiable, revocable."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home.addresses import public_url

# Crockford's base32: no I, L, O or U, so a printed code can be typed back without doubt.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 100 random bits


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """A code as typed (lower case, spaces, dashes, O for 0…) in its stored form; anything
    that is not a letter or digit is dropped (a NUL byte would be a database error)."""
    cleaned = "".join(char for char in str(text).upper() if char.isascii() and char.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


class Certificate(models.Model):
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    # Kept when the person's account or the course page is deleted: the certificate says what it
    # certified (name, course title, 学时) and can still be checked.
    learner = models.ForeignKey(
        "training.Learner",
        verbose_name=_("learner"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
    )
    enrolment = models.OneToOneField(
        "training.Enrolment", on_delete=models.SET_NULL, null=True, related_name="certificate"
    )
    course = models.ForeignKey(
        "training.CoursePage",
        verbose_name=_("course"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
    )
    # What the certificate says, as it was on the day it was issued.
    learner_name = models.CharField(_("name"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.DecimalField(_("credit hours"), max_digits=4, decimal_places=1)
    issued_on = models.DateField(_("issued"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("course revision"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self):
        return f"{self.course_title} · {self.learner_name}"

    def get_absolute_url(self):
        return reverse("training:certificate", args=[self.code])

    def get_verification_url(self):
        """The check page at the site's public address: what the printed QR code holds."""
        return public_url(self.get_absolute_url())

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def display_code(self):
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))
