"""The dossier workflow: named transitions with guards (DESIGN §2, aap_invisibles).

Each transition checks who acts and from which state, refuses an invalid move with a French
`TransitionInvalide` changing nothing, and writes a `TransitionDossier` row.
"""

from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import courriers
from ..affichage import valeur_affichee
from .actions import ActionsDossier
from .appels import TransitionInvalide
from .cerfa import SECTIONS_CERFA, SECTIONS_PAR_CODE
from .choices import Avis, StatutDossier


class WorkflowDossier(ActionsDossier, models.Model):
    """Transitions of a dossier; mixed into `Dossier`. Each asks `exiger` (the table of `actions.py`)."""

    class Meta:
        abstract = True

    # --- Who may act ----------------------------------------------------------------------------
    def est_porteur(self, user):
        return user.is_porteur and user.structure_id == self.porteur_id

    def peut_instruire(self, user):
        """Coordination, or an instructor assigned to the call."""
        if user.is_coordination:
            return True
        return user.is_instructeur and self.appel.instructeurs.filter(pk=user.pk).exists()

    def _passer(self, par, vers, motif="", champs=()):
        from .dossiers import TransitionDossier

        de = self.statut
        self.statut = vers
        self.statut_le = timezone.now()
        self.save(update_fields=["statut", "statut_le", "modifie_le", *champs])
        TransitionDossier.objects.create(dossier=self, de=de, vers=vers, par=par, motif=motif or "", le=self.statut_le)

    def _lock(self):
        """Lock the dossier row (PostgreSQL) and reload its state inside the transaction."""
        type(self).objects.select_for_update().filter(pk=self.pk).first()
        self.refresh_from_db(fields=["statut", "montant_accorde", "montant_demande"])

    # --- Submission -----------------------------------------------------------------------------
    def copie_figee(self):
        """A JSON snapshot of the content as submitted (sections, budget, EPS, attachments)."""
        champs = [c for s in SECTIONS_CERFA for c in s.champs if c != "communes"]
        contenu = model_to_dict(self, fields=champs)
        contenu["communes"] = list(self.communes.order_by("nom").values_list("nom", flat=True))
        contenu["budget"] = [
            {
                "compte": ligne.compte,
                "libelle": ligne.libelle,
                "montant": ligne.montant,
                "subvention_metropole": ligne.subvention_metropole,
            }
            for ligne in self.lignes_budget.all()
        ]
        eps = getattr(self, "consultation_eps", None)
        contenu["eps"] = (
            {
                "date": eps.date_consultation,
                "communes": list(eps.communes.order_by("nom").values_list("nom", flat=True)),
            }
            if eps
            else None
        )
        contenu["pieces"] = [{"type": p.type_piece, "nom": p.nom_original} for p in self.pieces.all()]
        contenu["montant_demande"] = self.montant_demande
        # Round-trip through JSON so that what is stored is exactly what is shown later.
        import json

        return json.loads(json.dumps(contenu, cls=DjangoJSONEncoder))

    @transaction.atomic
    def deposer(self, par, now=None):
        """brouillon → depose: while the call accepts submissions and the dossier is complete."""
        from .dossiers import Message

        now = now or timezone.now()
        self._lock()
        # The whole content as committed, not as this instance read it: what is frozen is what was saved.
        self.refresh_from_db()
        self.exiger("deposer", par, now=now)
        if not self.eps_attestee():
            raise TransitionInvalide(_("La consultation préalable des EPS doit être attestée avant le dépôt."))
        if not self.est_complet():
            raise TransitionInvalide(
                _("Le dossier est incomplet : complétez les sections signalées avant de le déposer.")
            )
        self.recalculer_montant_demande()
        self.date_accuse = now
        self.numero_accuse = f"AAP{self.appel_id:03d}-{self.pk:05d}"
        self.copie_deposee = self.copie_figee()
        self._passer(
            par, StatutDossier.DEPOSE, champs=("date_accuse", "numero_accuse", "copie_deposee", "montant_demande")
        )
        Message.ecrire_automatique(
            self,
            _("Accusé de réception n° %(n)s") % {"n": self.numero_accuse},
            courriers.rendre("accuse", self),
        )

    # --- Admissibility --------------------------------------------------------------------------
    @transaction.atomic
    def declarer_recevable(self, par):
        """depose → en_instruction."""
        self._lock()
        self.exiger("recevabilite", par)
        self._passer(par, StatutDossier.EN_INSTRUCTION)

    @transaction.atomic
    def declarer_irrecevable(self, par, motif):
        """depose → irrecevable, reason mandatory; the applicant is told."""
        from .dossiers import Message

        self._lock()
        self.exiger("recevabilite", par)
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif d'irrecevabilité est obligatoire."))
        self.motif_decision = motif
        self._passer(par, StatutDossier.IRRECEVABLE, motif, champs=("motif_decision",))
        Message.ecrire_automatique(
            self, _("Dossier irrecevable"), _("Votre dossier est irrecevable. Motif : %s") % motif
        )

    # --- Correction request ---------------------------------------------------------------------
    @transaction.atomic
    def demander_correction(self, par, sections, message):
        """A flag on an en_instruction dossier naming the sections the applicant may edit."""
        from .dossiers import Message
        from .instruction import DemandeCorrection

        self._lock()
        self.exiger("correction", par)
        sections = [code for code in sections if code in SECTIONS_PAR_CODE]
        if not sections:
            raise TransitionInvalide(_("Nommez au moins une section à corriger."))
        if not (message or "").strip():
            raise TransitionInvalide(_("Expliquez ce qui doit être corrigé."))
        demande = DemandeCorrection.objects.create(dossier=self, sections=sections, message=message, demandee_par=par)
        titres = ", ".join(str(SECTIONS_PAR_CODE[c].titre) for c in sections)
        Message.ecrire_automatique(
            self, _("Demande de correction"), _("Sections à corriger : %(s)s.\n\n%(m)s") % {"s": titres, "m": message}
        )
        return demande

    @transaction.atomic
    def repondre_correction(self, par, reponse):
        """The applicant answers: the sections are read-only again and the dossier may move on."""
        self._lock()
        self.exiger("repondre_correction", par)
        demande = self.correction_en_attente()
        demande.reponse = reponse or ""
        demande.repondue_le = timezone.now()
        demande.repondue_par = par
        demande.save()
        self.recalculer_montant_demande()
        return demande

    # --- Hearing and proposal -------------------------------------------------------------------
    @transaction.atomic
    def fixer_audition(self, par, date, heure, lieu):
        """en_instruction → audition with a slot (or a new slot while in audition); the applicant gets an .ics."""
        from .dossiers import Message
        from .instruction import CreneauAudition

        self._lock()
        self.exiger("audition", par)
        if not date or not heure or not (lieu or "").strip():
            raise TransitionInvalide(_("La date, l'heure et le lieu de l'audition sont obligatoires."))
        # Kept on the dossier: the convocation below reads this slot, not one cached before.
        self.audition, _cree = CreneauAudition.objects.update_or_create(
            dossier=self, defaults={"date": date, "heure": heure, "lieu": lieu}
        )
        if self.statut == StatutDossier.EN_INSTRUCTION:
            self._passer(par, StatutDossier.AUDITION)
        Message.ecrire_automatique(
            self,
            _("Convocation à l'audition"),
            courriers.rendre("convocation", self),
            avec_ics=True,
        )

    @transaction.atomic
    def proposer(self, par, avis, montant, motif=""):
        """The instructors' proposal to the committee: opinion and proposed amount."""
        self._lock()
        self.exiger("proposition", par)
        if avis not in Avis.values:
            raise TransitionInvalide(_("Choisissez un avis favorable ou défavorable."))
        montant = Decimal(montant or 0)
        if montant < 0 or montant > self.montant_demande:
            raise TransitionInvalide(_("Le montant proposé doit être compris entre 0 et le montant demandé."))
        if avis == Avis.DEFAVORABLE:
            montant = Decimal("0")
        self.proposition_avis = avis
        self.proposition_montant = montant
        self.proposition_motif = motif or ""
        self.proposition_par = par
        self.proposition_le = timezone.now()
        self.save(
            update_fields=[
                "proposition_avis",
                "proposition_montant",
                "proposition_motif",
                "proposition_par",
                "proposition_le",
                "modifie_le",
            ]
        )

    # --- Decision -------------------------------------------------------------------------------
    @transaction.atomic
    def retenir(self, par, montant_accorde, motif=""):
        """en_instruction | audition → retenu, within the envelope (row lock on the call)."""
        from .appels import AppelAProjets
        from .dossiers import Message

        # The lock on the call row serialises concurrent decisions of the same call (PostgreSQL).
        appel = AppelAProjets.objects.select_for_update().get(pk=self.appel_id)
        self._lock()
        self.exiger("decision", par)
        montant = Decimal(montant_accorde or 0)
        if montant <= 0:
            raise TransitionInvalide(_("Le montant accordé doit être positif."))
        if montant > self.montant_demande:
            raise TransitionInvalide(_("Le montant accordé ne peut dépasser le montant demandé."))
        reste = appel.reste_a_allouer(sauf=self)
        if montant > reste:
            raise TransitionInvalide(
                _("Ce montant dépasse l'enveloppe : il reste %(r)s € à allouer.") % {"r": valeur_affichee(None, reste)}
            )
        self.montant_accorde = montant
        self.motif_decision = motif or ""
        self._passer(par, StatutDossier.RETENU, motif, champs=("montant_accorde", "motif_decision"))
        Message.ecrire_automatique(
            self,
            _("Décision du comité : dossier retenu"),
            courriers.rendre("notification_retenu", self, decision_le=self.statut_le),
        )

    @transaction.atomic
    def refuser(self, par, motif):
        """en_instruction | audition → refuse, reason mandatory."""
        from .dossiers import Message

        self._lock()
        self.exiger("decision", par)
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif du refus est obligatoire."))
        self.motif_decision = motif
        self.montant_accorde = None
        self._passer(par, StatutDossier.REFUSE, motif, champs=("motif_decision", "montant_accorde"))
        Message.ecrire_automatique(
            self,
            _("Décision du comité : dossier non retenu"),
            courriers.rendre("notification_refus", self, decision_le=self.statut_le),
        )

    @transaction.atomic
    def classer_sans_suite(self, par, motif=""):
        """Withdrawal by the applicant, or closing by coordination, after submission and before a decision."""
        self._lock()
        self.exiger("sans_suite", par)
        if self.est_porteur(par):
            motif = motif or str(_("Retrait par le porteur."))
        elif not (motif or "").strip():
            raise TransitionInvalide(_("Le motif du classement sans suite est obligatoire."))
        self.motif_decision = motif
        self._passer(par, StatutDossier.SANS_SUITE, motif, champs=("motif_decision",))

    @transaction.atomic
    def reouvrir(self, par, motif):
        """Back to the state before the decision; the amount returns to the envelope. Refused once paid."""
        from .appels import AppelAProjets

        AppelAProjets.objects.select_for_update().filter(pk=self.appel_id).first()
        self._lock()
        self.exiger("reouvrir", par)
        if not (motif or "").strip():
            raise TransitionInvalide(_("Le motif de la réouverture est obligatoire."))
        derniere = self.transitions.filter(vers=self.statut).order_by("-le", "-id").first()
        precedent = derniere.de if derniere else StatutDossier.EN_INSTRUCTION
        self.montant_accorde = None
        self.motif_decision = ""
        self._passer(par, precedent, motif, champs=("montant_accorde", "motif_decision"))
