"""Coordination pages: FSE+ indicators of a period, yearly objectives, participant import."""

import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import role_required

from ..forms import ImportForm, ObjectifFormSet, PeriodeForm
from ..importation import Erreur, RapportImport, importer
from ..indicators import calculer_indicateurs, lignes
from ..models import Objectif

SESSION_IMPORT = "parcours_import"
ERREURS_AFFICHEES = 500


def _taux_affiche(taux):
    return f"{taux:.3f} ({taux * 100:.1f} %)".replace(".", ",")


@role_required("coordination")
def indicateurs(request):
    """The FSE+ indicators of a period (default: the current calendar year)."""
    if "debut" in request.GET:
        form = PeriodeForm(request.GET)
        periode = form.cleaned_data if form.is_valid() else None
    else:
        form = PeriodeForm(initial=PeriodeForm.defaut())
        periode = PeriodeForm.defaut()
    context = {"form": form, "periode": periode, "lignes": None, "objectif": None}
    if periode:
        resultats = calculer_indicateurs(periode["debut"], periode["fin"])
        context["lignes"] = [
            (cle, libelle, _taux_affiche(valeur) if cle == "taux_sorties_positives" else valeur)
            for cle, libelle, valeur in lignes(resultats)
        ]
        context["resultats"] = resultats
        if periode["debut"].year == periode["fin"].year:
            context["objectif"] = Objectif.objects.filter(annee=periode["debut"].year).first()
    return render(request, "parcours/indicateurs.html", context)


@role_required("coordination")
def objectifs(request):
    """The yearly objectives (people accompanied, positive exit rate), edited in one form."""
    queryset = Objectif.objects.order_by("-annee")
    formset = ObjectifFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST" and formset.is_valid():
        try:
            with transaction.atomic():
                formset.save()
        except IntegrityError:
            messages.error(request, _("Deux objectifs ne peuvent pas porter sur la même année."))
        else:
            messages.success(request, _("Objectifs enregistrés."))
            return redirect("parcours:objectifs")
    return render(request, "parcours/objectifs.html", {"formset": formset})


def _chemin_import(request):
    donnees = request.session.get(SESSION_IMPORT) or {}
    return donnees.get("chemin"), donnees.get("nom", "")


def _oublier_import(request):
    chemin, _nom = _chemin_import(request)
    if chemin and default_storage.exists(chemin):
        default_storage.delete(chemin)
    request.session.pop(SESSION_IMPORT, None)


@role_required("coordination")
def importation(request):
    """Upload a CSV, preview what it would do, then confirm: the file is checked again when writing."""
    form = ImportForm()
    rapport, nom = None, ""
    if request.method == "POST" and request.POST.get("etape") == "confirmer":
        chemin, nom = _chemin_import(request)
        if not chemin or not default_storage.exists(chemin):
            messages.error(request, _("Le fichier à importer n'est plus disponible : déposez-le à nouveau."))
            return redirect("parcours:import")
        with default_storage.open(chemin, "rb") as fichier:
            contenu = fichier.read()
        try:
            rapport = importer(contenu, par=request.user, ecrire=True, nom_fichier=nom)
        except IntegrityError:
            rapport = RapportImport(
                erreurs=[Erreur(None, "", _("un parcours a été ouvert entre-temps ; vérifiez le fichier à nouveau."))]
            )
        if rapport.ecrit:
            _oublier_import(request)
            messages.success(
                request,
                _("Import terminé : %(p)d nouvelle(s) personne(s), %(n)d parcours créé(s).")
                % {"p": rapport.nouvelles_personnes, "n": rapport.nouveaux_parcours},
            )
            return redirect("parcours:import")
    elif request.method == "POST" and request.POST.get("etape") == "annuler":
        _oublier_import(request)
        messages.info(request, _("Import abandonné."))
        return redirect("parcours:import")
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            _oublier_import(request)
            fichier = form.cleaned_data["fichier"]
            nom = fichier.name
            contenu = fichier.read()
            rapport = importer(contenu, par=request.user, ecrire=False, nom_fichier=nom)
            if rapport.valide:
                # Kept in private storage until confirmation; the preview is never trusted.
                chemin = default_storage.save(f"imports/{uuid.uuid4().hex}.csv", ContentFile(contenu))
                request.session[SESSION_IMPORT] = {"chemin": chemin, "nom": nom}
    return render(
        request,
        "parcours/import.html",
        {
            "form": form,
            "rapport": rapport,
            "nom": nom,
            "erreurs": rapport.erreurs[:ERREURS_AFFICHEES] if rapport else [],
            "erreurs_masquees": max(0, len(rapport.erreurs) - ERREURS_AFFICHEES) if rapport else 0,
        },
    )
