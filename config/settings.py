"""CareerPath settings: one module, driven by environment variables.

Every variable is listed in docs/configuration.md. Helpers refuse unexpected values at start-up
instead of guessing, so a typo in production fails loudly.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "1")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    # 50, as `check --deploy` asks (security.W009): a shorter key was accepted and only warned about.
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "With DEBUG=0, set SECRET_KEY to a random string of 50+ characters: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("With DEBUG=0, set ALLOWED_HOSTS (comma-separated host names).")

CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    "compensation",
    "dataversions",
    "careerpath",
    "offers",
    "accounts",
    "publishing",
    "ops",
]

MIDDLEWARE = [
    # The header middlewares come first, so that every response carries their headers: static files,
    # and the 400 for a bad Host too (CommonMiddleware refuses it, and a middleware below it never
    # sees that response).
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: private, no-store on anything that may show pay or personal data (one place).
    "config.middleware.PrivateResponseMiddleware",
    # Pay in a GET query (an old link) is never read: the same address without it.
    "config.middleware.PayOutOfQueriesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "config.middleware.StoredValueMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
        },
    },
]

# SQLite by default; DATABASE_URL (postgres://user:pass@host:5432/name) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database: IMMEDIATE transactions take the write lock at BEGIN, so two
    # writers queue (up to `timeout` seconds) instead of deadlocking into "database is locked" (a
    # deferred transaction cannot upgrade its read lock, and select_for_update() is a no-op here);
    # WAL lets readers go on while one writes. OPTIONS given in DATABASE_URL win.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Caches. "default" holds allauth's rate-limit counters, so every process must share it: Redis with
# REDIS_URL (sessions then go through it too), otherwise Django's database cache, a table
# (`careerpath_cache`, made by `manage.py migrate`: accounts/migrations/0002) in the database every
# process already shares. "render": rendered projection panels in this process's memory (the
# `{% cache %}` tag in templates/careerpath/partials/projection_panel.html); keys carry the salary data's
# version, so a change in admin needs no sweeping. PANEL_CACHE_SECONDS=0 turns it off.
REDIS_URL = os.environ.get("REDIS_URL", "")
RENDER_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "careerpath-render",
    "OPTIONS": {"MAX_ENTRIES": envint("RENDER_CACHE_ENTRIES", "2000")},
}
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "render": RENDER_CACHE,
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "careerpath_cache",
            # Culling drops a third of the rows once full: room enough that a spray of addresses
            # cannot push out the counters of the one being attacked.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "render": RENDER_CACHE,
    }
PANEL_CACHE_SECONDS = envint("PANEL_CACHE_SECONDS", "3600")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): email only, verified before first log-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
if ACCOUNT_EMAIL_VERIFICATION not in ("mandatory", "optional", "none"):
    # allauth would treat a typo as "optional": say so at start instead.
    raise ImproperlyConfigured(
        f"ACCOUNT_EMAIL_VERIFICATION must be mandatory, optional or none, not {ACCOUNT_EMAIL_VERIFICATION!r}"
    )
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None  # the "Remember me" box decides
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CareerPath] "
# A stolen session alone must not take the account over: adding, removing or making primary an email
# address asks for the password again (for 5 minutes after it was given); password change and account
# deletion ask for the current password in their own forms.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Tell the owner about email and password changes, at the address that was primary before the change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The failed-log-in lock counts per address whatever the Host header says (accounts/adapter.py).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Sign-up takes as long for an address that has an account as for a new one (accounts/forms.py).
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_RATE_LIMITS = {
    "login": os.environ.get("RATE_LIMIT_LOGIN", "30/m/ip"),
    "login_failed": os.environ.get("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
    "signup": os.environ.get("RATE_LIMIT_SIGNUP", "20/m/ip"),
    "reset_password": os.environ.get("RATE_LIMIT_RESET_PASSWORD", "20/m/ip,5/m/key"),
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "plan_list"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = "plan_list"

# Email: EMAIL_HOST switches to SMTP. Without it: the console in development; in production nothing is sent
# and nothing written (accounts/mail.py; the console would put password-reset links in the server's log),
# with a loud warning at start.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CareerPath <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", "587")
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "1")
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "accounts.mail.NoMailServerBackend"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Security headers. Production (DEBUG=0) turns on HTTPS-only behaviour; SECURE_SSL_REDIRECT can be
# switched off behind a proxy that already redirects.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Strict CSP: only our own files; no inline script or style, no eval (htmx is configured to match).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
