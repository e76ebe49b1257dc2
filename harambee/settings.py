"""Django settings for Harambee. Every value an operator may set is read from the
environment through ``harambee.env`` and documented in ``.env.example``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from harambee.env import envbool, envchoice, envint, envjson, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(envstr("HARAMBEE_VAR_DIR", str(PROJECT_DIR / "var"))).resolve()

DEBUG = envbool("HARAMBEE_DEBUG", False)


def _secret_key() -> str:
    key = envstr("HARAMBEE_SECRET_KEY")
    if key:
        return key
    # A single-machine install keeps a generated key in var/ so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    # Several processes may start at once on a new var/ (test workers, web workers): the
    # key is written whole to a file of this process, then linked into place, so that the
    # first one wins and none ever reads a half-written or a different key.
    mine = VAR_DIR / f".secret_key.{os.getpid()}"
    mine.write_text(key)
    mine.chmod(0o600)
    try:
        os.link(mine, path)
    except FileExistsError:
        key = path.read_text().strip()
    finally:
        mine.unlink()
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("HARAMBEE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("HARAMBEE_CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = envstr("HARAMBEE_SITE_NAME", "Harambee")
SITE_URL = envstr("HARAMBEE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "harambee.core",
    "harambee.people",
    "harambee.spaces",
    "harambee.initiatives",
    "harambee.stories",
    "harambee.wiki",
    "harambee.library",
    "harambee.events",
    "harambee.research",
    "harambee.training",
    "harambee.reach",
    "harambee.radio",
    "harambee.press",
    "harambee.maps",
    "harambee.search",
    "harambee.stream",
    "harambee.moderation",
    "harambee.synthesis",
    "harambee.insights",
    "harambee.notifications",
    "harambee.portal",
    "harambee.privacy",
    "harambee.api",
    "harambee.site",
    "harambee.sampledata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "harambee.core.middleware.SecurityHeadersMiddleware",
    # Writes answer 503 while `harambee restore` runs (core/backup.py).
    "harambee.core.middleware.ReadOnlyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML; Django pads it at random against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # Answers requests without a session cookie from the anonymous page cache before
    # the session, authentication and message middleware run (core/anoncache.py).
    "harambee.core.anoncache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "harambee.core.middleware.TimezoneMiddleware",
    "harambee.people.middleware.StewardMFAMiddleware",
    "harambee.moderation.middleware.SuspensionMiddleware",
    "harambee.moderation.middleware.HiddenFromAuthorMiddleware",
    "harambee.site.middleware.LastVisitMiddleware",
    "harambee.core.middleware.DraftMiddleware",
    # Who read which item today, for facilitation insights (insights/middleware.py).
    "harambee.insights.middleware.ReadRecordMiddleware",
]

ROOT_URLCONF = "harambee.urls"
WSGI_APPLICATION = "harambee.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "harambee.core.context_processors.site",
                "harambee.core.context_processors.navigation",
                "harambee.moderation.context_processors.moderation",
                "harambee.notifications.context_processors.unread",
            ],
        },
    }
]

# Database: SQLite in var/ unless DATABASE_URL names another (PostgreSQL 15+).
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'harambee.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
# Connections are kept between requests on both databases: opening a SQLite connection
# runs the pragmas below, and closing the last one checkpoints the WAL (together about
# 1.5 ms of a 2 ms webhook request; docs/performance.md, "SMS webhook").
DATABASES["default"]["CONN_MAX_AGE"] = envint("HARAMBEE_DB_CONN_MAX_AGE", 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # mmap_size: reads map the file (up to 2 GiB, SQLite's own limit) instead of
        # copying each page into the connection's 2 MB page cache; a search at a
        # million items reads a few thousand pages. Measured in docs/performance.md
        # ("Search"); a larger cache_size helped only a connection kept open.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; "
            "PRAGMA mmap_size=2147483648;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    # No JIT compilation: the product's queries are short, and once a plan's estimated
    # cost passes jit_above_cost, compiling it adds ~18 ms (a search went from 4.5 to
    # 22.6 ms; docs/performance.md, "Search").
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    # A connection pool per process (psycopg_pool, through Django's own "pool" option):
    # the threads of a gthread web worker or a task worker share up to this many
    # connections, each handed back at the end of its request. Django's pool and
    # persistent connections exclude each other, so CONN_MAX_AGE is 0 with it.
    _pool_size = envint("HARAMBEE_DB_POOL_SIZE", 0)
    if _pool_size > 0:
        options["pool"] = {
            "min_size": 1,
            "max_size": _pool_size,
            "timeout": envint("HARAMBEE_DB_POOL_TIMEOUT", 10),
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


_cache_url = envstr("HARAMBEE_CACHE_URL", f"file://{VAR_DIR / 'cache'}")
CACHES: dict[str, dict[str, Any]]
if _cache_url.startswith("redis://"):
    CACHES = {
        "default": {
            "BACKEND": "harambee.core.rediscache.RedisCache",
            "LOCATION": _cache_url,
        }
    }
elif _cache_url.startswith("file://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _cache_url.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rendered comments (core/comment_html.py): keyed by everything they show, so a cache
# of each process's own is right; about 2 KB each, so at most ~20 MB per process.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "harambee-fragments",
    "OPTIONS": {"MAX_ENTRIES": 10000},
}

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the sign-in name.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = envchoice(
    "HARAMBEE_EMAIL_VERIFICATION", ("mandatory", "optional", "none"), "mandatory"
)
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FORM_CLASS = "harambee.people.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "harambee.people.adapters.AccountAdapter"
# Who may make an account: anyone ("open"), anyone with a steward's approval
# ("approval"), or only people invited into a space ("invitation").
SIGNUP_POLICY = envchoice("HARAMBEE_SIGNUP", ("open", "approval", "invitation"), "open")
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {"login_failed": envstr("HARAMBEE_LOGIN_RATE_LIMIT", "5/m/ip,5/5m/key")}
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
HARAMBEE_STEWARD_MFA = envbool("HARAMBEE_STEWARD_MFA", True)

# Email: console in the demo, SMTP in production.
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}[envchoice("HARAMBEE_EMAIL_BACKEND", ("console", "file", "smtp"), "console")]
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = envstr("HARAMBEE_SMTP_HOST", "localhost")
EMAIL_PORT = envint("HARAMBEE_SMTP_PORT", 587)
EMAIL_HOST_USER = envstr("HARAMBEE_SMTP_USER")
EMAIL_HOST_PASSWORD = envstr("HARAMBEE_SMTP_PASSWORD")
EMAIL_USE_TLS = envbool("HARAMBEE_SMTP_STARTTLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = envstr("HARAMBEE_FROM_EMAIL", "Harambee <harambee@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: immediate in the demo and tests, database-backed workers in production.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[envchoice("HARAMBEE_TASKS", ("immediate", "database"), "immediate")],
        "QUEUES": ["default"],
    }
}

LANGUAGE_CODE = "en"
# Interface languages: each has a complete catalogue in locale/ (core/tests/
# test_translations.py checks every one). Portuguese (pt) is there for SMS
# replies only and is not offered; see docs/translation.md.
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt-br", _("Portuguese (Brazil)")),
    ("sw", _("Swahili")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = envstr("HARAMBEE_TIME_ZONE", "UTC")

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Uploaded files in an S3-compatible object store (MinIO, Garage, Ceph, AWS…) instead
# of MEDIA_ROOT, so that several machines share them (`pip install harambee[s3]`).
# Files are private in the bucket and handed out only after the gate, as signed
# addresses that work for S3_URL_SECONDS (core/http.py, file_response).
S3_BUCKET = envstr("HARAMBEE_S3_BUCKET", "")
S3_URL_SECONDS = envint("HARAMBEE_S3_URL_SECONDS", 300)
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": envstr("HARAMBEE_S3_ENDPOINT_URL", "") or None,
            "region_name": envstr("HARAMBEE_S3_REGION", "") or None,
            "access_key": envstr("HARAMBEE_S3_ACCESS_KEY_ID", "") or None,
            "secret_key": envstr("HARAMBEE_S3_SECRET_ACCESS_KEY", "") or None,
            "addressing_style": envchoice(
                "HARAMBEE_S3_ADDRESSING", ("auto", "path", "virtual"), "auto"
            ),
            "default_acl": "private",
            "signature_version": "s3v4",
            "querystring_auth": True,
            "querystring_expire": S3_URL_SECONDS,
            "file_overwrite": False,
        },
    }

# Security. HARAMBEE_HTTPS=true behind a TLS-terminating proxy in production.
HTTPS = envbool("HARAMBEE_HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions are read from the cache and written through to the database: a signed-in
# page costs no session query while the cache holds it, and nothing is lost if it is
# cleared. Signing out deletes both copies.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("HARAMBEE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("HARAMBEE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a commitment an operator makes on purpose, not a default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # text (the default) or json: one JSON object a line (core/logs.py).
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
        "json": {"()": "harambee.core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": envchoice("HARAMBEE_LOG_FORMAT", ("text", "json"), "text"),
        }
    },
    "root": {"handlers": ["console"], "level": envstr("HARAMBEE_LOG_LEVEL", "INFO")},
    # django_tasks logs every task's start and end at INFO: one line per save.
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Upload limits in megabytes, per kind of file.
UPLOAD_LIMITS_MB = {
    "image": envint("HARAMBEE_MAX_IMAGE_MB", 15),
    "pdf": envint("HARAMBEE_MAX_DOCUMENT_MB", 25),
    "document": envint("HARAMBEE_MAX_DOCUMENT_MB", 25),
    "audio": envint("HARAMBEE_MAX_AUDIO_MB", 50),
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Days data is kept before `harambee retention` deletes it (0 keeps it for ever).
RETAIN_RAW_SMS_DAYS = envint("HARAMBEE_RETAIN_RAW_SMS_DAYS", 90)
# Days a copy of a person's data waits to be downloaded before it is deleted.
EXPORT_DAYS = envint("HARAMBEE_EXPORT_DAYS", 7)
RETAIN_TASK_RESULTS_DAYS = envint("HARAMBEE_RETAIN_TASK_RESULTS_DAYS", 30)

# Seconds an anonymous visitor's page may be served from the cache (0 turns it off).
# Any write bumps the cache generation, so this bounds only memory, not staleness.
ANONYMOUS_PAGE_CACHE_SECONDS = envint("HARAMBEE_ANONYMOUS_CACHE_SECONDS", 300)
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # A per-process cache cannot tell the other processes about a write.
    ANONYMOUS_PAGE_CACHE_SECONDS = 0

# Seconds the words of one beginning of the search vocabulary are kept in the cache
# for spelling suggestions (0: read every time). Reading them costs tens of ms on a
# large index (FTS5 counts each word's entries); a new word is proposed this much later.
SEARCH_VOCABULARY_CACHE_SECONDS = 300

# The size of one page of a list.
PAGE_SIZE = envint("HARAMBEE_PAGE_SIZE", 25)

# New accounts (younger than this many days) may write at most this many items and
# comments an hour; 0 for either turns the limit off.
NEW_ACCOUNT_DAYS = envint("HARAMBEE_NEW_ACCOUNT_DAYS", 7)
NEW_ACCOUNT_POSTS_PER_HOUR = envint("HARAMBEE_NEW_ACCOUNT_POSTS_PER_HOUR", 10)

# Online rooms for events (events/rooms/). A Jitsi server that checks tokens gets one
# signed with HS256 (room, short expiry, moderator only for organisers).
JITSI_URL = envstr("HARAMBEE_JITSI_URL", "https://meet.jit.si").rstrip("/")
JITSI_APP_ID = envstr("HARAMBEE_JITSI_APP_ID", "")
JITSI_SECRET = envstr("HARAMBEE_JITSI_SECRET", "")
BBB_URL = envstr("HARAMBEE_BBB_URL", "").rstrip("/")
BBB_SECRET = envstr("HARAMBEE_BBB_SECRET", "")
BBB_CHECKSUM = envchoice("HARAMBEE_BBB_CHECKSUM", ("sha1", "sha256"), "sha256")

# The map (docs/maps.md): a tile server for Leaflet, as its URL template
# (https://tiles.example.org/{z}/{x}/{y}.png), and the attribution its licence asks
# for. Empty: the server-drawn map only, no Leaflet, no tiles.
MAP_TILES_URL = envstr("HARAMBEE_MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = envstr("HARAMBEE_MAP_TILES_ATTRIBUTION", "")

# SMS (docs/operations.md, "Reach by SMS"): the channels (numbers) and their gateways,
# as JSON: {"<name>": {"gateway": "twilio|africastalking|generic|console", ...}}.
SMS_CHANNELS = envjson("HARAMBEE_SMS_CHANNELS", {"console": {"gateway": "console"}})
SMS_DEFAULT_CHANNEL = envstr("HARAMBEE_SMS_DEFAULT_CHANNEL", next(iter(SMS_CHANNELS), "console"))
# Numbers written without a country code are read as this country's (ISO code, "GH").
SMS_DEFAULT_REGION = envstr("HARAMBEE_SMS_DEFAULT_REGION", "")

# Community radio (docs/radio.md): the programs that make spoken audio. A program that
# is not there turns spoken audio off with a message; recordings can still be uploaded.
RADIO_ESPEAK_NG = envstr("HARAMBEE_ESPEAK_NG", "espeak-ng")
RADIO_SOX = envstr("HARAMBEE_SOX", "sox")
RADIO_LAME = envstr("HARAMBEE_LAME", "lame")

# The REST API (docs/api.md): Django REST framework, described by drf-spectacular.
# Bearer personal access tokens (api/auth.py) or the browser's session (with CSRF for
# writes); JSON only; every error an RFC 9457 problem document.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "harambee.api.auth.BearerTokenAuthentication",
        "harambee.api.auth.CsrfSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["harambee.api.permissions.TokenScope"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "harambee.api.throttling.ReadThrottle",
        "harambee.api.throttling.WriteThrottle",
    ],
    "DEFAULT_SCHEMA_CLASS": "harambee.api.schema.ProblemAutoSchema",
    "EXCEPTION_HANDLER": "harambee.api.errors.problem_handler",
    "DEFAULT_PAGINATION_CLASS": "harambee.api.pagination.Keyset",
    "PAGE_SIZE": 25,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests per minute per token (or per address, for anonymous callers), counted in
# the shared cache so that they hold across all web processes.
API_READS_PER_MINUTE = envint("HARAMBEE_API_READS_PER_MINUTE", 120)
API_WRITES_PER_MINUTE = envint("HARAMBEE_API_WRITES_PER_MINUTE", 30)
SPECTACULAR_SETTINGS = {
    "TITLE": "Harambee API",
    "DESCRIPTION": (
        "Read what you may see on this Harambee alliance, and write as you may on the "
        "site: the same gate, rules, audit and notifications (docs/api.md).\n\n"
        "Send a personal access token (made on /api/tokens/) as `Authorization: Bearer "
        "hbt_…`; without one you read public items. Writes need a token with the write "
        "scope, for the kind written.\n\n"
        "Something you may not see answers 404, exactly as something missing; something "
        "you may see but not change, 403. Errors are RFC 9457 problem documents: 400 "
        "when a request does not fit this document, 422 when it fits but a rule refuses "
        "it, both with `errors` by field. Lists are keyset-paged (follow `next`)."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Who may read an item, and who an event or a published story is for (not private).
    "ENUM_NAME_OVERRIDES": {
        "VisibilityEnum": "harambee.core.models.Visibility",
        "AudienceEnum": "harambee.api.payloads.EVENT_VISIBILITIES",
    },
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
}
