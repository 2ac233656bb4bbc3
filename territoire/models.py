"""The territory of the PLIE: the 71 communes of the Métropole, reference data of every domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Commune(models.Model):
    """One of the 71 communes of the Métropole Rouen Normandie."""

    code_insee = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    nom = models.CharField(_("nom"), max_length=100)
    codes_postaux = models.CharField(_("codes postaux"), max_length=60, blank=True)
    population = models.PositiveIntegerField(_("population"), default=0)
    departement = models.CharField(_("département"), max_length=3, default="76")
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    nom_normalise = models.CharField(max_length=100, editable=False, default="", db_index=True)

    class Meta:
        # The model moved here from `participants` (ground floor: structures need it too); its
        # table kept its name so that the move touched no row and no foreign key.
        db_table = "participants_commune"
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        # By the name without accents: "Épinay" among the E, not after "Ymare".
        ordering = ["nom_normalise"]

    def __str__(self):
        return self.nom
