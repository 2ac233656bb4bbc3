"""`/api/v1/`: django-ninja's URLs, outside the login wall (the token is the credential)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from .views import api


def _sans_mur_de_connexion(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            _sans_mur_de_connexion(pattern.url_patterns)
        else:
            login_not_required(pattern.callback)
    return patterns


_patterns, _application, _espace = api.urls
urlpatterns = [path("", include((_sans_mur_de_connexion(_patterns), _application), namespace=_espace))]
