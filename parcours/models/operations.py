"""FSE+ operations (issue 17): what the European Social Fund actually funds, each carried by a
partner structure over a period; every participation belongs to one of them."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_update_with_history

# Above this share of participations with incomplete FSE+ data, the operation risks a financial
# correction at the managing authority's check (issue 17): shown in red.
SEUIL_QUALITE = Decimal("0.35")
MOTIF_PAR_DEFAUT = "Opération par défaut de la structure du ou de la référent·e"


def _modele_parcours():
    """Parcours, reached through its link to the operation: models/parcours.py imports this
    module for the default rule, so this one does not import it back."""
    return Operation._meta.get_field("parcours").related_model


class StatutOperation(models.TextChoices):
    PROGRAMMEE = "programmee", _("Programmée")
    EN_COURS = "en_cours", _("En cours")
    CLOTUREE = "cloturee", _("Clôturée")


class OperationQuerySet(models.QuerySet):
    def avec_qualite(self):
        """Each operation with its entered participations and those to complete (incomplete FSE+
        data or a missing proof: `ParcoursQuerySet.a_completer`), in the same query."""
        Parcours = _modele_parcours()

        def compte(parcours):
            lignes = parcours.filter(operation=OuterRef("pk"), date_entree__isnull=False).order_by()
            return Coalesce(Subquery(lignes.values("operation").annotate(n=Count("*")).values("n")[:1]), 0)

        # Both counts read the index (operation, a_completer) of entered participations alone.
        return self.annotate(
            nb_participations=compte(Parcours.objects.all()), nb_incompletes=compte(Parcours.objects.a_completer())
        )

    def couvrant(self, structure_id, jour):
        """The operations of the structure whose period holds `jour`, the latest started first."""
        return self.filter(structure_id=structure_id, date_debut__lte=jour, date_fin__gte=jour).order_by(
            "-date_debut", "code"
        )

    def rattacher(self, parcours):
        """Give each participation of `parcours` (objects, not saved) without an operation the
        default one: the operation of its referent's structure running on its entry date (its
        orientation date before the entry). Reads every operation once; returns those changed."""
        from accounts.models import User

        sans = [p for p in parcours if p.operation_id is None and p.referent_id]
        if not sans:
            return []
        structures = dict(
            User.objects.filter(pk__in={p.referent_id for p in sans}).order_by().values_list("pk", "structure_id")
        )
        operations = list(self.exclude(structure=None).order_by("-date_debut", "code"))
        changes = []
        for p in sans:
            jour = p.date_entree or p.date_orientation
            structure = structures.get(p.referent_id)
            for operation in operations:
                if operation.structure_id == structure and operation.date_debut <= jour <= operation.date_fin:
                    p.operation = operation
                    changes.append(p)
                    break
        return changes


class Operation(models.Model):
    """An FSE+ operation: the managing authority's code, a carrying structure, a period, its costs
    and planned participants; the unit of the indicators, the data quality and the bilan."""

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Le numéro de l'opération dans l'outil de l'autorité de gestion."),
    )
    intitule = models.CharField(_("intitulé"), max_length=200)
    structure = models.ForeignKey(
        "partners.Structure", verbose_name=_("structure porteuse"), on_delete=models.PROTECT, related_name="operations"
    )
    date_debut = models.DateField(_("début"))
    date_fin = models.DateField(_("fin"))
    cout_total = models.DecimalField(_("coût total prévu (€)"), max_digits=12, decimal_places=2)
    montant_fse = models.DecimalField(_("montant FSE+ (€)"), max_digits=12, decimal_places=2)
    participants_prevus = models.PositiveIntegerField(_("participants prévus"))
    statut = models.CharField(
        _("statut"), max_length=12, choices=StatutOperation.choices, default=StatutOperation.PROGRAMMEE
    )
    cree_le = models.DateTimeField(_("créée le"), auto_now_add=True)

    history = HistoricalRecords()
    objects = OperationQuerySet.as_manager()

    class Meta:
        verbose_name = _("opération FSE+")
        verbose_name_plural = _("opérations FSE+")
        ordering = ["-date_debut", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__gte=models.F("date_debut")),
                name="operation_fin_apres_debut",
                violation_error_message=_("La fin de l'opération ne peut pas précéder son début."),
            ),
            models.CheckConstraint(
                condition=Q(montant_fse__lte=models.F("cout_total")),
                name="operation_fse_dans_le_cout",
                violation_error_message=_("Le montant FSE+ ne peut pas dépasser le coût total."),
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.intitule}"

    @transaction.atomic
    def save(self, *args, **kwargs):
        nouvelle = self._state.adding
        super().save(*args, **kwargs)
        if nouvelle:
            self.rattacher_les_participations_sans_operation()

    @property
    def taux_fse(self):
        """The FSE+ co-funding rate (amount / total cost), to the hundredth of a per cent."""
        if not self.cout_total:
            return None
        return (self.montant_fse / self.cout_total).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)

    @property
    def part_incomplete(self):
        """Share of its participations with incomplete FSE+ data (needs `avec_qualite`)."""
        if not self.nb_participations:
            return Decimal(0)
        return Decimal(self.nb_incompletes) / Decimal(self.nb_participations)

    @property
    def pourcent_incomplet(self):
        return (self.part_incomplete * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def alerte_qualite(self):
        """Above the threshold (not at it): the risk of a financial correction."""
        return self.part_incomplete > SEUIL_QUALITE

    def clean(self):
        if self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            raise ValidationError({"date_fin": _("La fin de l'opération ne peut pas précéder son début.")})
        if self.montant_fse is not None and self.cout_total is not None and self.montant_fse > self.cout_total:
            raise ValidationError({"montant_fse": _("Le montant FSE+ ne peut pas dépasser le coût total.")})

    def participations_entre(self, debut, fin):
        """Its participations active in [debut, fin]: entered by its end, not left before its
        start (the bilan d'exécution's and the contrôle de service fait's population)."""
        return (
            self.parcours.filter(date_entree__isnull=False, date_entree__lte=fin)
            .filter(Q(date_sortie__isnull=True) | Q(date_sortie__gte=debut))
            .order_by("date_entree", "pk")
        )

    def rattacher_les_participations_sans_operation(self, par=None):
        """The participations without an operation that this one covers (its structure's referents,
        entered in its period) join it, with history; returns how many."""
        Parcours = _modele_parcours()
        candidats = list(
            Parcours.objects.filter(operation=None, referent__structure_id=self.structure_id)
            .filter(
                Q(date_entree__range=(self.date_debut, self.date_fin))
                | Q(date_entree=None, date_orientation__range=(self.date_debut, self.date_fin))
            )
            .order_by("pk")
        )
        changes = Operation.objects.filter(structure_id=self.structure_id).rattacher(candidats)
        if changes:
            bulk_update_with_history(
                changes,
                Parcours,
                ["operation"],
                batch_size=1000,
                default_user=par,
                default_change_reason=MOTIF_PAR_DEFAUT,
            )
        return len(changes)
