"""Settings shared by every environment; deploy-time values come from config.env."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.functional import lazy
from django.utils.module_loading import import_string

from config.env import env_base_url, env_bool, env_database, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo content and generated demo logins; never on in production.
DEMO_ENABLED = False

INSTALLED_APPS = [
    "home",
    "disclosure",
    "integrity",
    "training",
    "screens",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "django_filters",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.middleware.PrivateResponsesMiddleware",
    "home.throttle.PasswordThrottleMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Session rules (home.account_security): idle timeout, two-factor, printed initial password.
    "home.account_security.IdleTimeoutMiddleware",
    "home.account_security.TwoFactorMiddleware",
    "home.account_security.PasswordChangeRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes must come last: it turns repeated failed logins into a lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "home.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "home.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "home.validators.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "home.validators.NotUsernameOrPhoneValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Sessions (home.account_security; README, "Accounts and audit") end after this long without
# a request, sooner for accounts that can open the admin; the cookie lasts SESSION_COOKIE_AGE_HOURS.
SESSION_IDLE_TIMEOUT_STAFF_MINUTES = env_int("SESSION_IDLE_TIMEOUT_STAFF_MINUTES", 30)
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 720)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE_HOURS", 12) * 3600
# Two-factor login (home.two_factor) for superusers and moderators (home.roles); on in production.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
# An account made by `manage.py ensure_admin` must change its printed password first; production.
FORCE_INITIAL_PASSWORD_CHANGE = env_bool("FORCE_INITIAL_PASSWORD_CHANGE", False)
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Content-Security-Policy on the public site: only its own scripts, styles, images and frames
# (the site works on a closed network; nothing comes from elsewhere). The Wagtail admin, which
# relies on inline scripts, is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Throttling (home.throttle; README, "Accounts and audit"). The client's address comes from
# X-Forwarded-For only when the request arrives from one of these proxies (addresses or networks).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Logins (django-axes): 5 failures for one username from one address pause that pair for
# 15 minutes; the owner elsewhere is not affected. Accounts or addresses with many failures from
# anywhere are slowed down to one attempt every LOGIN_SLOW_DOWN_SECONDS, never locked.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "home.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "home.throttle.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # hammering does not extend the pause
AXES_VERBOSE = False
LOGIN_ACCOUNT_FAILURES = env_int("LOGIN_ACCOUNT_FAILURES", 20)
LOGIN_ADDRESS_FAILURES = env_int("LOGIN_ADDRESS_FAILURES", 30)
LOGIN_SLOW_DOWN_SECONDS = env_int("LOGIN_SLOW_DOWN_SECONDS", 10)
KNOWN_ADDRESS_DAYS = 90  # an account's successful login addresses are not slowed down
AXES_USERNAME_CALLABLE = "home.throttle.axes_username"
# Password reset: requests per address, messages per email address, set-password submissions.
PASSWORD_RESET_WINDOW_SECONDS = 3600
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 5)
PASSWORD_RESET_PER_ACCOUNT = env_int("PASSWORD_RESET_PER_ACCOUNT", 3)
SET_PASSWORD_ATTEMPTS = env_int("SET_PASSWORD_ATTEMPTS", 10)
# Member imports: rows refused (accounts an organisation may not import) per person and day,
# after which that person's previews stop answering until the next day.
IMPORT_REFUSALS_PER_DAY = env_int("IMPORT_REFUSALS_PER_DAY", 20)
# The public API: requests per client address.
API_RATE = env_str("API_RATE", "120/min")
# The API reads with the site's session only: no HTTP Basic password checks that would bypass
# the login page's throttling, two-factor login and audit.
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": ["home.throttle.ApiRateThrottle"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
}

# Chinese first: the site speaks Simplified Chinese unless a visitor picks English.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# The project's catalogue first (it wins), then the supplement for Wagtail & co. (admin_locale/).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "admin_locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Our corrections to Django's date formats (config/formats/zh_Hans: 9月5日, not 09月5日).
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True
LANGUAGE_COOKIE_NAME = "site_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploaded files are served by home.media_files after the visibility check. Behind nginx, the
# internal location that sends the file once Django has said yes (README, "Production").
MEDIA_ACCEL_REDIRECT = env_str("MEDIA_ACCEL_REDIRECT", "")
STORAGES = {
    "default": {"BACKEND": "home.storage.UploadStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "南湖两新 公开平台"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name authenticator apps show beside the code
# The public address (scheme, host, port) of every absolute link that leaves the site: QR codes,
# posters, certificates, sitemap, feeds, API, e-mails (home.addresses). Empty: the default Site
# record's address. BASE_URL is its older name, still read.
PUBLIC_BASE_URL = env_base_url("PUBLIC_BASE_URL") or env_base_url("BASE_URL")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"
# The API's own links (detail_url, a page's parent) at the same address, read when a response is
# built: the Site record may still name the address the database was loaded at.
WAGTAILAPI_BASE_URL = lazy(lambda: import_string("home.addresses.public_base_url")(), str)()
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# Who may read is decided by accounts and groups (home.visibility), never a shared password.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"password": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"password": False}
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "registration/login.html"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True  # the page model turns Chinese in a slug into pinyin on save
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False  # it links to wagtail.org, off a closed network
# No avatars from gravatar.com: the admin runs on a closed network and asks no third party
# (Wagtail's default avatar instead; avatars uploaded in the account settings still show).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# One time zone for everyone (the account page would list some 600, in English).
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = False  # its inline style attribute would break the CSP
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Upload limits (home.uploads; README, "Accounts and audit"). A few KB of PNG can hold 121
# million pixels: images are measured from their header before anything decodes them, and
# Pillow itself refuses to decode past IMAGE_MAX_PIXELS anywhere in the process (home.apps).
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
IMAGE_MAX_SIDE_PX = env_int("IMAGE_MAX_SIDE_PX", 8000)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.ImageForm"
DOCUMENT_MAX_UPLOAD_MB = env_int("DOCUMENT_MAX_UPLOAD_MB", 30)
DOCUMENT_ALLOW_ARCHIVES = env_bool("DOCUMENT_ALLOW_ARCHIVES", False)
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "ofd"],
    *["txt", "csv", "jpg", "jpeg", "png"],
    *(["zip", "7z", "rar"] if DOCUMENT_ALLOW_ARCHIVES else []),
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.DocumentForm"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "VIDEO_EXTENSIONS": ["mp4", "webm", "ogv", "m4v"],
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "wav"],
    "MEDIA_FORM_BASE": "integrity.media_forms.FilmUploadForm",
}
# Films: uploads pass through Django in one request. Behind nginx set client_max_body_size to at
# least this (README, "Films"); larger files are refused there with 413.
FILM_MAX_UPLOAD_MB = env_int("FILM_MAX_UPLOAD_MB", 500)

# The audit trail (home.audit): Wagtail's log, and a JSON-lines file a day in this folder, kept
# AUDIT_RETENTION_DAYS (never fewer than 180) by `manage.py prune_audit_log`.
AUDIT_LOG_DIR = Path(env_str("AUDIT_LOG_DIR", str(VAR_DIR / "audit")))
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
