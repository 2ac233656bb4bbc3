"""Reports of the permission world: a finished report of coordination and one of the referent."""

from reports.models import StatutRapport
from reports.tests.factories import RapportFactory


def build(world):
    w = world
    w.rapport_coordination = RapportFactory(demandeur=w.coordination)
    w.rapport_referent = RapportFactory(
        demandeur=w.referent,
        type="parcours",
        parametres={"participant": w.participant.pk},
        libelle=f"Fiche de parcours – {w.participant}",
        nom_fichier=f"parcours-{w.participant.pk}.pdf",
    )
    w.rapport_referent_en_cours = RapportFactory(
        demandeur=w.referent,
        type="parcours",
        parametres={"participant": w.participant.pk},
        libelle=f"Fiche de parcours – {w.participant}",
        statut=StatutRapport.EN_COURS,
        progression=40,
        fichier=None,
        nom_fichier="",
    )
