"""The bilan d'exécution of an FSE+ operation for a period (issue 17): planned and realised
participants, the indicators, the participations with their proofs, the activity carried out, and
the participants in the layout of the managing authority's bulk import.

That layout is a mapping file (`colonne;champ`, UTF-8), shipped as
`correspondance_autorite_de_gestion.csv` and replaced by setting PLIE_CORRESPONDANCE_AG to another
file: a PLIE follows the template it receives without code. `CHAMPS` lists the fields it may name.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from plie_portal.xlsx import oui_non

from ..choices import CITE_0_2, CITE_3_4, CITE_5_8, Nationalite
from ..indicators import calculer_indicateurs
from ..models import Entretien, Etape, Invitation, Presence

CORRESPONDANCE = Path(__file__).with_name("correspondance_autorite_de_gestion.csv")


def _cite(p):
    for groupe, codes in (("0-2", CITE_0_2), ("3-4", CITE_3_4), ("5-8", CITE_5_8)):
        if p.niveau_formation in codes:
            return groupe
    return ""


# The fields a mapping may name, each read from a participation (participant and operation loaded).
CHAMPS = {
    "code_operation": lambda p: p.operation.code if p.operation else "",
    "identifiant_participation": lambda p: p.pk,
    "nom": lambda p: p.participant.nom,
    "prenom": lambda p: p.participant.prenom,
    "sexe": lambda p: p.participant.sexe,
    "date_naissance": lambda p: p.participant.date_naissance,
    "commune_insee": lambda p: p.participant.commune_id,
    "telephone": lambda p: p.participant.telephone,
    "email": lambda p: p.participant.email,
    "identifiant_france_travail": lambda p: p.participant.identifiant_france_travail,
    "date_entree": lambda p: p.date_entree,
    "statut_marche_travail": lambda p: p.statut_marche_travail,
    "chomeur_longue_duree": lambda p: oui_non(p.chomeur_longue_duree),
    "niveau_formation": lambda p: p.niveau_formation,
    "niveau_cite": _cite,
    "rsa": lambda p: oui_non(p.rsa),
    "rqth": lambda p: oui_non(p.rqth),
    "pays_tiers": lambda p: oui_non(p.nationalite == Nationalite.HORS_UE) if p.nationalite else "",
    "origine_etrangere": lambda p: oui_non(p.origine_etrangere),
    "sans_domicile": lambda p: oui_non(p.sans_domicile),
    "qpv": lambda p: oui_non(p.qpv),
    "zone_rurale": lambda p: oui_non(p.zone_rurale),
    "date_sortie": lambda p: p.date_sortie,
    "motif_sortie": lambda p: p.motif_sortie,
    "situation_sortie": lambda p: p.situation_sortie,
    "qualification_obtenue": lambda p: oui_non(p.qualification_obtenue),
    "emploi_6_mois": lambda p: oui_non(p.emploi_6_mois),
    "situation_amelioree_6_mois": lambda p: oui_non(p.situation_amelioree_6_mois),
}


class CorrespondanceInvalide(ValueError):
    """The mapping file cannot be used; the message names the line and says why, in French."""


def correspondance(chemin=None):
    """[(column title, field reader)] of the mapping file (PLIE_CORRESPONDANCE_AG or the one shipped)."""
    chemin = Path(chemin or getattr(settings, "PLIE_CORRESPONDANCE_AG", "") or CORRESPONDANCE)
    try:
        texte = chemin.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CorrespondanceInvalide(_("Fichier de correspondance illisible : %(c)s.") % {"c": chemin}) from exc
    lignes = list(csv.reader(texte.splitlines(), delimiter=";"))
    if not lignes or [c.strip().lower() for c in lignes[0]] != ["colonne", "champ"]:
        raise CorrespondanceInvalide(_("Le fichier de correspondance doit commencer par l'en-tête « colonne;champ »."))
    colonnes = []
    for numero, cellules in enumerate(lignes[1:], start=2):
        if not any(c.strip() for c in cellules):
            continue
        if len(cellules) != 2 or cellules[1].strip() not in CHAMPS:
            raise CorrespondanceInvalide(
                _("Fichier de correspondance, ligne %(n)d : champ inconnu « %(c)s » (voir docs/operations.md).")
                % {"n": numero, "c": cellules[1].strip() if len(cellules) > 1 else ""}
            )
        colonnes.append((cellules[0].strip(), CHAMPS[cellules[1].strip()]))
    return colonnes


def participations(operation, debut, fin):
    """The operation's participations of the period (`Operation.participations_entre`), ready to list."""
    return (
        operation.participations_entre(debut, fin)
        .select_related("participant__commune", "operation")
        .prefetch_related("pieces__document")
    )


def activite(operation, debut, fin):
    """What was carried out in the period for the operation's participations: steps by type and
    status, interviews by status, collective sessions and attendance. Four grouped queries."""
    les_siennes = Q(parcours__operation=operation)
    etapes = list(
        Etape.objects.filter(les_siennes, date_debut__range=(debut, fin))
        .values("type__libelle", "statut")
        .annotate(n=Count("pk"))
        .order_by("type__libelle", "statut")
    )
    entretiens = dict(
        Entretien.objects.filter(les_siennes, date__date__range=(debut, fin))
        .values_list("statut")
        .annotate(n=Count("pk"))
        .order_by()
    )
    invitations = Invitation.objects.filter(les_siennes, atelier__debut__date__range=(debut, fin))
    ateliers = invitations.values("atelier").distinct().count()
    presences = invitations.filter(presence=Presence.PRESENT).count()
    return {"etapes": etapes, "entretiens": entretiens, "ateliers": ateliers, "presences": presences}


def synthese(operation, debut, fin):
    """Planned and realised participants and the indicators of the period (its participations only)."""
    realises = participations(operation, debut, fin).count()
    return {
        "prevus": operation.participants_prevus,
        "realises": realises,
        "indicateurs": calculer_indicateurs(debut, fin, operation.parcours.all()),
    }
