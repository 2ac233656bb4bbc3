"""Project-level views: the home page of each role, health check and error pages."""

import sys

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# The home page of each role lives in the app that owns the role's daily work.
HOME_VIEWS = {
    "coordination": "participants.views.accueil.accueil_coordination",
    "referent": "participants.views.accueil.accueil_referent",
    "partenaire": "parcours.etapes.espace.accueil",
    "instructeur": "aap_invisibles.views.instruction.instruction",
    "porteur": "aap_invisibles.views.porteur.mes_dossiers",
    "dpo": "rgpd.views.accueil_dpo",
    "expert": "aap_invisibles.views.avis.mes_avis",
}


def home(request):
    """Dispatch `/` to the home page of the user's role."""
    view = import_string(HOME_VIEWS.get(request.user.effective_role, "plie_portal.views.home_generic"))
    return view(request)


def home_generic(request):
    """A greeting listing what the role can do, until the role has its own dashboard."""
    return render(request, "home/generic.html", {"role": request.user.effective_role})


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """State of the database and the broker: 200 when the database answers, 503 otherwise."""
    state = {"database": "ok", "broker": "eager"}
    status = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        state["database"] = f"erreur : {exc.__class__.__name__}"
        status = 503
    if settings.CELERY_BROKER_URL:
        from plie_portal.celery import app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            state["broker"] = "ok"
        except Exception as exc:
            state["broker"] = f"erreur : {exc.__class__.__name__}"
    if status == 200:
        from envois.models import EnvoiDiffere

        # Messages waiting for the broker (the outbox): they leave once it answers again.
        state["envois_en_attente"] = EnvoiDiffere.objects.count()
    state["status"] = "ok" if status == 200 else "erreur"
    return JsonResponse(state, status=status)


@login_not_required
def error_403(request, exception=None):
    return render(request, "403.html", status=403)


@login_not_required
def error_404(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def error_500(request):
    """The page of an unexpected error; 503 with a "retry" page while the database is unreachable
    (a restart, a failover): the user is told to check and retry, not that the portal is broken."""
    # No request context: the database may be the reason of the error.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        reponse = HttpResponse(loader.get_template("503.html").render(), status=503)
        reponse["Retry-After"] = "10"
        return reponse
    return HttpResponseServerError(loader.get_template("500.html").render())
