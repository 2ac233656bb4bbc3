"""The RGPD app works on the records of the other apps (participants, parcours, AAP, reports) and on
the access log of `accounts`; its only model remembers the warnings sent before deleting a draft."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AvertissementBrouillon(models.Model):
    """The warning emailed before an untouched applicant's draft is deleted (RGPD, purge_expired).

    Remembers the draft's modification time when warned: a draft edited since is no longer deleted."""

    dossier = models.OneToOneField(
        "aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="avertissement_suppression"
    )
    envoye_le = models.DateTimeField(_("envoyé le"))
    dossier_modifie_le = models.DateTimeField(_("dossier modifié le (au moment de l'avertissement)"))

    class Meta:
        # Moved here from `accounts` (which must not point at a domain app); the table kept its name.
        db_table = "accounts_avertissementbrouillon"
        verbose_name = _("avertissement avant suppression d'un brouillon")
        verbose_name_plural = _("avertissements avant suppression de brouillons")

    def __str__(self):
        return f"{self.dossier_id} – {self.envoye_le:%d/%m/%Y}"
