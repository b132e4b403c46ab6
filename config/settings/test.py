"""The test suite: fast hashing, in-memory email, demo commands allowed."""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = False
# The audit trail's files go to a folder of this run, not var/.
AUDIT_LOG_DIR = Path(tempfile.mkdtemp(prefix="nanhu-test-audit-"))
