"""Instruction of a dossier: correction requests, scores, conflicts of interest, annotations, hearing."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plie_portal.agenda import Evenement, calendrier

from .appels import TransitionInvalide


class DemandeCorrection(models.Model):
    """A correction request: a flag naming sections; pending until the applicant answers."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="corrections")
    sections = models.JSONField(_("sections à corriger"), default=list)
    message = models.TextField(_("message"))
    demandee_par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    demandee_le = models.DateTimeField(default=timezone.now)
    reponse = models.TextField(_("réponse"), blank=True)
    repondue_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    repondue_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("demande de correction")
        verbose_name_plural = _("demandes de correction")
        ordering = ["-demandee_le", "-id"]

    def __str__(self):
        return f"Correction – {self.dossier}"

    @property
    def en_attente(self):
        return self.repondue_le is None

    def titres_sections(self):
        from .cerfa import SECTIONS_PAR_CODE

        return [str(SECTIONS_PAR_CODE[c].titre) for c in self.sections if c in SECTIONS_PAR_CODE]


class Evaluation(models.Model):
    """One instructor's scoring of one dossier; blind to others' until submitted."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="evaluations")
    instructeur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="evaluations_aap")
    commentaire = models.TextField(_("commentaire"), blank=True)
    total = models.DecimalField(_("note sur 100"), max_digits=5, decimal_places=2, null=True, blank=True)
    soumise = models.BooleanField(_("soumise"), default=False)
    soumise_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "instructeur"], name="aap_une_evaluation_par_instructeur")
        ]

    def __str__(self):
        return f"{self.instructeur} – {self.dossier}"

    def calculer_total(self):
        """Weighted mean of the 0–5 marks, on 100."""
        notes = list(self.notes.select_related("critere"))
        poids = sum(n.critere.poids for n in notes)
        if not poids:
            return None
        brut = Decimal(sum(n.note * n.critere.poids for n in notes)) * 100 / (5 * poids)
        return brut.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @transaction.atomic
    def soumettre(self):
        criteres = set(self.dossier.appel.criteres.values_list("pk", flat=True))
        notes = set(self.notes.values_list("critere_id", flat=True))
        if not criteres or criteres - notes:
            raise TransitionInvalide(_("Notez chaque critère de la grille avant de soumettre."))
        self.total = self.calculer_total()
        self.soumise = True
        self.soumise_le = timezone.now()
        self.save()


class NoteCritere(models.Model):
    """A 0–5 mark on one criterion."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="notes")
    critere = models.ForeignKey("aap_invisibles.CritereNotation", on_delete=models.CASCADE, related_name="+")
    note = models.PositiveSmallIntegerField(_("note"), validators=[MaxValueValidator(5)])

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["critere__ordre", "id"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "critere"], name="aap_une_note_par_critere"),
            models.CheckConstraint(condition=models.Q(note__lte=5), name="aap_note_0_5"),
        ]

    def __str__(self):
        return f"{self.critere} : {self.note}/5"


class ConflitInteret(models.Model):
    """An instructor declares a conflict of interest instead of scoring the dossier."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="conflits")
    instructeur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    motif = models.TextField(_("nature du conflit d'intérêts"))
    declare_le = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conflit d'intérêts")
        verbose_name_plural = _("conflits d'intérêts")
        ordering = ["declare_le", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "instructeur"], name="aap_un_conflit_par_instructeur")
        ]

    def __str__(self):
        return f"{self.instructeur} – {self.dossier}"


class Annotation(models.Model):
    """A private note of the instruction team, never shown to the applicant."""

    dossier = models.ForeignKey("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="annotations")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.RESTRICT, related_name="+")
    texte = models.TextField(_("annotation privée"))
    cree_le = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("annotation privée")
        verbose_name_plural = _("annotations privées")
        ordering = ["-cree_le", "-id"]

    def __str__(self):
        return self.texte[:60]


class CreneauAudition(models.Model):
    """The hearing slot of a dossier before the reading and validation committee."""

    dossier = models.OneToOneField("aap_invisibles.Dossier", on_delete=models.CASCADE, related_name="audition")
    date = models.DateField(_("date"))
    heure = models.TimeField(_("heure"))
    lieu = models.CharField(_("lieu"), max_length=255)

    class Meta:
        verbose_name = _("créneau d'audition")
        verbose_name_plural = _("créneaux d'audition")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.heure:%H:%M} – {self.lieu}"

    def debut(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, self.heure))

    # A hearing lasts this long in the calendars (the committee's agenda gives no end time).
    DUREE = datetime.timedelta(minutes=45)

    def evenement(self):
        """The hearing as a calendar event: the call and the organisation, a time, a place."""
        return Evenement(
            uid=f"aap-audition-{self.dossier_id}",
            titre=f"Audition – {self.dossier.porteur} – {self.dossier.appel.titre}",
            debut=self.debut(),
            fin=self.debut() + self.DUREE,
            lieu=self.lieu,
        )

    def ics(self):
        """An iCalendar invitation (RFC 5545) for the applicant's calendar."""
        return calendrier([self.evenement()], methode="REQUEST")
