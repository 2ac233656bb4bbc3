"""The log of every change of state of a parcours or a step, and the labels of the states."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import DecisionCommission, StatutEtape

LIBELLES_ETATS = {
    **dict(DecisionCommission.choices),
    **dict(StatutEtape.choices),
    "en_parcours": _("En parcours"),
    "sorti": _("Sorti"),
    "suivi_6_mois": _("Suivi à 6 mois"),
}


class Transition(models.Model):
    """Log of every change of state of a parcours or a step: who, when, from, to, reason."""

    parcours = models.ForeignKey("parcours.Parcours", on_delete=models.CASCADE, related_name="transitions")
    etape = models.ForeignKey("Etape", on_delete=models.CASCADE, null=True, blank=True, related_name="transitions")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    le = models.DateTimeField(default=timezone.now)
    de = models.CharField(_("de"), max_length=30)
    vers = models.CharField(_("vers"), max_length=30)
    motif = models.TextField(_("motif"), blank=True)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["-le", "-id"]

    def __str__(self):
        return f"{self.de} → {self.vers}"

    @staticmethod
    def libelle(code):
        return LIBELLES_ETATS.get(code, code or "—")

    @property
    def de_libelle(self):
        return self.libelle(self.de)

    @property
    def vers_libelle(self):
        return self.libelle(self.vers)
