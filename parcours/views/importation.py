"""The CSV import of participants (coordination): the file is checked by a worker, its preview shown
with progress, then written by a worker on confirmation — nothing long inside a request."""

import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import role_required
from envois.services import mettre_en_file

from ..forms import ImportForm
from ..importation import RapportImport
from ..models import Importation, StatutImportation
from ..tasks import importer_fichier

ERREURS_AFFICHEES = 500


def _lancer(par, nom, chemin, ecrire):
    """One pass of the worker over the file (a check, or the write), queued after commit."""
    importation = Importation.objects.create(par=par, nom_fichier=nom[:255], chemin=chemin, ecrire=ecrire)
    mettre_en_file(importer_fichier, importation.pk)
    return importation


@role_required("coordination")
def importation(request):
    """Upload a CSV: it is kept in private storage and checked in the background."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fichier = form.cleaned_data["fichier"]
        with transaction.atomic():
            chemin = default_storage.save(f"imports/{uuid.uuid4().hex}.csv", ContentFile(fichier.read()))
            suivi = _lancer(request.user, fichier.name, chemin, ecrire=False)
        return redirect("parcours:import_suivi", pk=suivi.pk)
    recents = Importation.objects.select_related("par")[:10]
    return render(request, "parcours/import.html", {"form": form, "recents": recents})


def _contexte(importation):
    rapport = (
        RapportImport.depuis_json(importation.resultat) if importation.statut == StatutImportation.TERMINE else None
    )
    confirmable = (
        rapport is not None
        and rapport.valide
        and not importation.ecrire
        and default_storage.exists(importation.chemin)
        and not Importation.objects.filter(chemin=importation.chemin, ecrire=True).exists()
    )
    return {
        "importation": importation,
        "rapport": rapport,
        "confirmable": confirmable,
        "erreurs": rapport.erreurs[:ERREURS_AFFICHEES] if rapport else [],
        "erreurs_masquees": max(0, len(rapport.erreurs) - ERREURS_AFFICHEES) if rapport else 0,
    }


@role_required("coordination")
def importation_suivi(request, pk):
    """Where an import stands: its progress, then its preview (to confirm) or its result."""
    importation = get_object_or_404(Importation.objects.select_related("par"), pk=pk)
    return render(request, "parcours/import_suivi.html", _contexte(importation))


@role_required("coordination")
def importation_etat(request, pk):
    """The fragment polled every 2 s while the worker runs; once done, the page reloads itself."""
    importation = get_object_or_404(Importation, pk=pk)
    if not request.htmx:
        return redirect("parcours:import_suivi", pk=pk)
    if not importation.en_cours:
        reponse = HttpResponse(status=204)
        reponse["HX-Refresh"] = "true"
        return reponse
    return render(request, "parcours/includes/import_etat.html", {"importation": importation})


@require_POST
@role_required("coordination")
def importation_confirmer(request, pk):
    """Write the file previewed: checked again by the worker, then written in one transaction."""
    apercu = get_object_or_404(Importation, pk=pk)
    if not _contexte(apercu)["confirmable"]:
        messages.error(request, _("Cet aperçu ne peut plus être confirmé : déposez le fichier à nouveau."))
        return redirect("parcours:import")
    with transaction.atomic():
        ecriture = _lancer(request.user, apercu.nom_fichier, apercu.chemin, ecrire=True)
    return redirect("parcours:import_suivi", pk=ecriture.pk)


@require_POST
@role_required("coordination")
def importation_abandonner(request, pk):
    """Give up a previewed file: it is deleted from storage."""
    apercu = get_object_or_404(Importation, pk=pk, ecrire=False)
    if default_storage.exists(apercu.chemin):
        default_storage.delete(apercu.chemin)
    messages.info(request, _("Import abandonné : le fichier est supprimé."))
    return redirect("parcours:import")
