"""Figures of the PLIE activity report and of the coordination dashboard (aggregate queries only)."""

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

MOIS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def mois_de_la_periode(debut, fin):
    """The first days of the months between `debut` and `fin`."""
    mois = []
    courant = date(debut.year, debut.month, 1)
    while courant <= fin:
        mois.append(courant)
        courant = date(courant.year + (courant.month == 12), courant.month % 12 + 1, 1)
    return mois


def libelle_mois(jour):
    return f"{MOIS[jour.month - 1]} {jour.year}"


def _par_mois(queryset, champ):
    lignes = queryset.annotate(mois=TruncMonth(champ)).values("mois").annotate(n=Count("id")).order_by("mois")
    return {ligne["mois"].replace(day=1) if ligne["mois"] else None: ligne["n"] for ligne in lignes}


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
    from parcours.choices import MOTIFS_SORTIE_POSITIVE
    from parcours.indicators import calculer_indicateurs, lignes, personnes_accompagnees, personnes_accompagnees_en
    from parcours.models import Objectif, Parcours

    base = Parcours.objects.order_by()
    entrees = base.filter(date_entree__gte=debut, date_entree__lte=fin)
    sorties = base.filter(date_sortie__gte=debut, date_sortie__lte=fin)
    entrees_mois = _par_mois(entrees, "date_entree")
    sorties_mois = _par_mois(sorties, "date_sortie")
    positives_mois = _par_mois(sorties.filter(motif_sortie__in=MOTIFS_SORTIE_POSITIVE), "date_sortie")
    mois = [
        {
            "mois": jour,
            "libelle": libelle_mois(jour),
            "entrees": entrees_mois.get(jour, 0),
            "sorties": sorties_mois.get(jour, 0),
            "sorties_positives": positives_mois.get(jour, 0),
        }
        for jour in mois_de_la_periode(debut, fin)
    ]
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
