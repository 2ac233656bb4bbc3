"""The right-of-access PDF, produced in the background like every PDF (reports app)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.kinds import register
from reports.kinds.participants import ParticipantKind, participant_visible
from reports.pdf import rendre_pdf

from .droit_acces import donnees_participant


@register
class DroitAcces(ParticipantKind):
    """Coordination and the DPO: everything held about a participant (RGPD article 15)."""

    code = "droit_acces"
    label = _("Droit d'accès (RGPD)")
    description = _("Toutes les données détenues sur un participant, pour répondre à sa demande d'accès.")
    roles = frozenset({"coordination", "dpo"})

    def ecrire(self, rapport, progress, sortie):
        participant = participant_visible(rapport.demandeur, rapport.parametres)
        progress(30, _("Rassemblement des données"))
        donnees = donnees_participant(participant)
        progress(70, _("Mise en page"))
        contexte = {"titre": donnees["titre"], "genere_le": timezone.now(), "donnees": donnees}
        rendre_pdf("rgpd/pdf/droit_acces.html", contexte, sortie)
