"""Public pages (no login): the calls and their documents."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from plie_portal.fichiers import telecharger

from ..models import AppelAProjets, Dossier, StatutAppel
from ..scdl import csv_des_subventions


@login_not_required
@require_GET
def liste(request):
    """Open calls, calls announced but not open yet, then past ones."""
    now = timezone.now()
    appels = AppelAProjets.objects.publies().avec_resultats().order_by("-date_cloture", "id")
    ouverts = [a for a in appels if a.accepte_les_depots(now)]
    a_venir = [a for a in appels if a.statut == StatutAppel.PUBLIE and now < a.date_ouverture]
    passes = [a for a in appels if a not in ouverts and a not in a_venir]
    contexte = {"ouverts": ouverts, "a_venir": a_venir, "passes": passes}
    return render(request, "aap_invisibles/liste.html", contexte)


@login_not_required
@require_GET
def appel(request, slug):
    """A call's public page: description, rules, Q&A, envelope, deadline and its postponements, documents."""
    appel = get_object_or_404(AppelAProjets.objects.publies().prefetch_related("questions", "documents"), slug=slug)
    user = request.user
    mon_dossier = None
    if user.is_authenticated and user.is_porteur and user.structure_id:
        mon_dossier = Dossier.objects.filter(appel=appel, porteur_id=user.structure_id).first()
    contexte = {
        "appel": appel,
        "reports": list(appel.reports.all()),
        "ouvert": appel.accepte_les_depots(),
        "mon_dossier": mon_dossier,
        "est_porteur": user.is_authenticated and user.is_porteur,
    }
    return render(request, "aap_invisibles/appel.html", contexte)


@login_not_required
@require_GET
def appel_document(request, slug, pk):
    """Download a public document of a published call."""
    # Coordination also prepares the documents of a call not yet published — with its second
    # factor given: this public view is not behind the second-factor gate, so it checks it itself.
    user = request.user
    coordination = user.is_authenticated and user.is_coordination and user.is_verified()
    appels = AppelAProjets.objects.all() if coordination else AppelAProjets.objects.publies()
    appel = get_object_or_404(appels, slug=slug)
    document = get_object_or_404(appel.documents, pk=pk)
    return telecharger(document.fichier)


@login_not_required
@require_GET
def subventions_csv(request):
    """The decided grants as open data (SCDL "subventions"): a stable public URL for data.gouv.fr."""
    reponse = HttpResponse(csv_des_subventions(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = 'inline; filename="subventions-aap-metropole.csv"'
    return reponse
