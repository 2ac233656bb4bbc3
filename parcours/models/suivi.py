"""The journal (interviews) of a parcours and the yearly objectives."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import (
    StatutEntretien,
    TypeEntretien,
)
from .parcours import Parcours, TransitionInvalide


class EntretienQuerySet(models.QuerySet):
    def realises(self):
        return self.filter(statut=StatutEntretien.REALISE)

    def planifies(self):
        return self.filter(statut=StatutEntretien.PLANIFIE)


class Entretien(models.Model):
    """An interview of the journal; planned ones form the referent's agenda. The note is sensitive."""

    parcours = models.ForeignKey(Parcours, on_delete=models.CASCADE, related_name="entretiens")
    date = models.DateTimeField(_("date et heure"))
    type = models.CharField(_("type"), max_length=12, choices=TypeEntretien.choices, default=TypeEntretien.PRESENTIEL)
    statut = models.CharField(
        _("statut"), max_length=10, choices=StatutEntretien.choices, default=StatutEntretien.REALISE
    )
    note = models.TextField(_("note"), blank=True)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # The previous tool's id of this record when it came from a historical import (`import_historique`):
    # a second import of the same export finds it again instead of adding a copy.
    identifiant_source = models.CharField(_("identifiant dans l'outil précédent"), max_length=100, blank=True)
    # A default rather than auto_now_add: a historical import gives the previous tool's date.
    cree_le = models.DateTimeField(default=timezone.now, editable=False)

    objects = EntretienQuerySet.as_manager()

    class Meta:
        verbose_name = _("entretien")
        verbose_name_plural = _("entretiens")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["parcours", "statut", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["identifiant_source"],
                condition=~Q(identifiant_source=""),
                name="entretien_identifiant_source_unique",
            ),
        ]

    def __str__(self):
        return f"Entretien du {timezone.localtime(self.date):%d/%m/%Y %H:%M}"

    @property
    def est_planifie(self):
        return self.statut == StatutEntretien.PLANIFIE

    def marquer(self, statut):
        """A planned interview is marked realised or missed (a no-show is not a contact)."""
        if self.statut != StatutEntretien.PLANIFIE:
            raise TransitionInvalide(_("Seul un entretien planifié peut être marqué réalisé ou absent."))
        if statut not in (StatutEntretien.REALISE, StatutEntretien.ABSENT):
            raise TransitionInvalide(_("Statut d'entretien inconnu."))
        if self.date > timezone.now():
            raise TransitionInvalide(_("Un entretien à venir ne peut pas encore être marqué réalisé ou absent."))
        self.statut = statut
        self.save(update_fields=["statut"])


class Objectif(models.Model):
    """Yearly objectives of the PLIE, editable by coordination (DESIGN §1)."""

    annee = models.PositiveIntegerField(_("année"), unique=True)
    participants_min = models.PositiveIntegerField(_("personnes accompagnées (minimum)"), default=2300)
    participants_max = models.PositiveIntegerField(_("personnes accompagnées (maximum)"), default=2500)
    taux_sorties_positives = models.DecimalField(
        _("taux de sorties positives visé"), max_digits=4, decimal_places=3, default=0.5
    )

    class Meta:
        verbose_name = _("objectif annuel")
        verbose_name_plural = _("objectifs annuels")
        ordering = ["-annee"]
        constraints = [
            models.CheckConstraint(
                condition=Q(participants_max__gte=F("participants_min")),
                name="objectif_max_superieur_min",
                violation_error_message=_("Le maximum doit être supérieur ou égal au minimum."),
            )
        ]

    def __str__(self):
        return f"Objectifs {self.annee}"

    @classmethod
    def pour(cls, annee):
        """The objectives of a year, created with the defaults when absent."""
        objectif, _created = cls.objects.get_or_create(annee=annee)
        return objectif
