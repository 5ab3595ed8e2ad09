"""Itinera settings. Every value comes from the environment; see README.md "Configuration"."""

from __future__ import annotations

import base64
import hashlib
import hmac
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_int_aliased, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment "
            "(or DEBUG=1 for a local development server)."
        )
    SECRET_KEY = "itinera-insecure-development-key-do-not-use-in-production"

# The pepper keys the HMAC of API token secrets. Rotating it invalidates every token.
API_TOKEN_PEPPER = (
    env_str("API_TOKEN_PEPPER")
    or hmac.new(SECRET_KEY.encode(), b"itinera-api-token-pepper", hashlib.sha256).hexdigest()
)

# Fernet keys of the fields encrypted at rest (core.crypto), newest first: put a new key in
# front, run `manage.py rotate_encryption_keys`, then drop the old one. Without it a key is
# derived from SECRET_KEY for development only (DEBUG on); itinera.E004 refuses production.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS and DEBUG:
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(b"itinera-field-encryption:" + SECRET_KEY.encode()).digest()
        ).decode("ascii")
    ]

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"] if DEBUG else ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "procrastinate.contrib.django",
    "core",
    "accounts",
    "crm",
    "api",
    "config.apps.ItineraConfig",  # Itinera's system checks (config/checks.py)
]

MIDDLEWARE = [
    "core.tracing.RequestTracingMiddleware",  # X-Request-Id on every response and log line
    "django.middleware.security.SecurityMiddleware",
    "config.errors.DatabaseUnavailableMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "core.middleware.RefuseNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
DATABASE_ROUTERS = ["core.db_router.ProcrastinateOnPostgresRouter"]

# Background jobs (core/jobs.py): "queue" defers into procrastinate on PostgreSQL, for the
# workers (`manage.py procrastinate worker`); "inline" runs each job in-process right after its
# transaction commits (the SQLite development default, where procrastinate cannot run).
JOBS_MODE = env_str("JOBS_MODE", "")  # empty: "queue" on PostgreSQL, else "inline"
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "jobs"  # each app's jobs.py declares its jobs
# Jobs declared outside an app's jobs.py (the hourly purge of idempotency keys).
PROCRASTINATE_IMPORT_PATHS = ["core.idempotency"]
# A worker writes a heartbeat every JOBS_HEARTBEAT_SECONDS; one silent for JOBS_STALLED_SECONDS
# is dead, and the job it was running is retried by the every-minute recovery (core/jobs.py).
JOBS_HEARTBEAT_SECONDS = env_int("JOBS_HEARTBEAT_SECONDS", 10)
JOBS_STALLED_SECONDS = env_int("JOBS_STALLED_SECONDS", 30)
# Finished jobs are deleted after JOBS_KEEP_DONE_HOURS, failed ones (on the owners' Jobs
# page) after JOBS_KEEP_FAILED_HOURS, by a daily job.
JOBS_KEEP_DONE_HOURS = env_int("JOBS_KEEP_DONE_HOURS", 7 * 24)
JOBS_KEEP_FAILED_HOURS = env_int("JOBS_KEEP_FAILED_HOURS", 30 * 24)
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": float(JOBS_HEARTBEAT_SECONDS),
    "stalled_worker_timeout": float(JOBS_STALLED_SECONDS),
}
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # {% icon "name" %} in every template without a {% load %}.
            "builtins": ["crm.templatetags.icons", "crm.templatetags.money"],
        },
    },
]

# Database: PostgreSQL from DATABASE_URL in production and CI; an SQLite file otherwise.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # The same backend with a health check that costs no round trip (config/postgres).
        DATABASES["default"]["ENGINE"] = "config.postgres"
else:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "itinera.sqlite3"),
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis (core/redis.py: one client and outage breaker) holds the rate limits (core/ratelimit.py),
# the token cache's epoch and the cache; without it all three live in process memory.
REDIS_URL = env_str("REDIS_URL")
RATE_LIMIT_KEY_PREFIX = f"{env_str('CACHE_KEY_PREFIX', 'itinera')}:ratelimit"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",  # falls back to memory if Redis fails
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "itinera"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.UsernameOrEmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (accounts/login_throttle.py): failures before a lockout, and its length.
LOGIN_FAILURES_PER_IDENTIFIER = env_int("LOGIN_FAILURES_PER_IDENTIFIER", 10)
LOGIN_FAILURES_PER_IP = env_int("LOGIN_FAILURES_PER_IP", 50)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 900)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
OTP_TOTP_ISSUER = "Itinera"  # the name authenticator apps show beside the code
# Wrong codes are limited by the sign-in throttle (10 per account per 15 minutes, whatever the
# password did). django-otp's own per-device back-off doubles without a cap, which would let
# anyone who knows a password lock its owner's authenticator for days: it is off.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")  # collectstatic's target
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Request body limit (bytes): bigger bodies are refused before they are parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1_048_576)

