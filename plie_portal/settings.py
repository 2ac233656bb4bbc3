"""Settings of the Portail PLIE, driven by environment variables (README, "Configuration").

Nothing set: SQLite file in the project, Celery tasks run eagerly in-process, DEBUG off
(so SECRET_KEY is required; `make run` turns DEBUG on). DATABASE_URL and CELERY_BROKER_URL
switch to PostgreSQL and Redis with real workers.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DEBUG", False)
# pytest (8.2+) sets PYTEST_VERSION: tests run with production settings, minus TLS redirects.
TESTING = "PYTEST_VERSION" in os.environ

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if TESTING:
        SECRET_KEY = "tests-only-insecure-key-8d1f0b7c6e5a4d3c2b1a0f9e8d7c6b5a4f3e2d1c"
    elif not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY n'est pas définie. En production (DEBUG désactivé), définissez la "
            "variable d'environnement SECRET_KEY (50 caractères aléatoires ou plus), ou lancez "
            "le portail en développement avec DEBUG=1 (ce que fait `make run`)."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-3f9a1c7e5b2d8f40a6c1e9b7d3f5a2c8"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
# The portal's public address, for the links of e-mails sent by the workers (no request there):
# PORTAIL_URL, or https:// and the first named host of ALLOWED_HOSTS.
_hote_public = next((h for h in ALLOWED_HOSTS if h not in ("*", "localhost") and not h.startswith(".")), "")
PORTAIL_URL = (
    os.environ.get("PORTAIL_URL")
    or (f"https://{_hote_public}" if _hote_public and not DEBUG else "http://127.0.0.1:8000")
).rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    # French names in the admin for these four: plie_portal.apps_tierces.
    "plie_portal.apps_tierces.TachesPlanifieesConfig",
    "csp",
    # The REST API (its Swagger page and scripts served from static/, within the CSP).
    "ninja",
    # Second factor (TOTP and backup codes) and lockout after repeated failures (issue 7).
    "django_otp",
    "plie_portal.apps_tierces.TotpConfig",
    "plie_portal.apps_tierces.CodesDeSecoursConfig",
    "plie_portal.apps_tierces.VerrouillageConfig",
    # Project apps (plie_portal: the ground floor's template tags)
    "plie_portal",
    "territoire",
    "envois",
    "accounts",
    "partners",
    "participants",
    "parcours",
    "aap_invisibles",
    "reports",
    "notifications",
    "rgpd",
    "api",
]

MIDDLEWARE = [
    "plie_portal.proxys.ProxyDeConfianceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "plie_portal.middleware.NulCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "plie_portal.middleware.LoginRequiredMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "envois.middleware.EnvoisDifferesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "plie_portal.middleware.SessionExpiryMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if DEBUG and not env_bool("PLIE_404_TECHNIQUE", False):
    # Before axes, which must stay last.
    MIDDLEWARE.insert(-1, "plie_portal.middleware.Page404FrancaiseMiddleware")

ROOT_URLCONF = "plie_portal.urls"
WSGI_APPLICATION = "plie_portal.wsgi.application"
ASGI_APPLICATION = "plie_portal.asgi.application"

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
                "plie_portal.context_processors.portail",
            ],
        },
    },
]

# Database: SQLite file by default; DATABASE_URL (postgres://…) in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions: concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
IS_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out account before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.PortailBackend",
    # Staff login through the Métropole's OpenID Connect provider; answers nothing unless configured.
    "accounts.oidc.ProConnectBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    # Fast hashing for the thousands of logins of the permission matrix.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "fr-fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Private files (documents, attachments, generated reports). Never served from a public URL:
# downloads go through views that check access. MEDIA_ROOT must be a volume shared by the web
# and worker machines (or use S3-compatible storage through django-storages).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = None
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests run with DEBUG off but without collectstatic.
if TESTING:
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Without collectstatic (development, tests) WhiteNoise serves from the finders.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Past MAX_UPLOAD_SIZE a file is no longer stored (plie_portal.fichiers): refused without filling the disk.
FILE_UPLOAD_HANDLERS = ["plie_portal.fichiers.LimiteDeTailleUploadHandler"]

# Email: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Portail PLIE <ne-pas-repondre@plie.metropole-rouen-normandie.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Trusted proxies (accounts.audit.client_ip): none by default. Behind a TLS-terminating proxy, say
# how many append to X-Forwarded-For and from which addresses they connect: a header is believed
# only from those addresses, so a client reaching the portal directly cannot choose its address
# (and dodge the lockout) nor claim HTTPS.
PLIE_PROXY_COUNT = env_int("PLIE_PROXY_COUNT", 0)
PLIE_PROXY_ADRESSES = env_list("PLIE_PROXY_ADRESSES", "127.0.0.1,::1")

# Security. Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PLIE_PROXY_COUNT else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
# Inactivity timeout by role, set on each request by plie_portal.middleware.SessionExpiryMiddleware,
# which saves the session itself except on polling requests (plie_portal/session.py): polling
# must not keep a session alive, so Django must not save every request on its own.
SESSION_SAVE_EVERY_REQUEST = False
PLIE_SESSION_INACTIVITE_PERSONNEL = env_int("PLIE_SESSION_INACTIVITE_PERSONNEL", 30 * 60)
PLIE_SESSION_INACTIVITE_PORTEUR = env_int("PLIE_SESSION_INACTIVITE_PORTEUR", 2 * 3600)

# Lockout after repeated failed logins (django-axes 8): by account AND address together, so that
# an office behind one NAT does not lock itself out; lifted after 30 minutes or by an admin.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = not TESTING
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_lockout"
AXES_LOCKOUT_TEMPLATE = "registration/verrouillage.html"
# The client address behind the TLS proxy (X-Forwarded-For), as the access log reads it.
AXES_CLIENT_IP_CALLABLE = "accounts.audit.client_ip"
# Retention of personal data (RGPD, README « Règles sur les données personnelles »): access log
# one year; participants anonymised two years after their last contact, never inside the FSE+
# audit period (years after the end of the year of exit); applicants' drafts untouched for 12
# months deleted after a warning one month before.
PLIE_DUREE_JOURNAL_ACCES_JOURS = env_int("PLIE_DUREE_JOURNAL_ACCES_JOURS", 365)
PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS = env_int("PLIE_DUREE_CONSERVATION_PARTICIPANT_ANS", 2)
PLIE_DUREE_AUDIT_FSE_ANS = env_int("PLIE_DUREE_AUDIT_FSE_ANS", 5)
PLIE_DUREE_BROUILLON_MOIS = env_int("PLIE_DUREE_BROUILLON_MOIS", 12)
# Shown on the public pages (personal-data notice, legal notice).
PLIE_CONTACT_DPO = os.environ.get("PLIE_CONTACT_DPO", "dpo@metropole-rouen-normandie.fr")
PLIE_HEBERGEUR = os.environ.get(
    "PLIE_HEBERGEUR", "Métropole Rouen Normandie, 108 allée François Mitterrand, 76006 Rouen Cedex."
)
OTP_TOTP_ISSUER = "Portail PLIE"

# Content-Security-Policy (django-csp 4): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}

# Celery: eager in-process without a broker, Redis workers with CELERY_BROKER_URL.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# `make run` serves with this on (no broker): an eager task runs in a thread of its own after the
# commit, so that the page answers at once and shows the progress of a document, as with a worker
# (envois.publier). Off elsewhere: commands (seed_demo) and tests want the effect before they end.
PLIE_TACHES_EN_FIL = CELERY_TASK_ALWAYS_EAGER and env_bool("PLIE_TACHES_EN_FIL", False)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_RESULT_EXPIRES = 24 * 3600
# acks_late on Redis: a job not acknowledged within the visibility timeout is redelivered,
# so the timeout must exceed the longest job (reports take minutes, not hours).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 4 * 3600, "socket_connect_timeout": 2, "socket_timeout": 5}
# With the broker down, a request gives up publishing within a second: the message waits in the
# outbox (envois) instead of holding the page.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # RGPD retention rules (rgpd.purge): anonymisation, access log kept one year, old drafts.
    "rgpd-purge": {"task": "rgpd.tasks.purger_donnees_expirees", "schedule": 24 * 3600},
    # Daily scan of AAP final reports due soon or overdue (reminders by scan, not by ETA).
    "aap-relances-bilans": {"task": "aap_invisibles.tasks.relancer_bilans", "schedule": 24 * 3600},
    "aap-relances-avis": {"task": "aap_invisibles.tasks.relancer_avis", "schedule": 24 * 3600},
    # Reports: expired files deleted daily; the previous month's activity report (idempotent per month).
    "rapports-purge": {"task": "reports.tasks.purger_rapports_expires", "schedule": 24 * 3600},
    "rapports-mensuel": {"task": "reports.tasks.rapport_mensuel", "schedule": 24 * 3600},
    # Reports whose message or worker was lost are enqueued again (every minute: a killed worker's
    # report is taken over within about two minutes, reports.services.DELAI_REPRISE).
    "rapports-relance": {"task": "reports.tasks.relancer_rapports_bloques", "schedule": 60},
    # The same for imports (a historical import interrupted mid-write left nothing: it starts again).
    "imports-relance": {"task": "parcours.tasks.relancer_imports_bloques", "schedule": 60},
    # The outbox: messages that waited for the broker leave as soon as it is back (envois).
    "envois-relance": {"task": "envois.tasks.relancer_envois", "schedule": 60},
}

# A report or an import whose worker stopped beating this long is taken over (plie_portal.travaux).
PLIE_RAPPORT_DELAI_REPRISE_SECONDES = env_int("PLIE_RAPPORT_DELAI_REPRISE_SECONDES", 60)

# Domain thresholds (DESIGN §1): data, not constants scattered in code.
PLIE_ALERTE_SANS_ENTRETIEN_JOURS = env_int("PLIE_ALERTE_SANS_ENTRETIEN_JOURS", 30)
# The layout of the managing authority's bulk import in the bilan d'exécution (docs/operations.md):
# a `colonne;champ` file; empty, the one shipped in parcours/operations/.
PLIE_CORRESPONDANCE_AG = os.environ.get("PLIE_CORRESPONDANCE_AG", "")
PLIE_ALERTE_PARCOURS_MOIS = env_int("PLIE_ALERTE_PARCOURS_MOIS", 24)
PLIE_FENETRE_PARTENAIRE_MOIS = 6

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"sans_trace_attendue": {"()": "plie_portal.journal.SansTraceAttendue"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["sans_trace_attendue"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint and fontTools narrate every layout step at INFO; axes announces itself at start.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Shared cache: the API's rate limits must hold across every process and machine, so with Redis
# (PLIE_CACHE_URL, or the broker's Redis) the cache lives there; alone, in the process.
PLIE_CACHE_URL = os.environ.get("PLIE_CACHE_URL", CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "")
if PLIE_CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": PLIE_CACHE_URL,
            "KEY_PREFIX": "plie",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }

# REST API (api/, django-ninja): calls per account, and per address on the public endpoints.
PLIE_API_DEBIT = os.environ.get("PLIE_API_DEBIT", "120/m")
PLIE_API_DEBIT_PUBLIC = os.environ.get("PLIE_API_DEBIT_PUBLIC", "60/m")
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

# The granting body in the open data of grants (SCDL "subventions"): name and SIRET of its seat
# (SIREN 200 023 414, Sirene directory).
PLIE_NOM_ATTRIBUANT = os.environ.get("PLIE_NOM_ATTRIBUANT", "Métropole Rouen Normandie")
PLIE_SIRET_ATTRIBUANT = os.environ.get("PLIE_SIRET_ATTRIBUANT", "20002341400010")
# The territory a service of the directory is open to, for data·inclusion: the Métropole's SIREN (EPCI).
PLIE_SIREN_TERRITOIRE = os.environ.get("PLIE_SIREN_TERRITOIRE", "200023414")

# OpenID Connect login for staff (ProConnect or the Métropole's provider, mozilla-django-oidc):
# off until PLIE_OIDC_CLIENT_ID and the provider's endpoints are set (docs/exploitation.md).
OIDC_RP_CLIENT_ID = os.environ.get("PLIE_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("PLIE_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("PLIE_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("PLIE_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("PLIE_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("PLIE_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("PLIE_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("PLIE_OIDC_SCOPES", "openid email given_name usual_name")
OIDC_CREATE_USER = False
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_retour"
# ProConnect asks for the level of authentication wanted; its answer is read from `acr`/`amr`.
OIDC_AUTH_REQUEST_EXTRA_PARAMS = (
    {"acr_values": os.environ["PLIE_OIDC_ACR_VALUES"]} if os.environ.get("PLIE_OIDC_ACR_VALUES") else {}
)
PLIE_OIDC_ACR_DEUX_FACTEURS = [
    v.strip() for v in os.environ.get("PLIE_OIDC_ACR_DEUX_FACTEURS", "eidas2,eidas3").split(",") if v.strip()
]
PLIE_OIDC_LIBELLE = os.environ.get("PLIE_OIDC_LIBELLE", "ProConnect")
