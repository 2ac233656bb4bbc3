"""The steps of a parcours, with their transitions (the step catalogue is `partners.EtapeType`)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plie_portal.dates import months_before

from ..choices import (
    STATUTS_ETAPE_OUVERTS,
    STATUTS_ETAPE_TERMINES,
    MotifRefusEtape,
    StatutEtape,
)
from .parcours import Parcours, Transition, TransitionInvalide

MOTIF_CLOTURE = "Étape close"


class EtapeQuerySet(models.QuerySet):
    def ouvertes(self):
        return self.filter(statut__in=STATUTS_ETAPE_OUVERTS)

    def dans_fenetre_partenaire(self, aujourd_hui=None):
        """Steps that open a participant to their partner: proposed, accepted, in progress, or
        ended (finished or abandoned) less than 6 months ago (DESIGN §1)."""
        aujourd_hui = aujourd_hui or timezone.localdate()
        limite = months_before(aujourd_hui, settings.PLIE_FENETRE_PARTENAIRE_MOIS)
        return self.filter(
            Q(statut__in=STATUTS_ETAPE_OUVERTS) | Q(statut__in=STATUTS_ETAPE_TERMINES, date_fin__gt=limite)
        )

    def participants_ouverts_au_partenaire(self, user):
        """The condition on a participant that opens it to partner `user`: one of the person's
        steps carried by their structure, inside the window (`ParticipantQuerySet.visible_to`)."""
        if not user.structure_id:
            return Q(pk__in=[])
        return Exists(
            self.dans_fenetre_partenaire().filter(structure_id=user.structure_id, parcours__participant=OuterRef("pk"))
        )

    def visible_to(self, user):
        """Steps `user` may see: a partner only their own structure's, inside the window."""
        from participants.models import Participant

        if not user.is_authenticated:
            return self.none()
        if user.effective_role == "partenaire":
            if not user.structure_id:
                return self.none()
            return self.dans_fenetre_partenaire().filter(structure_id=user.structure_id)
        return self.filter(parcours__participant__in=Participant.objects.visible_to(user))