# Email: console by default so password resets and notifications work out of the box.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: one file per message, in
# this folder (a drill or a worker test counts them).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Itinera <no-reply@itinera.local>")
# The address people open Itinera at (https://crm.example.com): every link in every email is
# built on it (core.mail.absolute), never on a request's Host header. Without it, outside DEBUG,
# a system check warns (itinera.W001). ENQUIRY_DASHBOARD_URL is its older, narrower name.
SITE_URL = (
    env_str("SITE_URL")
    or env_str("ENQUIRY_DASHBOARD_URL")
    or ("http://127.0.0.1:8000" if DEBUG else "")
).rstrip("/")
# Outgoing email limits (core/mail.py): messages per recipient, per sender and per agency.
MAIL_LIMIT_WINDOW = env_int("MAIL_LIMIT_WINDOW", 3600)  # seconds
MAIL_LIMIT_PER_RECIPIENT = env_int("MAIL_LIMIT_PER_RECIPIENT", 5)
MAIL_LIMIT_PER_SENDER = env_int("MAIL_LIMIT_PER_SENDER", 50)
MAIL_LIMIT_PER_AGENCY = env_int("MAIL_LIMIT_PER_AGENCY", 200)

# Security: HTTPS by default in production; SECURE_SSL_REDIRECT=0 serves plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes talk plain HTTP inside the network
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "filters": {"request_id": {"()": "core.tracing.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # procrastinate logs every deferral and registration at INFO; workers log at INFO
        # themselves (their own --verbosity).
        "procrastinate": {"level": env_str("PROCRASTINATE_LOG_LEVEL", "WARNING")},
    },
}

# How many reverse proxies in front of Itinera append to X-Forwarded-For: the client IP of every
# per-address limit (API, website forms, sign-in) is read through them (core/http.py). 0: the
# header is ignored and REMOTE_ADDR is the client. API_NUM_PROXIES and ENQUIRY_NUM_PROXIES are
# its deprecated old names (still read, with a warning at startup).
TRUSTED_PROXIES, _proxy_warnings = env_int_aliased(
    "TRUSTED_PROXIES", 0, deprecated=("API_NUM_PROXIES", "ENQUIRY_NUM_PROXIES")
)
if TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES must be 0 or more, got {TRUSTED_PROXIES}")
# The same number decides whether X-Forwarded-Proto is believed: only a proxy we were told about
# may say the request came over HTTPS (with nothing in front, anyone could, and secure cookies,
# HSTS and the HTTPS redirect would trust them). gunicorn follows it too (config/gunicorn.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None
# Said once at startup, once logging is configured (core/apps.py).
CONFIG_WARNINGS = [*_proxy_warnings]

# Website enquiry forms (POST /forms/<key>) and Idempotency-Key replays. See crm/public/.
# Rate limits are rolling windows of the one rate limiter (core/ratelimit.py).
ENQUIRY_RATE_LIMIT_WINDOW = env_int("ENQUIRY_RATE_LIMIT_WINDOW", 600)  # seconds
ENQUIRY_RATE_LIMIT_PER_IP = env_int("ENQUIRY_RATE_LIMIT_PER_IP", 10)  # posts per IP per window
ENQUIRY_RATE_LIMIT_PER_FORM = env_int("ENQUIRY_RATE_LIMIT_PER_FORM", 300)  # per form per window
ENQUIRY_DUPLICATE_WINDOW = env_int("ENQUIRY_DUPLICATE_WINDOW", 600)  # same visitor, same content
ENQUIRY_MAX_BODY_BYTES = env_int("ENQUIRY_MAX_BODY_BYTES", 32_768)
ENQUIRY_MAX_MESSAGE_LENGTH = env_int("ENQUIRY_MAX_MESSAGE_LENGTH", 5_000)
ENQUIRY_MAX_EXTRA_FIELDS = env_int("ENQUIRY_MAX_EXTRA_FIELDS", 30)
ENQUIRY_MAX_EXTRA_LENGTH = env_int("ENQUIRY_MAX_EXTRA_LENGTH", 1_000)  # per extra value
ENQUIRY_HONEYPOT_FIELD = env_str("ENQUIRY_HONEYPOT_FIELD", "website")
IDEMPOTENCY_KEY_TTL = env_int("IDEMPOTENCY_KEY_TTL", 86_400)  # seconds a key is remembered
IDEMPOTENCY_WAIT_SECONDS = env_int("IDEMPOTENCY_WAIT_SECONDS", 10)  # wait on a key in progress

