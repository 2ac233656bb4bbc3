"""The CSV import of participants (coordination): the file is checked by a worker, its preview shown
with progress, then written by a worker on confirmation — nothing long inside a request."""

import csv
import io
import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from accounts.permissions import role_required
from envois.services import mettre_en_file
from plie_portal.xlsx import neutraliser

from ..forms import ImportForm
from ..importation import RapportImport
from ..models import GenreImportation, Importation, StatutImportation
from ..reprise import RapportReprise
from ..reprise.modeles import MODELES_REPRISE
from ..tasks import importer_fichier

ERREURS_AFFICHEES = 500
# The kinds a historical import writes, as the preview names them.
GENRES_REPRISE = {
    "comptes": _l("Comptes (inactifs)"),
    "participants": _l("Personnes"),
    "parcours": _l("Parcours"),
    "etapes": _l("Étapes"),
    "entretiens": _l("Entretiens"),
}


def _lancer(par, nom, chemin, ecrire, genre):
    """One pass of the worker over the file (a check, or the write), queued after commit."""
    importation = Importation.objects.create(par=par, nom_fichier=nom[:255], chemin=chemin, ecrire=ecrire, genre=genre)
    mettre_en_file(importer_fichier, importation.pk)
    return importation


@role_required("coordination")
def importation(request):
    """Upload a CSV: it is kept in private storage and checked in the background."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fichier = form.cleaned_data["fichier"]
        extension = "zip" if form.genre == GenreImportation.HISTORIQUE else "csv"
        with transaction.atomic():
            chemin = default_storage.save(f"imports/{uuid.uuid4().hex}.{extension}", ContentFile(fichier.read()))
            suivi = _lancer(request.user, fichier.name, chemin, ecrire=False, genre=form.genre)
        return redirect("parcours:import_suivi", pk=suivi.pk)
    recents = Importation.objects.select_related("par")[:10]
    return render(request, "parcours/import.html", {"form": form, "recents": recents, "modeles": list(MODELES_REPRISE)})


def _rapport(importation):
    """What the worker found, read back from the `Importation` (None while it runs)."""
    if importation.statut != StatutImportation.TERMINE:
        return None
    if importation.genre == GenreImportation.HISTORIQUE:
        return RapportReprise.depuis_json(importation.resultat)
    return RapportImport.depuis_json(importation.resultat)


def _contexte(importation):
    rapport = _rapport(importation)
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
        "comptes_reprise": [
            (libelle, rapport.crees.get(genre, 0), rapport.modifies.get(genre, 0))
            for genre, libelle in GENRES_REPRISE.items()
        ]
        if isinstance(rapport, RapportReprise)
        else [],
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
        ecriture = _lancer(request.user, apercu.nom_fichier, apercu.chemin, ecrire=True, genre=apercu.genre)
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


@role_required("coordination")
def importation_erreurs(request, pk):
    """Every error the worker found, as a CSV to open beside the file: file, line, column, message."""
    importation = get_object_or_404(Importation, pk=pk)
    rapport = _rapport(importation)
    if rapport is None:
        raise Http404
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, delimiter=";")
    ecrivain.writerow([_("fichier"), _("ligne"), _("colonne"), _("message")])
    for erreur in rapport.erreurs:
        fichier = getattr(erreur, "fichier", importation.nom_fichier)
        ecrivain.writerow([fichier, erreur.ligne or "", erreur.colonne, neutraliser(erreur.message)])
    reponse = HttpResponse("\ufeff" + sortie.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="erreurs-import-{importation.pk}.csv"'
    return reponse


@role_required("coordination")
def importation_modele(request, nom):
    """The template of one file of a historical import: its header and one example line."""
    if nom not in MODELES_REPRISE:
        raise Http404
    entete, exemple = MODELES_REPRISE[nom]
    reponse = HttpResponse("\ufeff" + f"{entete}\n{exemple}\n", content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse
