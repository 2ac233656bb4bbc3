"""The REST API, `/api/v1/` (django-ninja): one more channel on the same rules as the pages.
Every endpoint takes its objects from the `visible_to(user)` querysets; a role that never uses a
kind of page gets 403, an object outside the scope 404, as on the pages."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from ..auth import JetonAPI, debits
from . import appels, etapes, parcours, participants, structures

api = NinjaAPI(
    title="API du Portail PLIE",
    version="1",
    description=(
        "Lire ses participants, parcours et étapes, faire avancer les étapes de sa structure, consulter "
        "l'annuaire et les appels à projets. Authentification : un jeton personnel créé sur la page "
        "« Jetons personnels » du compte, dans l'en-tête `Authorization: Bearer plie_…`."
    ),
    urls_namespace="api",
    auth=JetonAPI(),
    throttle=debits(),
)


def _erreur(request, statut, message):
    return api.create_response(request, {"detail": str(message)}, status=statut)


@api.exception_handler(AuthenticationError)
def non_authentifie(request, exc):
    return _erreur(request, 401, _("Jeton absent, invalide, expiré ou révoqué."))


@api.exception_handler(PermissionDenied)
def interdit(request, exc):
    return _erreur(request, 403, _("Votre rôle ne donne pas accès à ces données."))


@api.exception_handler(Http404)
def introuvable(request, exc):
    return _erreur(request, 404, _("Introuvable, ou hors de votre périmètre."))


@api.exception_handler(Throttled)
def trop_de_requetes(request, exc):
    reponse = _erreur(request, 429, _("Trop de requêtes : réessayez dans un instant."))
    if exc.wait:
        reponse["Retry-After"] = str(int(exc.wait) + 1)
    return reponse


@api.exception_handler(ValidationError)
def invalide(request, exc):
    champs = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "corps" for e in exc.errors)
    return api.create_response(
        request,
        {"detail": _("Données invalides : %(champs)s.") % {"champs": champs}, "erreurs": exc.errors},
        status=422,
    )


@api.exception_handler(HttpError)
def erreur_http(request, exc):
    return _erreur(request, exc.status_code, exc.message)


api.add_router("/participants", participants.router)
api.add_router("/parcours", parcours.router)
api.add_router("/etapes", etapes.router)
api.add_router("/structures", structures.router)
api.add_router("/appels", appels.router)
