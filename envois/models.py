"""The outbox (issue 14): what a committed action must hand to the workers (a report to produce, an
e-mail to send) is written in the same transaction, and leaves the table once the broker took it.
With Redis down the action still succeeds; its messages wait here until the broker is back."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EnvoiDiffere(models.Model):
    """One Celery task to publish: its name and JSON arguments, and why it could not leave yet."""

    tache = models.CharField(_("tâche"), max_length=200)
    arguments = models.JSONField(_("arguments"), default=dict)
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    tentatives = models.PositiveIntegerField(_("tentatives de publication"), default=0)
    essaye_le = models.DateTimeField(_("dernier essai"), null=True, blank=True)
    derniere_erreur = models.CharField(_("dernière erreur"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("envoi en attente du courtier")
        verbose_name_plural = _("envois en attente du courtier")
        ordering = ["cree_le", "id"]

    def __str__(self):
        return f"{self.tache} ({self.cree_le:%d/%m/%Y %H:%M})"
