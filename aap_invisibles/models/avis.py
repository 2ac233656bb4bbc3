"""Outside opinions on a dossier (issue 19): an instructor or coordination asks a person — a member
of a commune's Équipe Pluridisciplinaire de Suivi, a Mission Locale adviser — a question with a due
date; that person, an `expert` account, sees that dossier only and answers."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.workflow import TransitionInvalide

from .choices import STATUTS_AVANT_DECISION, AvisExpert


def chemin_avis(instance, filename):
    return f"aap/dossiers/{instance.dossier_id}/avis/{filename}"


# The daily scan reminds the expert this many days before the due date, then once after it.
RAPPEL_AVANT_JOURS = 2


class DemandeAvisQuerySet(models.QuerySet):
    def en_attente(self):
        """Unanswered requests that can still be answered: dossier not decided, expert active."""
        return self.filter(repondu_le__isnull=True, dossier__statut__in=STATUTS_AVANT_DECISION, expert__is_active=True)

    def a_rappeler_avant(self, aujourd_hui):
        """Unanswered requests due within RAPPEL_AVANT_JOURS days, not yet reminded before."""
        limite = aujourd_hui + datetime.timedelta(days=RAPPEL_AVANT_JOURS)
        return self.en_attente().filter(echeance__gte=aujourd_hui, echeance__lte=limite, rappel_avant_le__isnull=True)

    def a_rappeler_apres(self, aujourd_hui):
        """Unanswered requests past their due date, not yet reminded after it."""
        return self.en_attente().filter(echeance__lt=aujourd_hui, rappel_apres_le__isnull=True)


class DemandeAvis(models.Model):
    """A question put to an expert about one dossier, and their answer."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="demandes_avis")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("expert·e"), on_delete=models.PROTECT, related_name="demandes_avis"
    )
    question = models.TextField(_("question posée"))
    echeance = models.DateField(_("avis attendu pour le"))
    demandee_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    demandee_le = models.DateTimeField(_("demandé le"), default=timezone.now)
    avis = models.CharField(_("avis"), max_length=12, choices=AvisExpert.choices, blank=True)
    texte = models.TextField(_("avis motivé"), blank=True)
    piece_jointe = models.FileField(_("pièce jointe"), upload_to=chemin_avis, blank=True)
    repondu_le = models.DateTimeField(_("répondu le"), null=True, blank=True)
    rappel_avant_le = models.DateField(null=True, blank=True, editable=False)
    rappel_apres_le = models.DateField(null=True, blank=True, editable=False)

    objects = DemandeAvisQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d'avis")
        verbose_name_plural = _("demandes d'avis")
        ordering = ["echeance", "id"]
        constraints = [models.UniqueConstraint(fields=["dossier", "expert"], name="aap_un_avis_par_expert_et_dossier")]

    def __str__(self):
        return f"Avis de {self.expert} – {self.dossier}"

    @property
    def en_retard(self):
        return self.repondu_le is None and self.echeance < timezone.localdate()

    @property
    def modifiable(self):
        """The expert may answer, or change their answer, until the committee decides."""
        return self.dossier.statut in STATUTS_AVANT_DECISION

    @transaction.atomic
    def repondre(self, avis, texte, piece_jointe=None):
        """Record the expert's opinion; the instructors who asked are told."""
        from .. import notifications

        if not self.modifiable:
            raise TransitionInvalide(_("Le dossier est décidé : l'avis ne peut plus être donné ni modifié."))
        if avis not in AvisExpert.values:
            raise TransitionInvalide(_("Choisissez un avis : favorable, réservé ou défavorable."))
        self.avis, self.texte = avis, texte
        if piece_jointe:
            self.piece_jointe = piece_jointe
        premiere = self.repondu_le is None
        self.repondu_le = timezone.now()
        self.save()
        notifications.avis_recu(self, premiere)
