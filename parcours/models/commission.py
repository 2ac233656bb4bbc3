"""A session of the entry commission and its minutes (DESIGN §2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import DecisionCommission


class SessionCommission(models.Model):
    """A session of the entry commission: who sat, and the minutes of its decisions."""

    date = models.DateField(_("date de la commission"))
    membres_presents = models.TextField(_("membres présents"), help_text=_("Un nom par ligne."))
    compte_rendu = models.TextField(_("compte rendu"), blank=True)
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session de commission d'entrée")
        verbose_name_plural = _("sessions de commission d'entrée")
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"Commission du {self.date:%d/%m/%Y}"

    def generer_compte_rendu(self):
        """Minutes drafted from the session's decisions (the text stays editable)."""
        lignes = [
            f"Commission d'entrée du {self.date:%d/%m/%Y}",
            "",
            "Membres présents :",
            *[f"- {nom.strip()}" for nom in self.membres_presents.splitlines() if nom.strip()],
            "",
            "Décisions :",
        ]
        decisions = self.parcours.select_related("participant", "prescripteur").order_by(
            "participant__nom", "participant__prenom", "id"
        )
        for parcours in decisions:
            ligne = f"- {parcours.participant} : {parcours.get_decision_commission_display()}"
            if parcours.decision_commission == DecisionCommission.VALIDEE and parcours.date_entree:
                ligne += f", entrée le {parcours.date_entree:%d/%m/%Y}"
            if parcours.motif_decision:
                ligne += f" ({parcours.motif_decision})"
            lignes.append(ligne)
        if lignes[-1] == "Décisions :":
            lignes.append("- Aucune décision.")
        return "\n".join(lignes)
