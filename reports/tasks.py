"""Celery tasks of the reports: generation (one task for every kind), expiry, monthly report."""

import logging
from datetime import date, timedelta

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from plie_portal.travaux import REESSAIS

from . import services
from .models import Rapport, StatutRapport

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, **REESSAIS)
def generer_rapport(self, rapport_id):
    """Produce the file of a Rapport. Safe to run twice: only a waiting report is claimed."""
    try:
        # The beat thread only in a real worker: eager, the report runs inside the request.
        return services.executer(rapport_id, battement=not self.request.is_eager)
    except services.TRANSITOIRES:
        if self.request.retries >= self.max_retries:
            services.echouer(
                rapport_id,
                "Le service est momentanément indisponible : le document n'a pas pu être produit "
                "après plusieurs tentatives. Demandez-le à nouveau plus tard.",
            )
            return "echec"
        services.remettre_en_attente(rapport_id)
        raise


@shared_task
def purger_rapports_expires():
    """Delete expired reports and their files (daily, Celery beat)."""
    supprimes = 0
    for rapport in Rapport.objects.expires().only("pk", "fichier").iterator():
        rapport.supprimer_fichier()
        rapport.delete()
        supprimes += 1
    logger.info("%d rapport(s) expiré(s) supprimé(s)", supprimes)
    return supprimes


@shared_task
def relancer_rapports_bloques():
    """Enqueue again the reports whose message was lost (waiting too long) or whose worker died
    (silent too long, `services.abandonne`): `executer` claims them again, so a duplicate enqueue
    does no harm (beat, every minute)."""
    maintenant = timezone.now()
    bloques = list(
        Rapport.objects.filter(
            Q(statut=StatutRapport.EN_ATTENTE, cree_le__lt=maintenant - services.DELAI_ATTENTE)
            | services.abandonne(maintenant)
        ).values_list("pk", flat=True)
    )
    for pk in bloques:
        generer_rapport.delay(pk)
    return len(bloques)


def mois_precedent(aujourd_hui=None):
    """First and last day of the month before `aujourd_hui`."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    fin = aujourd_hui.replace(day=1) - timedelta(days=1)
    return date(fin.year, fin.month, 1), fin


@shared_task
def rapport_mensuel(aujourd_hui=None):
    """Ask for the activity report of the previous month (beat, the 1st of each month).

    Requested by the first active coordination account (administrators otherwise), and flagged
    automatic so that every coordination user sees it. Idempotent per month.
    """
    from accounts.models import Role, User

    from .kinds import get_kind

    aujourd_hui = date.fromisoformat(aujourd_hui) if isinstance(aujourd_hui, str) else aujourd_hui
    debut, fin = mois_precedent(aujourd_hui)
    parametres = {"debut": debut.isoformat(), "fin": fin.isoformat()}
    if Rapport.objects.filter(
        automatique=True, type="activite", parametres__debut=parametres["debut"], parametres__fin=parametres["fin"]
    ).exists():
        return None
    demandeur = (
        User.objects.filter(is_active=True, role=Role.COORDINATION).order_by("pk").first()
        or User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
    )
    if demandeur is None:
        logger.warning("Rapport mensuel non produit : aucun compte de coordination actif.")
        return None
    rapport = services.demander(demandeur, get_kind("activite"), parametres, automatique=True)
    return rapport.pk
