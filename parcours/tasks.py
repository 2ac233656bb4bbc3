"""Celery tasks of the parcours: the CSV import of participants and the historical import, checked
then written by a worker that beats while it works and is taken over if it dies."""

import logging

from celery import shared_task
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from plie_portal.courriels import REPRISE, envoyer
from plie_portal.travaux import DELAI_ATTENTE, REESSAIS, TRANSITOIRES, Battement, abandonne

from .importation import Erreur, RapportImport, importer
from .models import GenreImportation, Importation, StatutImportation

logger = logging.getLogger(__name__)


def reserver(importation_id):
    """Atomically move a waiting (or abandoned) import to `en_cours`; False when another worker
    has it or it is done, so that a redelivered task does no double work."""
    maintenant = timezone.now()
    en_cours = {"statut": StatutImportation.EN_COURS, "debut_le": maintenant, "battement_le": maintenant, "phase": ""}
    if Importation.objects.filter(Q(pk=importation_id) & abandonne(maintenant)).update(
        **en_cours, reprises=F("reprises") + 1
    ):
        logger.warning("Import %s repris après l'arrêt de son traitement", importation_id)
        return True
    return bool(Importation.objects.filter(pk=importation_id, statut=StatutImportation.EN_ATTENTE).update(**en_cours))


@shared_task(bind=True, acks_late=True, **REESSAIS)
def importer_fichier(self, importation_id):
    """Check (or write) the file of an `Importation`. Safe to run twice: only a waiting (or
    abandoned) one is claimed; a service momentarily down makes it retry."""
    if not reserver(importation_id):
        return None
    Importation.objects.filter(pk=importation_id).update(tentatives=F("tentatives") + 1)
    importation = Importation.objects.select_related("par").get(pk=importation_id)
    try:
        with Battement(Importation.objects.filter(pk=importation_id), actif=not self.request.is_eager):
            rapport = _executer(importation)
    except TRANSITOIRES:
        if self.request.retries >= self.max_retries:
            _echouer(
                importation_id,
                _("Le service est momentanément indisponible : rien n'a été écrit. Réessayez plus tard."),
            )
            return StatutImportation.ECHEC
        # The next attempt must be able to claim it again.
        Importation.objects.filter(pk=importation_id, statut=StatutImportation.EN_COURS).update(
            statut=StatutImportation.EN_ATTENTE, phase=""
        )
        raise
    except Exception:
        logger.exception("Échec de l'import %s", importation_id)
        _echouer(
            importation_id, _("Une erreur inattendue a interrompu l'import : rien n'a été écrit. Réessayez plus tard.")
        )
        return StatutImportation.ECHEC
    if rapport.ecrit:
        # Written: the file (personal data) is no longer needed.
        default_storage.delete(importation.chemin)
    Importation.objects.filter(pk=importation_id).update(
        statut=StatutImportation.TERMINE, resultat=rapport.vers_json(), fin_le=timezone.now()
    )
    return StatutImportation.TERMINE


def _echouer(importation_id, message):
    Importation.objects.filter(pk=importation_id).update(
        statut=StatutImportation.ECHEC, erreur=message, fin_le=timezone.now()
    )


def _executer(importation):
    try:
        with default_storage.open(importation.chemin, "rb") as fichier:
            contenu = fichier.read()
    except FileNotFoundError:
        return RapportImport(erreurs=[Erreur(None, "", _("le fichier n'est plus disponible : déposez-le à nouveau."))])
    if importation.genre == GenreImportation.HISTORIQUE:
        return _reprendre(importation, contenu)
    return _importer(importation, contenu)


@shared_task
def relancer_imports_bloques():
    """Enqueue again the imports whose message was lost (waiting too long) or whose worker died
    (silent too long): `importer_fichier` claims them again (beat, every minute)."""
    maintenant = timezone.now()
    bloques = list(
        Importation.objects.filter(
            Q(statut=StatutImportation.EN_ATTENTE, cree_le__lt=maintenant - DELAI_ATTENTE) | abandonne(maintenant)
        ).values_list("pk", flat=True)
    )
    for pk in bloques:
        importer_fichier.delay(pk)
    return len(bloques)


def _importer(importation, contenu):
    try:
        return importer(contenu, par=importation.par, ecrire=importation.ecrire, nom_fichier=importation.nom_fichier)
    except IntegrityError:
        return RapportImport(
            erreurs=[Erreur(None, "", _("un parcours a été ouvert entre-temps ; vérifiez le fichier à nouveau."))]
        )


def _reprendre(importation, contenu):
    """The historical import of a ZIP (parcours.reprise), checked or written."""
    from .reprise import Erreur as ErreurReprise
    from .reprise import RapportReprise, reprendre
    from .reprise.archive import ArchiveInvalide, lire_archive

    def progression(phase):
        # Outside the writing transaction: the page polling the progress sees it at once.
        Importation.objects.filter(pk=importation.pk).update(phase=phase, battement_le=timezone.now())

    progression("lecture")
    try:
        fichiers = lire_archive(contenu)
    except ArchiveInvalide as exc:
        return RapportReprise(erreurs=[ErreurReprise(importation.nom_fichier, None, "", str(exc))])
    try:
        return reprendre(fichiers, par=importation.par, ecrire=importation.ecrire, progression=progression)
    except IntegrityError:
        return RapportReprise(
            erreurs=[
                ErreurReprise(
                    importation.nom_fichier, None, "", _("un parcours a été ouvert entre-temps ; vérifiez à nouveau.")
                )
            ]
        )


@shared_task(**REPRISE)
def envoyer_rendez_vous(entretien_id):
    """E-mail a participant their planned interview with an `.ics` invitation; nothing when it was
    since realised, cancelled or the address removed. Idempotent by id (the same event UID)."""
    from .agenda import invitation_rendez_vous
    from .models import Entretien

    entretien = (
        Entretien.objects.planifies()
        .select_related("parcours__participant", "parcours__referent", "auteur")
        .filter(pk=entretien_id)
        .first()
    )
    if entretien is None or not entretien.parcours.participant.email:
        return 0
    sujet, corps, ics = invitation_rendez_vous(entretien)
    return envoyer(sujet, corps, [entretien.parcours.participant.email], [("rendez-vous.ics", ics, "text/calendar")])