class Etape(models.Model):
    """A step of a parcours carried by a structure."""

    parcours = models.ForeignKey(Parcours, on_delete=models.CASCADE, related_name="etapes")
    type = models.ForeignKey(
        "partners.EtapeType", verbose_name=_("type d'étape"), on_delete=models.PROTECT, related_name="etapes"
    )
    structure = models.ForeignKey(
        "partners.Structure", verbose_name=_("structure"), on_delete=models.PROTECT, related_name="etapes"
    )
    statut = models.CharField(_("statut"), max_length=12, choices=StatutEtape.choices, default=StatutEtape.PROPOSEE)
    date_debut_prevue = models.DateField(_("début prévu"), null=True, blank=True)
    date_fin_prevue = models.DateField(_("fin prévue"), null=True, blank=True)
    date_debut = models.DateField(_("début réel"), null=True, blank=True)
    date_fin = models.DateField(_("fin réelle"), null=True, blank=True)
    objectif = models.TextField(_("objectif de l'étape"), blank=True)
    resultat = models.TextField(_("résultat"), blank=True)
    motif_refus = models.CharField(_("motif"), max_length=20, choices=MotifRefusEtape.choices, blank=True)
    motif_detail = models.TextField(_("précisions sur le motif"), blank=True)
    commentaire_partenaire = models.TextField(_("commentaire pour le ou la référent·e"), blank=True)
    proposee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The previous tool's id of this record when it came from a historical import (`import_historique`):
    # a second import of the same export finds it again instead of adding a copy.
    identifiant_source = models.CharField(_("identifiant dans l'outil précédent"), max_length=100, blank=True)
    # A default rather than auto_now_add: a historical import gives the previous tool's date.
    cree_le = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    modifie_le = models.DateTimeField(_("modifiée le"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["modifie_le"])
    objects = EtapeQuerySet.as_manager()

    class Meta:
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")
        ordering = ["date_debut_prevue", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifiant_source"],
                condition=~Q(identifiant_source=""),
                name="etape_identifiant_source_unique",
            ),
            models.CheckConstraint(
                condition=Q(date_fin_prevue__isnull=True)
                | Q(date_debut_prevue__isnull=True)
                | Q(date_fin_prevue__gte=F("date_debut_prevue")),
                name="etape_fin_prevue_apres_debut",
                violation_error_message=_("La fin prévue ne peut pas précéder le début prévu."),
            ),
            models.CheckConstraint(
                condition=Q(date_fin__isnull=True) | Q(date_debut__isnull=True) | Q(date_fin__gte=F("date_debut")),
                name="etape_fin_apres_debut",
                violation_error_message=_("La date de fin ne peut pas précéder la date de début."),
            ),
        ]
        indexes = [models.Index(fields=["structure", "statut"]), models.Index(fields=["statut", "date_fin_prevue"])]

    def __str__(self):
        return f"{self.type} – {self.structure}"

    @property
    def est_ouverte(self):
        return self.statut in STATUTS_ETAPE_OUVERTS

    @property
    def en_retard(self):
        return (
            self.statut in STATUTS_ETAPE_OUVERTS
            and self.date_fin_prevue is not None
            and self.date_fin_prevue < timezone.localdate()
        )

    # --- Transitions -------------------------------------------------------------------------
    TRANSITIONS = {
        "accepter": ({StatutEtape.PROPOSEE}, StatutEtape.ACCEPTEE),
        "refuser": ({StatutEtape.PROPOSEE}, StatutEtape.REFUSEE),
        "annuler": ({StatutEtape.PROPOSEE, StatutEtape.ACCEPTEE}, StatutEtape.ANNULEE),
        "demarrer": ({StatutEtape.ACCEPTEE}, StatutEtape.EN_COURS),
        "terminer": ({StatutEtape.EN_COURS}, StatutEtape.TERMINEE),
        "abandonner": ({StatutEtape.ACCEPTEE, StatutEtape.EN_COURS}, StatutEtape.ABANDONNEE),
    }
    MESSAGES_REFUS = {
        "accepter": _("Seule une étape proposée peut être acceptée."),
        "refuser": _("Seule une étape proposée peut être refusée."),
        "annuler": _("Seule une étape proposée ou acceptée peut être annulée."),
        "demarrer": _("Seule une étape acceptée peut démarrer."),
        "terminer": _("Seule une étape en cours peut être terminée."),
        "abandonner": _("Seule une étape acceptée ou en cours peut être abandonnée."),
    }

    # What a partner may do on their structure's steps; the referent records these only for a
    # structure without an active portal account, and cancels.
    ACTIONS_PARTENAIRE = ("accepter", "refuser", "demarrer", "terminer", "abandonner", "mettre_a_jour")
    ACTIONS_REFERENT = ("annuler",)
    STATUTS_CLOS = (StatutEtape.REFUSEE, StatutEtape.ANNULEE)

    def transitions_possibles(self):
        return [nom for nom, (sources, _cible) in self.TRANSITIONS.items() if self.statut in sources]

    def actions_du_role(self, user, structure_a_portail):
        """The actions `user`'s role ever takes on a step of this structure, whatever its status."""
        if user.is_partenaire:
            return self.ACTIONS_PARTENAIRE
        return self.ACTIONS_REFERENT + (() if structure_a_portail else self.ACTIONS_PARTENAIRE)

    def actions_possibles(self, user, structure_a_portail=None):
        """The actions `user` may take on this step now: the page offers these, the POST accepts only
        these. `structure_a_portail` (whether the structure has an active portal account) is read
        when not given."""
        if structure_a_portail is None:
            structure_a_portail = self.structure.a_un_utilisateur_portail()
        possibles = set(self.transitions_possibles())
        return [
            action
            for action in self.actions_du_role(user, structure_a_portail)
            if action in possibles or (action == "mettre_a_jour" and self.statut not in self.STATUTS_CLOS)
        ]

    def _changer(self, nom, par, motif=""):
        sources, cible = self.TRANSITIONS[nom]
        if self.statut not in sources:
            raise TransitionInvalide(self.MESSAGES_REFUS[nom])
        de = self.statut
        self.statut = cible
        self.full_clean(exclude=["parcours", "type", "structure", "proposee_par"])
        self.save()
        Transition.objects.create(parcours_id=self.parcours_id, etape=self, par=par, de=de, vers=cible, motif=motif)

    @transaction.atomic
    def accepter(self, par, commentaire=""):
        if commentaire:
            self.commentaire_partenaire = commentaire
        self._changer("accepter", par)

    @transaction.atomic
    def refuser(self, par, motif, detail=""):
        if motif not in MotifRefusEtape.values:
            raise TransitionInvalide(_("Choisissez le motif du refus."))
        self.motif_refus = motif
        self.motif_detail = detail
        self._changer("refuser", par, MotifRefusEtape(motif).label + (f" – {detail}" if detail else ""))

    @transaction.atomic
    def annuler(self, par, motif=""):
        self._changer("annuler", par, motif)

    @transaction.atomic
    def demarrer(self, par, date_debut):
        if date_debut is None:
            raise TransitionInvalide(_("Indiquez la date de début."))
        self.date_debut = date_debut
        self._changer("demarrer", par)

    @transaction.atomic
    def terminer(self, par, date_fin, resultat=""):
        if date_fin is None:
            raise TransitionInvalide(_("Indiquez la date de fin."))
        if self.date_debut and date_fin < self.date_debut:
            raise TransitionInvalide(_("La date de fin ne peut pas précéder la date de début."))
        self.date_fin = date_fin
        self.resultat = resultat or self.resultat
        self._changer("terminer", par)

    @transaction.atomic
    def abandonner(self, par, date_fin, motif):
        if date_fin is None:
            raise TransitionInvalide(_("Indiquez la date d'abandon."))
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif de l'abandon est obligatoire."))
        if self.date_debut and date_fin < self.date_debut:
            raise TransitionInvalide(_("La date d'abandon ne peut pas précéder la date de début."))
        self.date_fin = date_fin
        self.motif_detail = motif
        self._changer("abandonner", par, motif)

    def clore_a_la_sortie(self, par, date_sortie):
        """Close an open step at the exit of the PLIE: abandoned, or cancelled if never accepted. The
        reason says "étape close", not the exit: the partner sees it, and the exit is not theirs to know."""
        if self.statut == StatutEtape.PROPOSEE:
            self.annuler(par, MOTIF_CLOTURE)
        else:
            self.abandonner(par, max(date_sortie, self.date_debut or date_sortie), MOTIF_CLOTURE)
