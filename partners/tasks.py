"""Background emails of the partner network (enqueued after commit, rehydrated from ids)."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from plie_portal.courriels import REPRISE, envoyer


@shared_task(**REPRISE)
def envoyer_invitation(user_id, base_url, invite_par):
    """Email an invited account the link to choose its password; nothing once it has one."""
    from .services import lien_mot_de_passe

    user = get_user_model().objects.select_related("structure").filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return False
    corps = _(
        "Bonjour,\n\n%(par)s vous a ouvert un compte sur le Portail PLIE de la Métropole Rouen Normandie "
        "(%(structure)srôle : %(role)s).\n\nChoisissez votre mot de passe en ouvrant ce lien :\n%(lien)s\n\n"
        "Votre identifiant est votre adresse e-mail : %(email)s.\n\nL'équipe du PLIE"
    ) % {
        "par": invite_par,
        "structure": f"{user.structure}, " if user.structure else "",
        "role": user.get_role_display(),
        "lien": lien_mot_de_passe(user, base_url),
        "email": user.email,
    }
    envoyer(_("Votre compte sur le Portail PLIE"), corps, [user.email])
    return True
