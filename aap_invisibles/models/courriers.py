"""The letters as coordination edits them (aap_invisibles/courriers.py), with their history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ModeleCourrier(models.Model):
    """The current text of one kind of letter; every saved version is kept (`history`)."""

    nature = models.CharField(_("courrier"), max_length=30, unique=True)
    texte = models.TextField(_("texte"))
    modifie_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("modèle de courrier")
        verbose_name_plural = _("modèles de courrier")
        ordering = ["nature"]

    def __str__(self):
        from ..courriers import NATURES

        return str(NATURES[self.nature].libelle) if self.nature in NATURES else self.nature
