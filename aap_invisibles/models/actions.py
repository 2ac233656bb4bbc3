"""Who may do what on a dossier, from which state (DESIGN §2, aap_invisibles): the one table read by
the dossier page (which actions it offers), by the views that receive them and by every transition
(what it refuses). A button is shown exactly when its action would be accepted."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from plie_portal.workflow import TransitionInvalide

from .choices import STATUTS_AVANT_DECISION, STATUTS_DECISION, StatutDossier

S = StatutDossier
EN_INSTRUCTION = (S.EN_INSTRUCTION, S.AUDITION)
APRES_DEPOT = tuple(s for s in S if s != S.BROUILLON)

# Who acts: the applicant organisation, the instruction (coordination or an instructor of the
# call, never as applicant), coordination alone, or one of two.
PORTEUR, INSTRUCTION, COORDINATION = "porteur", "instruction", "coordination"

MESSAGES_ROLE = {
    PORTEUR: _("Seul un membre de l'organisation porteuse peut faire cela."),
    INSTRUCTION: _("Seul un instructeur de cet appel ou la coordination peut faire cela."),
    COORDINATION: _("Seule la coordination enregistre les décisions du comité."),
    (PORTEUR, COORDINATION): _("Seul le porteur ou la coordination peut classer ce dossier sans suite."),
    (PORTEUR, INSTRUCTION): _("Seuls le porteur et les instructeurs de cet appel échangent sur ce dossier."),
}


class Faits:
    """What the rules read of a dossier for one user, each fact fetched once per question."""

    def __init__(self, dossier, user, now=None):
        self.dossier, self.user, self.now = dossier, user, now

    @cached_property
    def porteur(self):
        return self.dossier.est_porteur(self.user)

    @cached_property
    def instruction(self):
        return not self.porteur and self.dossier.peut_instruire(self.user)

    @cached_property
    def coordination(self):
        return self.user.is_coordination

    @cached_property
    def correction(self):
        return self.dossier.correction_en_attente()

    @cached_property
    def evaluation(self):
        return self.dossier.evaluations.filter(instructeur=self.user).first()

    @cached_property
    def conflit(self):
        return self.dossier.conflits.filter(instructeur=self.user).exists()

    def est(self, qui):
        return any(getattr(self, q) for q in (qui if isinstance(qui, tuple) else (qui,)))


# Conditions beyond role and state: each returns the refusal message, or None.
def _sans_correction(faits):
    if faits.correction:
        return _("Une demande de correction attend la réponse du porteur : le dossier ne peut pas avancer.")
    return None


def _pas_deja_de_correction(faits):
    return _("Une demande de correction est déjà en attente.") if faits.correction else None


def _correction_en_attente(faits):
    return None if faits.correction else _("Aucune demande de correction n'est en attente.")


def _peut_noter(faits):
    if faits.conflit:
        return _("Vous avez déclaré un conflit d'intérêts : vous ne notez pas ce dossier.")
    if faits.evaluation is not None and faits.evaluation.soumise:
        return _("Votre notation est déjà soumise.")
    if not faits.dossier.appel.criteres.exists():
        return _("Cet appel n'a pas encore de grille de notation.")
    return None


def _pas_commence_a_noter(faits):
    if faits.conflit:
        return _("Vous avez déjà déclaré un conflit d'intérêts sur ce dossier.")
    return _("Vous avez déjà commencé à noter ce dossier.") if faits.evaluation is not None else None


def _sans_versement(faits):
    if faits.dossier.versements.exists():
        return _("Un versement a déjà été effectué : la décision ne peut plus être rouverte.")
    return None


def _etiquettes_definies(faits):
    if faits.dossier.appel.etiquettes.exists():
        return None
    return _("Cet appel n'a pas encore d'étiquette : la coordination les définit dans la gestion de l'appel.")


def _convention_requise(faits):
    return None if faits.dossier.convention_requise() else _("Pas de convention requise (23 000 € ou moins).")


def _appel_ouvert(faits):
    if faits.dossier.appel.accepte_les_depots(faits.now):
        return None
    return _("Cet appel à projets n'accepte plus de dépôt : la date limite est passée.")


@dataclass(frozen=True)
class Regle:
    """One action: who takes it, from which states (and why not otherwise), on which conditions."""

    qui: object
    statuts: tuple
    message_statut: str
    conditions: tuple = ()

    def refus(self, faits):
        """(`"role"` or `"etat"`, message) when `faits.user` may not take the action now, else None."""
        if not faits.est(self.qui):
            return "role", MESSAGES_ROLE[self.qui]
        if faits.dossier.statut not in self.statuts:
            return "etat", self.message_statut
        for condition in self.conditions:
            message = condition(faits)
            if message:
                return "etat", message
        return None


REGLES = {
    "deposer": Regle(PORTEUR, (S.BROUILLON,), _("Ce dossier a déjà été déposé."), (_appel_ouvert,)),
    "recevabilite": Regle(
        INSTRUCTION, (S.DEPOSE,), _("Seul un dossier déposé peut être déclaré recevable ou irrecevable.")
    ),
    "correction": Regle(
        INSTRUCTION,
        (S.EN_INSTRUCTION,),
        _("Une correction ne se demande que sur un dossier en instruction."),
        (_pas_deja_de_correction,),
    ),
    "repondre_correction": Regle(
        PORTEUR, APRES_DEPOT, _("Aucune demande de correction n'est en attente."), (_correction_en_attente,)
    ),
    "noter": Regle(
        INSTRUCTION, EN_INSTRUCTION, _("Seul un dossier en instruction ou en audition se note."), (_peut_noter,)
    ),
    "conflit": Regle(
        INSTRUCTION,
        EN_INSTRUCTION,
        _("Un conflit d'intérêts se déclare sur un dossier en instruction ou en audition."),
        (_pas_commence_a_noter,),
    ),
    "annoter": Regle(INSTRUCTION, APRES_DEPOT, _("Un brouillon ne s'annote pas.")),
    "demander_avis": Regle(
        INSTRUCTION, STATUTS_AVANT_DECISION, _("Un avis se demande sur un dossier déposé et pas encore décidé.")
    ),
    "etiqueter": Regle(INSTRUCTION, APRES_DEPOT, _("Un brouillon ne s'étiquette pas."), (_etiquettes_definies,)),
    "ecrire": Regle(
        (PORTEUR, INSTRUCTION), APRES_DEPOT, _("La messagerie avec les instructeurs s'ouvre au dépôt du dossier.")
    ),
    "audition": Regle(
        INSTRUCTION,
        EN_INSTRUCTION,
        _("Une audition ne se fixe que pour un dossier en instruction."),
        (_sans_correction,),
    ),
    "proposition": Regle(
        INSTRUCTION,
        EN_INSTRUCTION,
        _("Une proposition ne se fait que sur un dossier en instruction ou en audition."),
    ),
    "decision": Regle(
        COORDINATION,
        EN_INSTRUCTION,
        _("Seul un dossier en instruction ou en audition reçoit la décision du comité."),
        (_sans_correction,),
    ),
    "sans_suite": Regle(
        (PORTEUR, COORDINATION),
        STATUTS_AVANT_DECISION,
        _("Seul un dossier déposé et pas encore décidé peut être classé sans suite."),
    ),
    "reouvrir": Regle(
        COORDINATION,
        STATUTS_DECISION,
        _("Seule une décision (retenu ou refusé) peut être rouverte."),
        (_sans_versement,),
    ),
    "convention": Regle(
        COORDINATION, (S.RETENU,), _("Une convention ne concerne qu'un dossier retenu."), (_convention_requise,)
    ),
    "versement": Regle(COORDINATION, (S.RETENU,), _("Un versement ne concerne qu'un dossier retenu.")),
    "orienter": Regle(PORTEUR, (S.RETENU,), _("Seule une action financée oriente des jeunes vers le PLIE.")),
}


class ActionsDossier:
    """Mixed into `Dossier`: the questions every channel asks of the table above."""

    def refus(self, action, user, faits=None, now=None):
        """Why `user` may not take `action` now: (`"role"` or `"etat"`, message), or None."""
        return REGLES[action].refus(faits or Faits(self, user, now))

    def actions_possibles(self, user):
        """The actions `user` may take on this dossier now (the page offers exactly these)."""
        faits = Faits(self, user)
        return {action for action in REGLES if self.refus(action, user, faits) is None}

    def exiger(self, action, user, now=None):
        """Refuse `action` with its French message unless `user` may take it now."""
        refus = self.refus(action, user, now=now)
        if refus is not None:
            raise TransitionInvalide(refus[1])
