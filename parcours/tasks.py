"""Celery tasks of the parcours: the CSV import of participants, checked then written by a worker."""

import logging

from celery import shared_task
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from .importation import Erreur, RapportImport, importer
from .models import GenreImportation, Importation, StatutImportation

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def importer_fichier(importation_id):
    """Check (or write) the file of an `Importation`. Safe to run twice: only a waiting one is claimed."""
    if not Importation.objects.filter(pk=importation_id, statut=StatutImportation.EN_ATTENTE).update(
        statut=StatutImportation.EN_COURS
    ):
        return None
    importation = Importation.objects.select_related("par").get(pk=importation_id)
    try:
        with default_storage.open(importation.chemin, "rb") as fichier:
            contenu = fichier.read()
        if importation.genre == GenreImportation.HISTORIQUE:
            rapport = _reprendre(importation, contenu)
        else:
            rapport = _importer(importation, contenu)
    except FileNotFoundError:
        rapport = RapportImport(
            erreurs=[Erreur(None, "", _("le fichier n'est plus disponible : déposez-le à nouveau."))]
        )
    except Exception:
        logger.exception("Échec de l'import %s", importation_id)
        Importation.objects.filter(pk=importation_id).update(
            statut=StatutImportation.ECHEC,
            erreur=_("Une erreur inattendue a interrompu l'import : rien n'a été écrit. Réessayez plus tard."),
            fin_le=timezone.now(),
        )
        return StatutImportation.ECHEC
    if rapport.ecrit:
        # Written: the file (personal data) is no longer needed.
        default_storage.delete(importation.chemin)
    Importation.objects.filter(pk=importation_id).update(
        statut=StatutImportation.TERMINE, resultat=rapport.vers_json(), fin_le=timezone.now()
    )
    return StatutImportation.TERMINE


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
        Importation.objects.filter(pk=importation.pk).update(phase=phase)

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
