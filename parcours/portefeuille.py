"""The caseload of a referent (DESIGN §2): the participants it holds, their current parcours and
alerts, and its move at once to another referent. Functions over a participant queryset, here
rather than on `Participant`, so that participants never reads the parcours above it."""

from collections import Counter
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Participant
from plie_portal.dates import months_before

from .choices import STATUTS_ETAPE_OUVERTS
from .models import Entretien, Etape, Invitation, Parcours, Presence
from .models.pieces import manque_pieces
from .notifications import notifier_reaffectation


@transaction.atomic
def reaffecter_portefeuille(ancien, nouveau):
    """Move every participant followed by `ancien`, and their open parcours, to `nouveau` at once.

    Saved one by one (not `update()`) so that the change history records each move.
    """
    participants = list(Participant.objects.filter(referent=ancien).select_for_update())
    for participant in participants:
        participant.referent = nouveau
        participant.save()
    parcours = list(Parcours.objects.ouverts().filter(referent=ancien).select_for_update())
    for p in parcours:
        p.referent = nouveau
        p.save()
    if participants or parcours:
        notifier_reaffectation(nouveau, len(participants), ancien)
    return len(participants), len(parcours)


def avec_parcours_courant(participants):
    """Annotate the current parcours' fields (`courant_*`) by one join on the parcours flagged current
    (`Parcours.courant`, kept by `models.courant`), and its FSE+ completeness: no subquery per row."""
    return participants.annotate(
        parcours_courant=FilteredRelation("parcours", condition=Q(parcours__courant=True))
    ).annotate(
        courant_id=F("parcours_courant__id"),
        courant_date_entree=F("parcours_courant__date_entree"),
        courant_date_sortie=F("parcours_courant__date_sortie"),
        courant_qpv=F("parcours_courant__qpv"),
        courant_rsa=F("parcours_courant__rsa"),
        courant_statut_marche=F("parcours_courant__statut_marche_travail"),
        courant_niveau=F("parcours_courant__niveau_formation"),
        fse_incomplet=F("parcours_incomplet"),
    )


def portefeuille(participants, user, aujourd_hui=None):
    """The caseload of a referent: their participants with an open parcours or a follow-up due."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    # One EXISTS over "open or due": two EXISTS joined by OR cannot become a semi-join, and the
    # planner then hashed every open parcours of the PLIE for a caseload of 80 (50 ms at 250,000).
    suivis = Parcours.objects.ouverts() | Parcours.objects.suivi_6_mois_du(aujourd_hui)
    return participants.filter(referent=user).filter(Exists(suivis.filter(participant=OuterRef("pk"))))


def avec_alertes(participants, aujourd_hui=None):
    """Annotate the caseload alerts of DESIGN §2 (one query whatever the number of rows)."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    ouverts = Parcours.objects.ouverts().filter(participant=OuterRef("pk"))
    limite_entretien = timezone.now() - timedelta(days=settings.PLIE_ALERTE_SANS_ENTRETIEN_JOURS)
    limite_parcours = months_before(aujourd_hui, settings.PLIE_ALERTE_PARCOURS_MOIS)
    dernier_entretien = (
        Entretien.objects.realises()
        .filter(parcours__participant=OuterRef("pk"))
        .values("parcours__participant")
        .annotate(derniere=Max("date"))
        .values("derniere")
    )
    return participants.annotate(
        dernier_entretien=Subquery(dernier_entretien[:1]),
        alerte_entretien=ExpressionWrapper(
            Exists(ouverts.filter(date_entree__isnull=False))
            & ~Exists(
                Entretien.objects.realises().filter(parcours__participant=OuterRef("pk"), date__gte=limite_entretien)
            )
            # Attending a collective session is a contact too (issue 17).
            & ~Exists(
                Invitation.objects.filter(
                    parcours__participant=OuterRef("pk"),
                    presence=Presence.PRESENT,
                    atelier__debut__gte=limite_entretien,
                    atelier__debut__lte=timezone.now(),
                )
            ),
            output_field=BooleanField(),
        ),
        alerte_fse=Exists(ouverts.incomplets_fse()),
        alerte_pieces=Exists(ouverts.filter(date_entree__isnull=False).filter(manque_pieces())),
        # Through the participant's parcours, so that the database walks the few steps of
        # those parcours instead of every late step of the PLIE (index on status and end).
        alerte_etape=Exists(
            Parcours.objects.filter(participant=OuterRef("pk")).filter(
                Exists(
                    Etape.objects.filter(
                        parcours=OuterRef("pk"),
                        statut__in=STATUTS_ETAPE_OUVERTS,
                        date_fin_prevue__lt=aujourd_hui,
                    )
                )
            )
        ),
        alerte_duree=Exists(ouverts.filter(date_entree__lte=limite_parcours)),
        alerte_suivi=Exists(Parcours.objects.suivi_6_mois_du(aujourd_hui).filter(participant=OuterRef("pk"))),
    )


# The alerts annotated by `avec_alertes`, with what the referent reads (DESIGN §2).
ALERTES = {
    "entretien": _("Sans entretien ni atelier depuis %(jours)s jours"),
    "fse": _("Données FSE+ incomplètes"),
    "pieces": _("Pièces FSE+ manquantes"),
    "etape": _("Étape en retard sur sa fin prévue"),
    "duree": _("Parcours de plus de %(mois)s mois"),
    "suivi": _("Suivi à 6 mois à faire"),
}


def libelles_alertes():
    """The alerts' labels with the thresholds in force."""
    valeurs = {"jours": settings.PLIE_ALERTE_SANS_ENTRETIEN_JOURS, "mois": settings.PLIE_ALERTE_PARCOURS_MOIS}
    return {cle: str(libelle) % valeurs for cle, libelle in ALERTES.items()}


class LigneDuPortefeuille(NamedTuple):
    """A participant of the caseload: its id, the date of its last interview, the alerts it raises."""

    pk: int
    dernier_entretien: object
    alertes: frozenset


def alertes_du_portefeuille(participants, ordre, aujourd_hui=None):
    """These participants in `ordre`, each a `LigneDuPortefeuille`, in one query: the counters, the
    filter on an alert and the page of the caseload all read this list."""
    cles = [f"alerte_{cle}" for cle in ALERTES]
    lignes = avec_alertes(participants, aujourd_hui).order_by(*ordre)
    return [
        LigneDuPortefeuille(pk, dernier, frozenset(cle for cle, leve in zip(ALERTES, drapeaux, strict=True) if leve))
        for pk, dernier, *drapeaux in lignes.values_list("pk", "dernier_entretien", *cles)
    ]


def compter_alertes(lignes):
    """How many participants of the caseload raise each alert ({"entretien": 3, …}) and how many
    they are ("total"), from the lines of `alertes_du_portefeuille`."""
    comptes = Counter(cle for ligne in lignes for cle in ligne.alertes)
    return {"total": len(lignes), **{cle: comptes[cle] for cle in ALERTES}}