# Size limits (issue #12): what one itinerary may hold, and each agency's quotas (accounts/
# quotas.py). Generous for any real agency; a clear error names the limit when one is reached.
ITINERARY_MAX_ITEMS = env_int("ITINERARY_MAX_ITEMS", 1_000)  # items per itinerary (50 a day)
QUOTA_CLIENTS = env_int("QUOTA_CLIENTS", 200_000)  # per agency, archived ones included
QUOTA_ITINERARIES = env_int("QUOTA_ITINERARIES", 100_000)
QUOTA_PROPOSALS = env_int("QUOTA_PROPOSALS", 100_000)
QUOTA_BOOKINGS = env_int("QUOTA_BOOKINGS", 100_000)
QUOTA_WEBSITE_FORMS = env_int("QUOTA_WEBSITE_FORMS", 100)
# Not an environment variable yet (the README documents every one; see the suppliers notes).
QUOTA_SUPPLIERS = env_int("QUOTA_SUPPLIERS", 20_000)  # suppliers per agency
QUOTA_API_TOKENS_PER_USER = env_int("QUOTA_API_TOKENS_PER_USER", 25)  # live (unrevoked) ones
QUOTA_WEBHOOKS = env_int("QUOTA_WEBHOOKS", 20)  # webhook endpoints per agency

# Outgoing webhooks (crm/webhooks, core/outbound.py). Targets on private, loopback and other
# non-public addresses are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS (on-premises installs);
# with DEBUG on, http:// and loopback are allowed for localhost-style hosts.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", False)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)  # per attempt
# An endpoint whose every attempt has failed for this many days is switched off.
WEBHOOK_DISABLE_AFTER_DAYS = env_int("WEBHOOK_DISABLE_AFTER_DAYS", 3)

# REST API (/api/v1): bearer tokens, one envelope, one error handler, orjson. See api/.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.TokenPermission"],
    "DEFAULT_THROTTLE_CLASSES": [],  # rate limits run in api.base.ApiViewMixin (core/ratelimit.py)
    "DEFAULT_RENDERER_CLASSES": ["core.overrides.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["core.overrides.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.overrides.JSONFirstNegotiation",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": None,
    # Unused by our views (core.http.client_ip), kept equal for any DRF code that reads it.
    "NUM_PROXIES": TRUSTED_PROXIES,
}
# Requests per minute per client IP for requests without a valid token (401s, the docs).
API_RATE_LIMIT_ANONYMOUS = env_int("API_RATE_LIMIT_ANONYMOUS", 120)
# Seconds a process may reuse a verified API token (accounts/token_cache.py; needs Redis, which
# tells every process at once when a token, user or agency changes). 0 reads the database always.
API_TOKEN_CACHE_SECONDS = env_int("API_TOKEN_CACHE_SECONDS", 60)
# Plain reads of the client list answered without DRF, same bytes (api/fast_list.py).
API_FAST_LISTS = env_bool("API_FAST_LISTS", True)
# The operator's ceiling on requests per minute that an owner may give a token, or make the
# agency's default for new tokens, in the dashboard (the command line is not bound by it).
API_RATE_LIMIT_MAX = env_int("API_RATE_LIMIT_MAX", 600)
SPECTACULAR_SETTINGS = {
    "TITLE": "Itinera API",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The docs page keeps a token typed into "Authorize" in memory only (never localStorage, which
    # any script of this origin could read), and asks no outside validator about the schema.
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": False, "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "ClientStatusEnum": "crm.models.ClientStatus",
        "ClientKindEnum": "crm.models.ClientKind",
        "ItineraryStatusEnum": "crm.models.ItineraryStatus",
        "ProposalStatusEnum": "crm.models.ProposalStatus",
        "BookingStatusEnum": "crm.models.BookingStatus",
        "DeliveryStatusEnum": "crm.models.DeliveryStatus",
        "ItemKindEnum": "crm.models.ItemKind",
        "PaymentKindEnum": "crm.models.PaymentKind",
        "PaymentMethodEnum": "crm.models.PaymentMethod",
        "InstalmentStateEnum": "crm.bookings.schedules.InstalmentState",
        "ScheduleTemplateEnum": "crm.bookings.schedules.ScheduleTemplate",
        "ServiceKindEnum": "crm.models.ServiceKind",
        "ServiceStatusEnum": "crm.models.ServiceStatus",
        "EnquiryStatusEnum": "crm.enquiries.models.EnquiryStatus",
        "EnquiryStatusFilterEnum": "crm.enquiries.filters.STATUS_CHOICES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_shared_components",
    ],
}
