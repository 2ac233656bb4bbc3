"""Background tasks of the calls app: emails of the thread and the daily final-report reminders."""

import contextvars
import logging

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from plie_portal.courriels import REPRISE, envoyer

logger = logging.getLogger(__name__)

# Set by seed_demo: messages are written to the thread but not emailed.
SANS_COURRIEL = contextvars.ContextVar("aap_sans_courriel", default=False)

# Reminders start this many days before the report is due, then repeat at this interval.
RELANCE_AVANT_JOURS = 30
RELANCE_INTERVALLE_JOURS = 15


def destinataires(message):
    """The applicant's active users, or the call's instructors for a message written by the applicant."""
    from accounts.models import User

    dossier = message.dossier
    if message.du_porteur:
        return list(dossier.appel.instructeurs.filter(is_active=True).values_list("email", flat=True))
    return list(User.objects.filter(structure_id=dossier.porteur_id, is_active=True).values_list("email", flat=True))


@shared_task(**REPRISE)
def envoyer_message(message_id):
    """Email a message of a dossier thread (with the hearing .ics when there is one). Idempotent by id."""
    from .models import Message

    message = (
        Message.objects.select_related("dossier__appel", "dossier__porteur", "auteur").filter(pk=message_id).first()
    )
    if message is None:
        return 0
    emails = destinataires(message)
    if not emails:
        return 0
    corps = f"{message.texte}\n\n— Portail PLIE, appel « {message.dossier.appel.titre} »"
    audition = getattr(message.dossier, "audition", None)
    pieces = [("audition.ics", audition.ics(), "text/calendar")] if message.avec_ics and audition is not None else []
    return envoyer(message.objet, corps, emails, pieces)


@shared_task
def relancer_bilans():
    """Daily scan: remind funded organisations whose final report is due soon or overdue."""
    from .models import Dossier, Message, StatutDossier

    today = timezone.localdate()
    envoyes = 0
    dossiers = Dossier.objects.filter(
        statut=StatutDossier.RETENU, bilan__depose_le__isnull=True, date_fin__isnull=False
    )
    for dossier in dossiers.select_related("appel"):
        echeance = dossier.echeance_bilan()
        if (echeance - today).days > RELANCE_AVANT_JOURS:
            continue
        derniere = dossier.derniere_relance_bilan
        if derniere and (today - derniere).days < RELANCE_INTERVALLE_JOURS:
            continue
        with transaction.atomic():
            if echeance < today:
                texte = f"Votre bilan final était attendu le {echeance:%d/%m/%Y}. Merci de le déposer sur le portail."
            else:
                texte = f"Votre bilan final est attendu au plus tard le {echeance:%d/%m/%Y}."
            Message.ecrire_automatique(dossier, "Rappel : bilan final de l'action", texte)
            Dossier.objects.filter(pk=dossier.pk).update(derniere_relance_bilan=today)
        envoyes += 1
    logger.info("Relances de bilan AAP envoyées : %s", envoyes)
    return envoyes


@shared_task
def relancer_avis():
    """Daily scan: remind each expert once shortly before the due date and once after it."""
    from . import notifications
    from .models import DemandeAvis

    aujourd_hui = timezone.localdate()
    envoyes = 0
    for champ, demandes, apres in (
        ("rappel_avant_le", DemandeAvis.objects.a_rappeler_avant(aujourd_hui), False),
        ("rappel_apres_le", DemandeAvis.objects.a_rappeler_apres(aujourd_hui), True),
    ):
        for demande in demandes.select_related("dossier__appel", "dossier__porteur", "expert"):
            # Marked in the same transaction as the notice: a scan run twice sends nothing twice.
            with transaction.atomic():
                if DemandeAvis.objects.filter(pk=demande.pk, **{f"{champ}__isnull": True}).update(
                    **{champ: aujourd_hui}
                ):
                    notifications.rappel_avis(demande, apres)
                    envoyes += 1
    return envoyes
