"""Figures of the PLIE activity report and of the coordination dashboard (aggregate queries only)."""

from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _


def _repartition(entrees, sorties, champ, vide):
    comptes = {}
    for ligne in entrees.values(champ).annotate(n=Count("id")).order_by():
        comptes.setdefault(ligne[champ] or vide, [0, 0])[0] += ligne["n"]
    for ligne in sorties.values(champ).annotate(n=Count("id")).order_by():
        comptes.setdefault(ligne[champ] or vide, [0, 0])[1] += ligne["n"]
    return sorted(([nom, e, s] for nom, (e, s) in comptes.items()), key=lambda ligne: (-ligne[1], str(ligne[0])))


def activite(debut, fin, repartitions=True):
    """Entries and exits of [debut, fin] per month (and, with `repartitions`, by commune and by
    structure), against the year's objectives, with the FSE+ indicators of the period."""
    from parcours.indicators import (
        calculer_indicateurs,
        entrees_et_sorties_par_mois,
        lignes,
        personnes_accompagnees,
        personnes_accompagnees_en,
    )
    from parcours.models import Objectif, Parcours

    base = Parcours.objects.order_by()
    entrees = base.filter(date_entree__gte=debut, date_entree__lte=fin)
    sorties = base.filter(date_sortie__gte=debut, date_sortie__lte=fin)
    mois = entrees_et_sorties_par_mois(debut, fin)
    indicateurs = calculer_indicateurs(debut, fin)
    objectif = Objectif.pour(fin.year)
    actifs = base.filter(date_entree__lte=fin).filter(Q(date_sortie__isnull=True) | Q(date_sortie__gt=fin)).count()
    entrees_annee = base.filter(date_entree__year=fin.year, date_entree__lte=fin).count()
    taux = indicateurs["taux_sorties_positives"]
    # The year's objective is on people accompanied over the whole calendar year; a period that
    # covers exactly one year gives the same figure (the coordination home shows the same).
    annee_entiere = debut == date(fin.year, 1, 1) and fin == date(fin.year, 12, 31)
    accompagnes = personnes_accompagnees(debut, fin)
    return {
        "debut": debut,
        "fin": fin,
        "mois": mois,
        "total_entrees": sum(m["entrees"] for m in mois),
        "total_sorties": sum(m["sorties"] for m in mois),
        "total_sorties_positives": sum(m["sorties_positives"] for m in mois),
        "indicateurs": lignes(indicateurs),
        "indicateurs_dict": indicateurs,
        "objectif": objectif,
        "taux_sorties_positives": taux,
        "taux_objectif": float(objectif.taux_sorties_positives),
        "taux_pourcent": round(taux * 100, 1),
        "taux_objectif_pourcent": round(float(objectif.taux_sorties_positives) * 100, 1),
        "taux_atteint": taux >= float(objectif.taux_sorties_positives),
        "actifs": actifs,
        "entrees_annee": entrees_annee,
        "accompagnes": accompagnes,
        "accompagnes_annee": accompagnes if annee_entiere else personnes_accompagnees_en(fin.year),
        # Exits of complete participations: the base of the rate, shown next to it.
        "sorties_completes": indicateurs["sorties"],
        "sorties_positives_completes": indicateurs["sorties_positives"],
        **(
            {
                "par_commune": _repartition(entrees, sorties, "participant__commune__nom", _("Commune inconnue")),
                "par_structure": _repartition(entrees, sorties, "referent__structure__nom", _("Sans référent·e")),
            }
            if repartitions
            else {}
        ),
    }
