"""Production: every secret comes from the environment; start-up stops if one is missing.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. See README, "Production".
"""

from config.env import base_url_problem, env_bool, env_int, env_list, env_str, fail

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    fail("SECRET_KEY", "must be at least 50 random characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    fail("ALLOWED_HOSTS", "must be set to the site's host names, separated by commas.")
env_str("DATABASE_URL", required=True)

DEMO_ENABLED = False
# Throttles, lockout records and cached snapshots must be shared by every gunicorn worker, or
# each worker counts on its own (5 password resets an hour would be 5 per worker). Without
# REDIS_URL, a file cache under VAR_DIR that the workers of one machine share.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),  # noqa: F405
        }
    }
# Login security (README, "Accounts and audit"): two-factor login for superusers and moderators,
# and the printed password of `manage.py ensure_admin` must be changed at the first login.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
FORCE_INITIAL_PASSWORD_CHANGE = env_bool("FORCE_INITIAL_PASSWORD_CHANGE", True)

# HTTPS everywhere. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=1.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Without PUBLIC_BASE_URL, the public address is the first host name over HTTPS, not the Site
# record, which may still say where the database was first set up. A wildcard (".example.org",
# "*") names no host: then the Site record, and home.checks warns.
first_host = f"https://{ALLOWED_HOSTS[0]}"
names_a_host = "*" not in first_host and not ALLOWED_HOSTS[0].startswith(".")
if not PUBLIC_BASE_URL and names_a_host and not base_url_problem(first_host):  # noqa: F405
    PUBLIC_BASE_URL = first_host
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or first_host
