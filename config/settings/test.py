"""The test suite: fast hashing, in-memory email, demo commands allowed."""

from .dev import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = False
