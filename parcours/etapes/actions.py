"""A step's named transitions taken by a user, whatever the channel: the page
(`etapes.views.transition`) and the API (`api.views.etapes`) go through these three functions, so
that who may act, the checks and the referent's notice are the same on both."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from participants.models import Participant

from ..models import Etape
from ..notifications import notifier_suivi_etape
from .forms import FORMULAIRES

# What a step page and the API read beside the step.
CHARGEES = ("parcours__participant__commune", "parcours__referent", "type", "structure")


def avec_portail(etapes):
    """Annotate `a_portail` (the structure answers its steps on the portal): what
    `Etape.actions_possibles` would otherwise ask once per step."""
    from accounts.models import Role, User

    actifs = User.objects.filter(structure=OuterRef("structure"), role=Role.PARTENAIRE, is_active=True)
    return etapes.annotate(a_portail=Exists(actifs))


def etapes_modifiables(user):
    """Steps of the participants `user` may change (coordination: all, referent: their own)."""
    return Etape.objects.filter(parcours__participant__in=Participant.objects.editable_by(user)).select_related(
        *CHARGEES
    )


def etapes_actionnables(user):
    """The steps `user` may act on: a partner their structure's (inside the window), a referent or
    coordination those of the participants they may change."""
    if user.is_partenaire:
        return Etape.objects.visible_to(user).select_related(*CHARGEES)
    return etapes_modifiables(user)


def refus_de_l_action(etape, user, action):
    """Why `user` may not take `action` on `etape` now (a French sentence), or None when they may.
    Raises PermissionDenied when their role never takes it on a step of this structure."""
    a_portail = etape.structure.a_un_utilisateur_portail()
    if action in etape.actions_possibles(user, a_portail):
        return None
    if action not in etape.actions_du_role(user, a_portail):
        raise PermissionDenied
    return _("Cette action n'est pas possible pour une étape « %(statut)s ».") % {"statut": etape.get_statut_display()}


def formulaire_de_l_action(etape, action, donnees, prefixe=True):
    """The page's form of `action`, bound to `donnees` (prefixed by the action name on the page)."""
    options = {} if prefixe else {"prefix": None}
    return FORMULAIRES[action](donnees, etape=etape, **options)


def appliquer(form, etape, user, action):
    """Apply a valid form's transition and tell the referent, all or nothing; False with the
    reasons on the form when the model refuses it."""
    try:
        with transaction.atomic():
            form.appliquer(user)
            if action != "annuler":
                notifier_suivi_etape(etape, user)
    except ValidationError as erreur:
        for message in erreur.messages:
            form.add_error(None, message)
        return False
    return True
