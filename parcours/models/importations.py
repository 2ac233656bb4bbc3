"""A CSV import of participants run by a worker (issue 14: nothing long inside a request): the file
kept in private storage, a check or a write, its progress and what it found."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatutImportation(models.TextChoices):
    EN_ATTENTE = "en_attente", _("En attente")
    EN_COURS = "en_cours", _("En cours")
    TERMINE = "termine", _("Terminé")
    ECHEC = "echec", _("Échec")


class GenreImportation(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants (fichier CSV)")
    HISTORIQUE = "historique", _("Reprise de l'historique (dossier ZIP)")


# The phases of a historical import, in order, as the progress bar names them.
PHASES = {
    "lecture": (1, _("Lecture de l'archive")),
    "verification": (2, _("Vérification de toutes les lignes")),
    # A check counts what the write would do by writing in a transaction it then rolls back.
    "simulation": (3, _("Décompte de ce qui sera écrit (rien n'est gardé)")),
    "ecriture": (3, _("Écriture, en une seule transaction")),
}
NOMBRE_DE_PHASES = 3


class Importation(models.Model):
    """One pass over an uploaded file: a check (`ecrire` false, the preview) or the write; a CSV of
    participants (parcours.importation) or the ZIP of a historical import (parcours.reprise)."""

    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    genre = models.CharField(
        _("genre"), max_length=12, choices=GenreImportation.choices, default=GenreImportation.PARTICIPANTS
    )
    nom_fichier = models.CharField(_("fichier"), max_length=255)
    chemin = models.CharField(_("chemin du fichier (stockage privé)"), max_length=255)
    ecrire = models.BooleanField(_("écrire"), default=False)
    statut = models.CharField(
        _("statut"), max_length=12, choices=StatutImportation.choices, default=StatutImportation.EN_ATTENTE
    )
    # Where the worker is in a historical import (PHASES), shown as a progress bar.
    phase = models.CharField(_("phase"), max_length=20, blank=True)
    resultat = models.JSONField(_("résultat"), default=dict)
    erreur = models.TextField(_("erreur"), blank=True)
    cree_le = models.DateTimeField(_("demandé le"), auto_now_add=True)
    fin_le = models.DateTimeField(_("terminé le"), null=True, blank=True)
    # Claimed by one worker at a time, which beats while it works (plie_portal.travaux): an import
    # whose worker died is taken over and run again (its transaction left nothing written).
    debut_le = models.DateTimeField(_("commencé le"), null=True, blank=True)
    battement_le = models.DateTimeField(_("dernier signe du traitement"), null=True, blank=True)
    tentatives = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    reprises = models.PositiveSmallIntegerField(_("reprises après un arrêt"), default=0)

    class Meta:
        verbose_name = _("import de participants")
        verbose_name_plural = _("imports de participants")
        ordering = ["-cree_le", "-id"]

    def __str__(self):
        return f"{self.nom_fichier} ({self.get_statut_display()})"

    @property
    def en_cours(self):
        return self.statut in (StatutImportation.EN_ATTENTE, StatutImportation.EN_COURS)

    @property
    def avancement(self):
        """(phase number from 1, number of phases, its label), or None before the first phase."""
        if self.phase not in PHASES:
            return None
        numero, libelle = PHASES[self.phase]
        return numero, NOMBRE_DE_PHASES, libelle
