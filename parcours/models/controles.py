"""The contrôle de service fait (issue 17): a reproducible random sample of an operation's
participations for a period, and a checklist per sampled participation with a conclusion."""

import math
import random

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Conclusion(models.TextChoices):
    A_FAIRE = "", _("À contrôler")
    CONFORME = "conforme", _("Conforme")
    A_COMPLETER = "a_completer", _("À compléter")
    NON_CONFORME = "non_conforme", _("Non conforme")


class ControleServiceFait(models.Model):
    """One draw: the operation, the period, the size asked (a number or a percentage) and the seed,
    recorded so that the same sample can be drawn and shown again."""

    operation = models.ForeignKey("parcours.Operation", on_delete=models.CASCADE, related_name="controles")
    debut = models.DateField(_("du"))
    fin = models.DateField(_("au"))
    taille = models.PositiveIntegerField(_("nombre de participations"), null=True, blank=True)
    pourcentage = models.PositiveSmallIntegerField(_("pourcentage des participations"), null=True, blank=True)
    graine = models.PositiveIntegerField(_("graine du tirage"))
    cree_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    cree_le = models.DateTimeField(_("tiré le"), auto_now_add=True)

    class Meta:
        verbose_name = _("contrôle de service fait")
        verbose_name_plural = _("contrôles de service fait")
        ordering = ["-cree_le", "-id"]

    def __str__(self):
        return f"CSF {self.operation.code} du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"

    def population(self):
        """The participations the sample is drawn from (those of the bilan of the period)."""
        return self.operation.participations_entre(self.debut, self.fin)

    def tirer(self):
        """The sampled participation ids: the same for the same population, size and seed."""
        ids = sorted(self.population().values_list("pk", flat=True))
        nombre = self.taille if self.taille else math.ceil(len(ids) * (self.pourcentage or 0) / 100)
        return sorted(random.Random(self.graine).sample(ids, min(nombre, len(ids))))


class LigneControle(models.Model):
    """A sampled participation and what the controller found."""

    controle = models.ForeignKey(ControleServiceFait, on_delete=models.CASCADE, related_name="lignes")
    parcours = models.ForeignKey("parcours.Parcours", on_delete=models.CASCADE, related_name="+")
    eligibilite_prouvee = models.BooleanField(_("éligibilité prouvée"), default=False)
    questionnaire_signe = models.BooleanField(_("questionnaire signé"), default=False)
    participation_prouvee = models.BooleanField(_("participation prouvée (entretiens ou présences)"), default=False)
    sortie_prouvee = models.BooleanField(_("sortie prouvée"), default=False)
    conclusion = models.CharField(_("conclusion"), max_length=15, choices=Conclusion.choices, blank=True)
    commentaire = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("participation contrôlée")
        verbose_name_plural = _("participations contrôlées")
        ordering = ["parcours__participant__nom", "parcours__participant__prenom", "id"]
        constraints = [models.UniqueConstraint(fields=["controle", "parcours"], name="ligne_controle_unique")]

    def __str__(self):
        return f"{self.controle} – {self.parcours_id}"

    CASES = ("eligibilite_prouvee", "questionnaire_signe", "participation_prouvee", "sortie_prouvee")

    @property
    def cases(self):
        """(field, its label, ticked) of the checklist, in the table's order."""
        return [(champ, self._meta.get_field(champ).verbose_name, getattr(self, champ)) for champ in self.CASES]
