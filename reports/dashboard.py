"""The coordination dashboard: the year's figures against the objectives, and the monthly reports."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import charts
from .kinds.activite import graphiques_activite
from .models import Rapport
from .statistiques import activite


def jeunes_aap(annee):
    """Young people reached by the funded AAP actions (final reports), or None before AAP reports exist."""
    try:
        from aap_invisibles.statistiques import jeunes_mobilises
    except ImportError:
        return None
    return jeunes_mobilises(annee)


def tableau_de_bord_contexte(user):
    aujourd_hui = timezone.localdate()
    donnees = activite(date(aujourd_hui.year, 1, 1), aujourd_hui)
    graphiques = graphiques_activite(donnees)
    objectif = donnees["objectif"]
    contexte = {
        **donnees,
        **graphiques,
        "annee": aujourd_hui.year,
        "entrees_dans_objectif": objectif.participants_min <= donnees["entrees_annee"] <= objectif.participants_max,
        "rapports_mensuels": Rapport.objects.visible_to(user)
        .filter(automatique=True)
        .select_related("demandeur")
        .order_by("-cree_le", "-id")[:12],
    }
    jeunes = jeunes_aap(aujourd_hui.year)
    if jeunes is not None:
        contexte["jeunes_aap"] = jeunes
        contexte["graphique_jeunes"] = charts.jauge(
            jeunes["mobilises"], jeunes["objectif_min"], titre=str(_("Jeunes mobilisés par les actions AAP"))
        )
    return contexte
