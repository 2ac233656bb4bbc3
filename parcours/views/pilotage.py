"""Coordination pages: FSE+ indicators of a period, yearly objectives (the import: views/importation.py)."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import role_required
from participants.models import Sexe
from plie_portal import graphiques

from ..forms import IndicateursForm, ObjectifFormSet
from ..indicators import LIBELLES, calculer_indicateurs, lignes, par_sexe
from ..models import Objectif


def _taux_affiche(taux):
    return f"{taux:.3f} ({taux * 100:.1f} %)".replace(".", ",")


@role_required("coordination")
def indicateurs(request):
    """The FSE+ indicators of a period (default: the current calendar year)."""
    if "debut" in request.GET:
        form = IndicateursForm(request.GET)
        periode = form.cleaned_data if form.is_valid() else None
    else:
        form = IndicateursForm(initial=IndicateursForm.defaut())
        periode = {**IndicateursForm.defaut(), "operation": None}
    context = {"form": form, "periode": periode, "lignes": None, "objectif": None}
    if periode:
        operation = periode["operation"]
        parcours = operation.parcours.all() if operation else None
        resultats = calculer_indicateurs(periode["debut"], periode["fin"], parcours)
        sexes = par_sexe(periode["debut"], periode["fin"], parcours)
        context["sexes"] = [Sexe(code).label for code in sexes]
        context["lignes"] = [
            (
                cle,
                libelle,
                [
                    _taux_affiche(v) if cle == "taux_sorties_positives" else v
                    for v in (valeur, *(un[cle] for un in sexes.values()))
                ],
            )
            for cle, libelle, valeur in lignes(resultats)
        ]
        context["resultats"] = resultats
        context["graphique_sexes"] = graphiques.barres(
            context["sexes"],
            [(LIBELLES[cle], [un[cle] for un in sexes.values()]) for cle in ("EECO01", "sorties", "sorties_positives")],
            titre=str(_("Entrées, sorties et sorties positives par sexe")),
        )
        if periode["debut"].year == periode["fin"].year and not operation:
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
