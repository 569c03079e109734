"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place;
``dev``, ``test`` and ``production`` only choose defaults and hardening on top of it.
"""

import datetime
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# An expired form gets the app's own page, not Django's.
CSRF_FAILURE_VIEW = "trust.errors.csrf_failure"

# Names shown on every page; another council sets its own.
SERVICE_NAME = env.str("SERVICE_NAME", default="Children's Trust governance")
ORGANISATION_NAME = env.str("ORGANISATION_NAME", default="Children's Trust")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "simple_history",
    "django_filters",
    "django_tables2",
    "csp",
    # The four layers, lowest first: each may use only the ones above it in this list.
    "trust",
    "partners",
    "risks",
    "recommendations",
]

MIDDLEWARE = [
    # First, so every line logged while serving names the request (trust/logs.py).
    "trust.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

FORM_RENDERER = "trust.forms.GovukFormRenderer"
ROOT_URLCONF = "trust.urls"
WSGI_APPLICATION = "trust.wsgi.application"

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
                "csp.context_processors.nonce",
                "trust.context_processors.service",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# One variable moves the app from the embedded SQLite file to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'trust.sqlite3'}"),
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    _db.setdefault("OPTIONS", {}).update(
        {
            # Writers take the lock at BEGIN, so a version check inside a transaction cannot
            # be overtaken by a second writer (no lost updates on the embedded database).
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif _db["ENGINE"].startswith("django.db.backends.postgresql"):
    # PostgreSQL's JIT made the "history as at a date" query 20x slower (DESIGN.md).
    _db.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
ATOMIC_REQUESTS = True
_db["ATOMIC_REQUESTS"] = ATOMIC_REQUESTS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "trust.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["trust.formats"]

# --- Static files: vendored, never from a CDN ------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where `collectstatic` gathers them for WhiteNoise to serve (production).
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "staticfiles")

# --- Files attached to records ---------------------------------------------------------------
# Outside static/ and never served by URL: only the download view, which asks the record.
# Back this directory up with the database. Object storage instead: set ATTACHMENT_STORAGE
# to its storage class (e.g. storages.backends.s3.S3Storage) and that package's settings.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = ""
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
ATTACHMENT_STORAGE = env.str(
    "ATTACHMENT_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
STORAGES = {
    "default": {"BACKEND": ATTACHMENT_STORAGE},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads above this size wait in a temporary file, not in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Email ----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# The address people use to reach the service; links in e-mails start with it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="trust-governance@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Content-Security-Policy: no inline script or style anywhere -----------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
X_FRAME_OPTIONS = "DENY"

# --- History ---------------------------------------------------------------------------------
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Logs -----------------------------------------------------------------------------------
# Errors (with their tracebacks) and warnings go to standard error, and also to LOG_FILE when
# it is set (reopened when logrotate moves it). Each line names its request and user id
# (trust/logs.py); nothing a form carried is logged.
LOG_FILE = env.str("LOG_FILE", default="")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
_log_handlers = {
    "stderr": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "line"},
}
if LOG_FILE:
    _log_handlers["file"] = {
        "class": "logging.handlers.WatchedFileHandler",
        "filename": LOG_FILE,
        "filters": ["request"],
        "formatter": "line",
    }
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "trust.logs.RequestContext"}},
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s [request %(request_id)s user %(user_id)s] "
            "%(name)s: %(message)s"
        }
    },
    "handlers": _log_handlers,
    "root": {"handlers": list(_log_handlers), "level": LOG_LEVEL},
    # Django's own request log: errors only (a 404 or 403 is not an incident).
    "loggers": {"django.request": {"level": "ERROR"}},
}

# --- The demo's clock ----------------------------------------------------------------------
# Demo only (`make run` sets it): the clock starts at this moment (e.g. 2008-09-02T09:00) and
# runs from there. Production refuses to start with it set.
TRUST_CLOCK_START = env.str("TRUST_CLOCK_START", default="") or None
if TRUST_CLOCK_START:
    try:
        datetime.datetime.fromisoformat(TRUST_CLOCK_START)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUST_CLOCK_START={TRUST_CLOCK_START!r} is not a date and time like 2008-09-02T09:00."
        ) from error

# --- Business rules that councils set differently ---------------------------------------------
TRUST = {
    # An action due within this many days counts as "due soon".
    "DUE_SOON_DAYS": env.int("TRUST_DUE_SOON_DAYS", default=30),
    # Is an action whose due date was revised overdue against its "current" date (flagged as
    # revised) or its "original" one?
    "OVERDUE_AGAINST": env.str("TRUST_OVERDUE_AGAINST", default="current"),
    # Reminders cover actions due within this many days.
    "REMINDER_DAYS": env.int("TRUST_REMINDER_DAYS", default=14),
    # A partner attending fewer than this share of its meetings is flagged (exactly this
    # share is not below it), once it was expected at ATTENDANCE_MINIMUM_MEETINGS or more.
    "ATTENDANCE_ALERT_BELOW": env.float("TRUST_ATTENDANCE_ALERT_BELOW", default=0.5),
    "ATTENDANCE_MINIMUM_MEETINGS": env.int("TRUST_ATTENDANCE_MINIMUM_MEETINGS", default=3),
    # The attendance year starts in this month (4 = April, the financial year).
    "ATTENDANCE_YEAR_STARTS": env.int("TRUST_ATTENDANCE_YEAR_STARTS", default=4),
    # Default months between risk register reviews when a register does not set its own.
    "RISK_REVIEW_MONTHS": env.int("TRUST_RISK_REVIEW_MONTHS", default=6),
    # Risk score bands (likelihood x impact, 1-25): the lowest score of each band.
    "RISK_BANDS": [(1, "Low"), (5, "Medium"), (10, "High"), (16, "Very high")],
}
