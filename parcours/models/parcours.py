"""Parcours: one participation from orientation to exit (DESIGN §2); the commission sessions and the
transition log have their own modules. Every change of state goes through a named transition that checks its
guard, writes a `Transition` row and refuses an invalid move with a French message."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from plie_portal.colonnes import champs_a_ecrire
from plie_portal.dates import age_on, date_longue, latest_day_months_before, months_after, months_before
from plie_portal.versions import champ_version
from plie_portal.workflow import TransitionInvalide

from ..choices import (
    CHAMPS_FSE_PARCOURS,
    CHAMPS_FSE_PARTICIPANT,
    MOTIFS_SORTIE_POSITIVE,
    STATUTS_ETAPE_OUVERTS,
    DecisionCommission,
    MotifSortie,
    Nationalite,
    NiveauFormation,
    SituationSortie,
    StatutEntretien,
    StatutMarcheTravail,
    TrancheAge,
)
from . import activite
from .commission import SessionCommission
from .courant import recalculer
from .operations import Operation
from .pieces import etat_des_pieces, pieces_manquantes
from .transitions import Transition

# The follow-up "six months after the exit" is due from the same calendar day six months later.
DELAI_SUIVI_MOIS = 6

# The columns `courant.recalculer` keeps (issue 20).
COLONNES_CALCULEES = ("courant", "complet_fse", "a_completer", "tranche_age_entree", "chomage_longue_duree")


def manque_fse(vers_parcours=""):
    """Q of a participation some FSE+ field of which is missing; `vers_parcours` is the path from
    the queried model to the parcours ("" for a Parcours queryset, "parcours__" for operations).
    Reads the `complet_fse` column that `courant.recalculer` keeps from CHAMPS_FSE_*."""
    return Q(**{f"{vers_parcours}complet_fse": False})


COMPLET_FSE = Q(complet_fse=True)


class ParcoursQuerySet(models.QuerySet):
    def ouverts(self):
        """Open = not refused and not exited (DESIGN §2)."""
        return self.filter(date_sortie__isnull=True).exclude(decision_commission=DecisionCommission.REFUSEE)

    def suivi_6_mois_du(self, aujourd_hui=None):
        """Exited at least DELAI_SUIVI_MOIS ago with no six-month follow-up recorded: the SQL form of
        Parcours.echeance_suivi_6_mois, day for day."""
        aujourd_hui = aujourd_hui or timezone.localdate()
        borne = latest_day_months_before(aujourd_hui, DELAI_SUIVI_MOIS)
        return self.filter(date_sortie__lte=borne, date_suivi_6_mois__isnull=True)

    def en_attente_commission(self):
        return self.filter(decision_commission__in=[DecisionCommission.EN_ATTENTE, DecisionCommission.AJOURNEE])

    def complets_fse(self):
        """Participations that count for FSE+ (COMPLET_FSE)."""
        return self.filter(COMPLET_FSE)

    def incomplets_fse(self):
        return self.exclude(COMPLET_FSE)

    def a_completer(self):
        """Participations with incomplete FSE+ data or a missing proof (models/pieces.py): the
        `a_completer` column that `courant.recalculer` keeps from `manque_fse() | manque_pieces()`."""
        return self.filter(a_completer=True)

    def visible_to(self, user):
        from participants.models import Participant

        return self.filter(participant__in=Participant.objects.visible_to(user))


class Parcours(models.Model):
    """One participation of a participant in the PLIE, from orientation to exit."""

    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE, related_name="parcours")
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("référent·e du parcours"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parcours_suivis",
    )
    # Orientation and entry commission
    date_orientation = models.DateField(_("date d'orientation"))
    prescripteur = models.ForeignKey(
        "partners.Structure",
        verbose_name=_("prescripteur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parcours_prescrits",
    )
    decision_commission = models.CharField(
        _("décision de la commission"),
        max_length=12,
        choices=DecisionCommission.choices,
        default=DecisionCommission.EN_ATTENTE,
    )
    session_commission = models.ForeignKey(
        SessionCommission, on_delete=models.SET_NULL, null=True, blank=True, related_name="parcours"
    )
    motif_decision = models.TextField(_("motif de la décision"), blank=True)
    date_entree = models.DateField(_("date d'entrée"), null=True, blank=True)
    # The FSE+ operation the participation counts for (models/operations.py: the default rule).
    operation = models.ForeignKey(
        "parcours.Operation",
        verbose_name=_("opération FSE+"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parcours",
    )
    # Situation at entry (FSE+ questionnaire). Empty yes/no = unknown, never counted as yes.
    statut_marche_travail = models.CharField(
        _("situation sur le marché du travail"), max_length=10, choices=StatutMarcheTravail.choices, blank=True
    )
    date_debut_chomage = models.DateField(_("date de début de chômage"), null=True, blank=True)
    niveau_formation = models.CharField(
        _("niveau de formation"), max_length=10, choices=NiveauFormation.choices, blank=True
    )
    rsa = models.BooleanField(_("bénéficiaire du RSA"), null=True, blank=True)
    ass = models.BooleanField(_("bénéficiaire de l'ASS"), null=True, blank=True)
    aah = models.BooleanField(_("bénéficiaire de l'AAH"), null=True, blank=True)
    rqth = models.BooleanField(_("RQTH / situation de handicap"), null=True, blank=True)
    parent_isole = models.BooleanField(_("parent isolé"), null=True, blank=True)
    sans_domicile = models.BooleanField(_("sans domicile ou exclusion du logement"), null=True, blank=True)
    qpv = models.BooleanField(_("résident d'un quartier prioritaire (QPV)"), null=True, blank=True)
    zone_rurale = models.BooleanField(_("résident d'une zone rurale"), null=True, blank=True)
    nationalite = models.CharField(_("nationalité"), max_length=10, choices=Nationalite.choices, blank=True)
    origine_etrangere = models.BooleanField(
        _("origine étrangère"), null=True, blank=True, help_text=_("La personne peut refuser de répondre.")
    )
    # Exit and follow-up
    date_sortie = models.DateField(_("date de sortie"), null=True, blank=True)
    motif_sortie = models.CharField(_("motif de sortie"), max_length=30, choices=MotifSortie.choices, blank=True)
    situation_sortie = models.CharField(
        _("situation à la sortie"), max_length=20, choices=SituationSortie.choices, blank=True
    )
    qualification_obtenue = models.BooleanField(_("qualification obtenue"), null=True, blank=True)
    emploi_6_mois = models.BooleanField(_("en emploi 6 mois après la sortie"), null=True, blank=True)
    situation_amelioree_6_mois = models.BooleanField(
        _("situation améliorée 6 mois après la sortie"), null=True, blank=True
    )
    date_suivi_6_mois = models.DateField(_("date du suivi à 6 mois"), null=True, blank=True)
    # Kept by `courant.recalculer` on every write path (issue 20): never typed, never in the history.
    courant = models.BooleanField(_("parcours actuel de la personne"), default=False, editable=False)
    complet_fse = models.BooleanField(_("données FSE+ complètes"), default=False, editable=False)
    a_completer = models.BooleanField(
        _("à compléter (données FSE+ ou pièce justificative)"), default=True, editable=False
    )
    tranche_age_entree = models.CharField(
        _("tranche d'âge à l'entrée"), max_length=8, choices=TrancheAge.choices, blank=True, editable=False
    )
    chomage_longue_duree = models.BooleanField(_("chômeur de longue durée à l'entrée"), default=False, editable=False)
    # The previous tool's id of this record when it came from a historical import (`import_historique`):
    # a second import of the same export finds it again instead of adding a copy.
    identifiant_source = models.CharField(_("identifiant dans l'outil précédent"), max_length=100, blank=True)
    # A default rather than auto_now_add: a historical import gives the previous tool's date.
    cree_le = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    version = champ_version()

    history = HistoricalRecords(excluded_fields=["modifie_le", "version", *COLONNES_CALCULEES])
    objects = ParcoursQuerySet.as_manager()

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")
        ordering = ["-date_orientation", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifiant_source"],
                condition=~Q(identifiant_source=""),
                name="parcours_identifiant_source_unique",
            ),
            models.UniqueConstraint(
                fields=["participant"],
                condition=Q(date_sortie__isnull=True) & ~Q(decision_commission="refusee"),
                name="parcours_un_seul_ouvert_par_participant",
                violation_error_message=_("Ce participant a déjà un parcours ouvert."),
            ),
            models.UniqueConstraint(
                fields=["participant"], condition=Q(courant=True), name="parcours_un_seul_courant_par_participant"
            ),
            models.CheckConstraint(
                condition=Q(date_sortie__isnull=True)
                | Q(date_entree__isnull=True)
                | Q(date_sortie__gte=F("date_entree")),
                name="parcours_sortie_apres_entree",
                violation_error_message=_("La date de sortie ne peut pas précéder la date d'entrée."),
            ),
            models.CheckConstraint(
                condition=Q(date_entree__isnull=True) | Q(date_entree__gte=F("date_orientation")),
                name="parcours_entree_apres_orientation",
                violation_error_message=_("La date d'entrée ne peut pas précéder la date d'orientation."),
            ),
        ]
        indexes = [
            models.Index(fields=["date_entree"]),
            # With the motive and completeness: the year's and the months' exits and positive exits
            # are read from the index alone (PostgreSQL; the included column is ignored elsewhere).
            models.Index(fields=["date_sortie", "motif_sortie"], include=["complet_fse"], name="parcours_sortie_motif"),
            models.Index(fields=["decision_commission"]),
            # Each operation's entered participations and those to complete (its data quality),
            # counted from the index alone.
            models.Index(
                fields=["operation", "a_completer"],
                condition=Q(date_entree__isnull=False),
                name="parcours_qualite_operation",
            ),
            # The open parcours, a small part of ten years of them: dashboards and caseloads.
            models.Index(
                fields=["referent", "participant"],
                condition=Q(date_sortie__isnull=True) & ~Q(decision_commission="refusee"),
                name="parcours_ouverts_par_referent",
            ),
            # The exits whose six-month follow-up is still to record: probed per person of a caseload
            # (without it the planner hashes every such exit of ten years for an 80-person caseload).
            models.Index(
                fields=["participant", "date_sortie"],
                condition=Q(date_sortie__isnull=False, date_suivi_6_mois__isnull=True),
                name="parcours_suivi_a_faire",
            ),
        ]

    def __str__(self):
        debut = self.date_entree or self.date_orientation
        return f"Parcours de {self.participant} ({debut:%d/%m/%Y})"

    def save(self, *args, update_fields=None, **kwargs):
        """Save, then recompute the columns kept from it (`courant.recalculer`); never write those
        columns from a copy read earlier, which may be stale."""
        update_fields = champs_a_ecrire(self, update_fields, COLONNES_CALCULEES)
        ancien = getattr(self, "_participant_lu", None)
        if ancien is not None and ancien != self.participant_id:
            # Moved to another record (merge), which may have its current parcours already.
            self.courant = False
            update_fields = [*update_fields, "courant"]
        with transaction.atomic():
            avant = self._activite_en_base(update_fields)
            super().save(*args, update_fields=update_fields, **kwargs)
            if avant is not False:
                activite.compter(ajoutes=[activite.etat(self)], retires=[avant] if avant else [])
            recalculer([self.participant_id, ancien])
        self._participant_lu = self.participant_id

    def _activite_en_base(self, update_fields):
        """What the stored row adds to the daily counters (`activite.etat`), read under a row lock
        so that no other write slips in between; None for a new row, False when no date is written."""
        if update_fields is not None and not {"date_entree", "date_sortie", "motif_sortie"} & set(update_fields):
            return False
        if self._state.adding or self.pk is None:
            return None
        enregistre = (
            Parcours._base_manager.select_for_update()
            .only("date_entree", "date_sortie", "motif_sortie")
            .filter(pk=self.pk)
            .first()
        )
        return activite.etat(enregistre) if enregistre else None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # A parcours moved to another record (merge) leaves the old one to recompute too.
        instance._participant_lu = instance.__dict__.get("participant_id")
        return instance

    # --- State -------------------------------------------------------------------------------
    @property
    def est_ouvert(self):
        return self.date_sortie is None and self.decision_commission != DecisionCommission.REFUSEE

    @property
    def est_entre(self):
        return self.date_entree is not None

    @property
    def sortie_positive(self):
        return self.motif_sortie in MOTIFS_SORTIE_POSITIVE

    @property
    def echeance_suivi_6_mois(self):
        """The day the six-month follow-up becomes due (None before the exit)."""
        return months_after(self.date_sortie, DELAI_SUIVI_MOIS) if self.date_sortie else None

    @property
    def suivi_6_mois_du(self):
        """True when the six-month follow-up is due and not yet recorded."""
        if not self.date_sortie or self.date_suivi_6_mois:
            return False
        return timezone.localdate() >= self.echeance_suivi_6_mois

    def age_entree(self):
        if not self.date_entree or not self.participant.date_naissance:
            return None
        return age_on(self.participant.date_naissance, self.date_entree)

    @property
    def chomeur_longue_duree(self):
        """Unemployed for 12 months or more on the entry date, by calendar months (DESIGN §2)."""
        return self._chomage_depuis_mois(12)

    @property
    def chomeur_tres_longue_duree(self):
        return self._chomage_depuis_mois(24)

    def _chomage_depuis_mois(self, mois):
        if self.statut_marche_travail != StatutMarcheTravail.CHOMEUR or not self.date_debut_chomage:
            return False
        if not self.date_entree:
            return False
        return self.date_debut_chomage <= months_before(self.date_entree, mois)

    def champs_fse_manquants(self):
        """Labels of the FSE+ data still missing for this participation to count."""
        manquants = [
            self.participant._meta.get_field(champ).verbose_name
            for champ in CHAMPS_FSE_PARTICIPANT
            if not getattr(self.participant, champ)
        ]
        manquants += [
            self._meta.get_field(champ).verbose_name for champ in CHAMPS_FSE_PARCOURS if not getattr(self, champ)
        ]
        return manquants

    @property
    def fse_complet(self):
        return not self.champs_fse_manquants()

    def etat_des_pieces(self):
        return etat_des_pieces(self)

    def pieces_manquantes(self):
        """The FSE+ proofs still missing (`pieces__document` may be prefetched), in French."""
        return pieces_manquantes(self, {piece.document.type for piece in self.pieces.all()})

    # --- Transitions -------------------------------------------------------------------------
    @classmethod
    def orienter(cls, participant, par, date_orientation, prescripteur=None, referent=None):
        """A new orientation waiting for the entry commission; refused while a parcours is open."""
        if cls.objects.filter(participant=participant).ouverts().exists():
            raise TransitionInvalide(
                _("Ce participant a déjà un parcours ouvert : clôturez-le avant d'en ouvrir un nouveau.")
            )
        try:
            with transaction.atomic():
                parcours = cls(
                    participant=participant,
                    date_orientation=date_orientation,
                    prescripteur=prescripteur,
                    referent=referent or participant.referent,
                )
                Operation.objects.rattacher([parcours])
                parcours.save()
                parcours._journaliser(par, "", DecisionCommission.EN_ATTENTE, _("Orientation"))
        except IntegrityError as exc:
            # Another request opened a parcours in between: the database constraint answers.
            raise TransitionInvalide(_("Ce participant a déjà un parcours ouvert.")) from exc
        return parcours

    def _operation_a_l_entree(self):
        """At entry the default operation is that running on the entry date: an operation chosen
        before that does not cover it gives way to the default, when there is one."""
        operation = self.operation
        if operation and operation.date_debut <= self.date_entree <= operation.date_fin:
            return
        self.operation = None
        if not Operation.objects.rattacher([self]):
            self.operation = operation

    def _journaliser(self, par, de, vers, motif="", etape=None):
        Transition.objects.create(parcours=self, etape=etape, par=par, de=de, vers=vers, motif=motif)

    @transaction.atomic
    def valider(self, par, date_entree, session=None, motif=""):
        """Entry commission: orientation validated, the person enters on `date_entree`."""
        if self.decision_commission not in (DecisionCommission.EN_ATTENTE, DecisionCommission.AJOURNEE):
            raise TransitionInvalide(_("Seule une orientation en attente ou ajournée peut être validée."))
        if date_entree is None:
            raise TransitionInvalide(_("La date d'entrée est obligatoire pour valider l'orientation."))
        if date_entree < self.date_orientation:
            raise TransitionInvalide(_("La date d'entrée ne peut pas précéder la date d'orientation."))
        de = self.decision_commission
        self.decision_commission = DecisionCommission.VALIDEE
        self.date_entree = date_entree
        self._operation_a_l_entree()
        self.session_commission = session or self.session_commission
        self.motif_decision = motif
        self.save()
        self._journaliser(par, de, DecisionCommission.VALIDEE, motif)

    @transaction.atomic
    def refuser(self, par, motif, session=None):
        """Entry commission: orientation refused; the parcours closes without entry."""
        if self.decision_commission not in (DecisionCommission.EN_ATTENTE, DecisionCommission.AJOURNEE):
            raise TransitionInvalide(_("Seule une orientation en attente ou ajournée peut être refusée."))
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif du refus est obligatoire."))
        de = self.decision_commission
        self.decision_commission = DecisionCommission.REFUSEE
        self.session_commission = session or self.session_commission
        self.motif_decision = motif
        self.save()
        self._journaliser(par, de, DecisionCommission.REFUSEE, motif)

    @transaction.atomic
    def ajourner(self, par, motif, session=None):
        """Entry commission: decision postponed to a later session."""
        if self.decision_commission not in (DecisionCommission.EN_ATTENTE, DecisionCommission.AJOURNEE):
            raise TransitionInvalide(_("Seule une orientation en attente ou ajournée peut être ajournée."))
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif de l'ajournement est obligatoire."))
        de = self.decision_commission
        self.decision_commission = DecisionCommission.AJOURNEE
        self.session_commission = session or self.session_commission
        self.motif_decision = motif
        self.save()
        self._journaliser(par, de, DecisionCommission.AJOURNEE, motif)

    @transaction.atomic
    def sortir(
        self, par, date_sortie, motif_sortie, situation_sortie="", qualification_obtenue=None, clore_etapes=False
    ):
        """Exit of the PLIE. Open steps must be closed first, or abandoned here ("sortie du PLIE")."""
        if not self.est_entre or not self.est_ouvert:
            raise TransitionInvalide(_("Seul un parcours en cours (entré et non sorti) peut être clôturé."))
        if date_sortie is None or date_sortie < self.date_entree:
            raise TransitionInvalide(_("La date de sortie doit être postérieure ou égale à la date d'entrée."))
        if motif_sortie not in MotifSortie.values:
            raise TransitionInvalide(_("Choisissez un motif de sortie."))
        ouvertes = list(self.etapes.filter(statut__in=STATUTS_ETAPE_OUVERTS))
        if ouvertes and not clore_etapes:
            raise TransitionInvalide(
                ngettext(
                    "%(n)d étape est encore ouverte : clôturez-la ou marquez-la abandonnée à la sortie.",
                    "%(n)d étapes sont encore ouvertes : clôturez-les ou marquez-les abandonnées à la sortie.",
                    len(ouvertes),
                )
                % {"n": len(ouvertes)}
            )
        for etape in ouvertes:
            etape.clore_a_la_sortie(par, date_sortie)
        # The interviews planned from the exit on will not happen: out of the referent's agenda.
        self.entretiens.planifies().filter(date__date__gte=date_sortie).update(statut=StatutEntretien.ANNULE)
        self.date_sortie = date_sortie
        self.motif_sortie = motif_sortie
        self.situation_sortie = situation_sortie
        self.qualification_obtenue = qualification_obtenue
        self.save()
        self._journaliser(par, "en_parcours", "sorti", MotifSortie(motif_sortie).label)

    @transaction.atomic
    def enregistrer_suivi_6_mois(self, par, emploi_6_mois, situation_amelioree_6_mois, date_suivi=None):
        """Six-month follow-up after exit."""
        if not self.date_sortie:
            raise TransitionInvalide(_("Le suivi à 6 mois ne concerne qu'un parcours sorti."))
        date_suivi = date_suivi or timezone.localdate()
        if date_suivi < self.echeance_suivi_6_mois:
            raise TransitionInvalide(
                _("Le suivi à 6 mois se fait à partir du %(date)s, six mois après la sortie.")
                % {"date": date_longue(self.echeance_suivi_6_mois)}
            )
        self.emploi_6_mois = emploi_6_mois
        self.situation_amelioree_6_mois = situation_amelioree_6_mois
        self.date_suivi_6_mois = date_suivi
        self.save()
        self._journaliser(par, "sorti", "suivi_6_mois")
