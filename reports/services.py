"""Asking for a report and running its generation (shared by the Celery task and the command)."""

import logging
import tempfile

from django.core.files import File
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from envois.services import mettre_en_file
from plie_portal.travaux import DELAI_ATTENTE, DELAI_REPRISE, TRANSITOIRES, Battement, abandonne

__all__ = ["DELAI_ATTENTE", "DELAI_REPRISE", "TRANSITOIRES", "abandonne", "demander", "executer", "reserver"]

from .kinds import get_kind
from .kinds.base import RapportImpossible
from .models import Rapport, StatutRapport

logger = logging.getLogger(__name__)

# A report whose worker died is taken over (plie_portal.travaux): the periodic
# `relancer_rapports_bloques` (every minute) enqueues it again, the next worker claims it. Within
# about two minutes, whatever Redis does with the dead worker's unacknowledged message
# (redelivered hours later, it finds the report done and does nothing).
MESSAGE_REPRISE = _("Reprise : le traitement précédent s'est arrêté, le document est produit à nouveau.")

MESSAGE_ERREUR_INATTENDUE = _(
    "Une erreur inattendue a empêché la production du document. Réessayez plus tard ; "
    "si le problème persiste, contactez l'équipe de coordination du PLIE."
)


def demander(user, kind, parametres, automatique=False):
    """Create the Rapport and enqueue its generation once the transaction commits."""
    from .tasks import generer_rapport

    rapport = Rapport.objects.create(
        type=kind.code,
        parametres=parametres,
        demandeur=user,
        automatique=automatique,
        libelle=kind.libelle(parametres)[:255],
    )
    # Through the outbox, published on commit: the worker never looks for a row not committed yet,
    # and with the broker down the request is kept until it is back.
    mettre_en_file(generer_rapport, rapport.pk)
    return rapport


def reserver(rapport_id):
    """Atomically move a waiting (or abandoned) report to `en_cours`; False when another worker
    has it or it is already done, so that a redelivered task does no double work. A report taken
    over says so to whoever follows it."""
    maintenant = timezone.now()
    reprise = (
        Rapport.objects.filter(pk=rapport_id)
        .filter(abandonne(maintenant))
        .update(
            statut=StatutRapport.EN_COURS,
            debut_le=maintenant,
            battement_le=maintenant,
            progression=0,
            erreur="",
            message=str(MESSAGE_REPRISE),
            reprises=F("reprises") + 1,
        )
    )
    if reprise:
        logger.warning("Rapport %s repris après l'arrêt de son traitement", rapport_id)
        return True
    return (
        Rapport.objects.filter(pk=rapport_id, statut=StatutRapport.EN_ATTENTE).update(
            statut=StatutRapport.EN_COURS, debut_le=maintenant, battement_le=maintenant, progression=0, erreur=""
        )
        == 1
    )


def progression(rapport_id):
    """A `progress(percent, message)` callback writing straight to the row (no full save)."""

    def progress(pourcentage, message=""):
        Rapport.objects.filter(pk=rapport_id, statut=StatutRapport.EN_COURS).update(
            progression=max(0, min(99, int(pourcentage))), message=str(message)[:255], battement_le=timezone.now()
        )

    return progress


def echouer(rapport_id, message):
    Rapport.objects.filter(pk=rapport_id).update(
        statut=StatutRapport.ECHEC, erreur=str(message), message="", fin_le=timezone.now()
    )


def remettre_en_attente(rapport_id):
    """Before a retry: the next attempt must be able to claim the report again."""
    Rapport.objects.filter(pk=rapport_id, statut=StatutRapport.EN_COURS).update(
        statut=StatutRapport.EN_ATTENTE, message=str(_("Nouvelle tentative prévue"))
    )


def executer(rapport_id, battement=False):
    """Generate the file of a report. Idempotent: a finished or running report is left alone.

    Transient errors (database, network) propagate so that the task retries; any other error
    ends the report in `echec` with a French message.
    """
    if not reserver(rapport_id):
        return Rapport.objects.filter(pk=rapport_id).values_list("statut", flat=True).first()
    Rapport.objects.filter(pk=rapport_id).update(tentatives=F("tentatives") + 1)
    rapport = Rapport.objects.select_related("demandeur__structure").get(pk=rapport_id)
    kind = get_kind(rapport.type)
    if kind is None:
        echouer(rapport_id, _("Ce type de document n'existe plus."))
        return StatutRapport.ECHEC
    progress = progression(rapport_id)
    progress(1, _("Préparation"))
    try:
        with Battement(Rapport.objects.filter(pk=rapport_id), battement), tempfile.TemporaryFile() as sortie:
            kind.generate(rapport, progress, sortie)
            sortie.seek(0)
            nom = kind.nom_fichier(rapport)
            rapport.fichier.save(nom, File(sortie, name=nom), save=False)
    except RapportImpossible as erreur:
        echouer(rapport_id, str(erreur))
        return StatutRapport.ECHEC
    except TRANSITOIRES:
        raise
    except Exception as erreur:
        if isinstance(erreur, Http404):
            echouer(rapport_id, _("Vous n'avez plus accès à l'objet de ce document."))
            return StatutRapport.ECHEC
        logger.exception("Échec de la production du rapport %s", rapport_id)
        echouer(rapport_id, str(MESSAGE_ERREUR_INATTENDUE))
        return StatutRapport.ECHEC
    termine = Rapport.objects.filter(pk=rapport_id, statut=StatutRapport.EN_COURS).update(
        statut=StatutRapport.TERMINE,
        progression=100,
        message="",
        fichier=rapport.fichier.name,
        nom_fichier=nom[:150],
        personnes=rapport.personnes,
        fin_le=timezone.now(),
    )
    if not termine:
        # Someone else finished or failed it meanwhile: our file is an orphan.
        rapport.fichier.storage.delete(rapport.fichier.name)
    return StatutRapport.TERMINE
