"""The coordination dashboard: the year's figures against the objectives, and the monthly reports."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal import graphiques

from .kinds.activite import graphiques_activite
from .models import Rapport
from .statistiques import activite


def jeunes_aap():
    """Young people mobilised by the funded AAP actions according to the submitted final reports,
    against the objectives of the calls concerned; None while no final report has been submitted."""
    from django.db.models import Sum

    from aap_invisibles.models import AppelAProjets, Bilan

    bilans = Bilan.objects.filter(depose_le__isnull=False)
    totaux = bilans.aggregate(mobilises=Sum("jeunes_mobilises"), reperes=Sum("jeunes_reperes"))
    if totaux["mobilises"] is None:
        return None
    objectifs = AppelAProjets.objects.filter(pk__in=bilans.values("dossier__appel")).aggregate(
        objectif_min=Sum("objectif_jeunes_min"), objectif_max=Sum("objectif_jeunes_max")
    )
    return {**totaux, **objectifs}


def tableau_de_bord_contexte(user):
    aujourd_hui = timezone.localdate()
    # The dashboard shows no breakdown by commune or structure: not computed.
    donnees = activite(date(aujourd_hui.year, 1, 1), aujourd_hui, repartitions=False)
    dessins = graphiques_activite(donnees)
    objectif = donnees["objectif"]
    contexte = {
        **donnees,
        **dessins,
        "annee": aujourd_hui.year,
        "accompagnes_dans_objectif": (
            objectif.participants_min <= donnees["accompagnes_annee"] <= objectif.participants_max
        ),
        "rapports_mensuels": Rapport.objects.visible_to(user).filter(automatique=True).order_by("-cree_le", "-id")[:12],
    }
    jeunes = jeunes_aap()
    if jeunes is not None:
        contexte["jeunes_aap"] = jeunes
        contexte["graphique_jeunes"] = graphiques.jauge(
            jeunes["mobilises"], jeunes["objectif_min"], titre=str(_("Jeunes mobilisés par les actions AAP"))
        )
    return contexte
