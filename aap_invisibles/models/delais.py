"""How long a dossier has waited in its state, the delay past which the dashboard flags it, and
the next step the applicant can expect (issue 19, "délais d'instruction")."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import STATUTS_AVANT_DECISION, StatutDossier


@dataclass(frozen=True)
class ProchaineEtape:
    """What the applicant can expect next: a label, a day and a time when they are fixed."""

    libelle: str
    jour: datetime.date | None = None
    heure: datetime.time | None = None

    @classmethod
    def le(cls, libelle, quand):
        if isinstance(quand, datetime.datetime):
            local = timezone.localtime(quand)
            return cls(libelle, local.date(), local.time())
        return cls(libelle, quand)


class DelaisQuerySet:
    """Mixed into `DossierQuerySet`."""

    def avec_attente(self):
        """Annotate `attente_depuis`: when the dossier entered its state (its last transition; the
        submission or the creation for a dossier that never moved through one)."""
        return self.annotate(attente_depuis=Coalesce("statut_le", "date_accuse", "cree_le"))

    def en_attente_trop_longue(self, maintenant=None):
        """The dossiers not yet decided that have waited in their state longer than their call allows."""
        from .appels import AppelAProjets

        maintenant = maintenant or timezone.now()
        depasse = Q(pk__in=[])
        for appel_id, jours in AppelAProjets.objects.values_list("id", "delai_instruction_jours"):
            depasse |= Q(appel_id=appel_id, attente_depuis__lt=maintenant - datetime.timedelta(days=jours))
        return self.avec_attente().filter(depasse, statut__in=STATUTS_AVANT_DECISION)


class DelaisDossier:
    """Mixed into `Dossier`."""

    def attente_depuis_le(self):
        return getattr(self, "attente_depuis", None) or self.statut_le or self.date_accuse or self.cree_le

    def jours_dans_l_etat(self, maintenant=None):
        """Full days since the dossier entered its state."""
        return ((maintenant or timezone.now()) - self.attente_depuis_le()).days

    @property
    def attente_depassee(self):
        """Whether a dossier not yet decided waits past its call's delay (the dashboard's flag)."""
        return self.statut in STATUTS_AVANT_DECISION and self.jours_dans_l_etat() > self.appel.delai_instruction_jours

    def prochaine_etape(self):
        """What the applicant can expect next (`ProchaineEtape`, its day None while not fixed), or
        None once nothing more is expected (refused, inadmissible, withdrawn)."""
        S = StatutDossier
        audition = _("Audition devant le comité de lecture et de validation")
        if self.statut == S.BROUILLON:
            return ProchaineEtape.le(_("Dépôt du dossier, avant la clôture"), self.appel.date_cloture)
        if self.statut == S.DEPOSE:
            return ProchaineEtape(_("Examen de la recevabilité par l'équipe d'instruction"))
        if self.statut == S.EN_INSTRUCTION:
            return ProchaineEtape.le(audition, self.appel.date_audition)
        if self.statut == S.AUDITION:
            creneau = getattr(self, "audition", None)
            return ProchaineEtape.le(audition, creneau.debut() if creneau else self.appel.date_audition)
        if self.statut == S.RETENU:
            if self.convention_requise() and getattr(self, "convention", None) is None:
                return ProchaineEtape(_("Signature de la convention avec la Métropole"))
            return ProchaineEtape.le(_("Bilan final de l'action"), self.echeance_bilan())
        return None
