"""Settings of the test OpenID Connect provider (tests/fournisseur_oidc): a bare Django project
with django-oidc-provider, its own SQLite database, nothing of the portal."""

import os
from pathlib import Path

ICI = Path(__file__).resolve().parent
SECRET_KEY = "fournisseur-oidc-de-test"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.fournisseur_oidc.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ICI / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["FOURNISSEUR_BASE"]}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGIN_URL = "/connexion/"
SITE_URL = os.environ["FOURNISSEUR_ADRESSE"]
OIDC_IDTOKEN_INCLUDE_CLAIMS = True
OIDC_IDTOKEN_PROCESSING_HOOK = "tests.fournisseur_oidc.crochets.niveau_d_authentification"
OIDC_USERINFO = "tests.fournisseur_oidc.crochets.informations"
