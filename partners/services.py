"""Actions of coordination on the users of structures."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def lien_mot_de_passe(user, base_url):
    """The one-time link with which `user` chooses a password (Django's reset tokens)."""
    chemin = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{base_url.rstrip('/')}{chemin}"


def envoyer_invitation(user, base_url, invite_par):
    """Email the invitation once the account is committed (the token depends on the saved user)."""

    def envoyer():
        corps = _(
            "Bonjour,\n\n%(par)s vous a ouvert un compte sur le Portail PLIE de la Métropole Rouen Normandie "
            "(%(structure)s, rôle : %(role)s).\n\nChoisissez votre mot de passe en ouvrant ce lien :\n%(lien)s\n\n"
            "Votre identifiant est votre adresse e-mail : %(email)s.\n\nL'équipe du PLIE"
        ) % {
            "par": invite_par,
            "structure": user.structure,
            "role": user.get_role_display(),
            "lien": lien_mot_de_passe(user, base_url),
            "email": user.email,
        }
        send_mail(_("Votre compte sur le Portail PLIE"), corps, settings.DEFAULT_FROM_EMAIL, [user.email])

    transaction.on_commit(envoyer)


@transaction.atomic
def reaffecter_portefeuille(ancien, nouveau):
    """Move every participant followed by `ancien`, and their open parcours, to `nouveau` at once.

    Saved one by one (not `update()`) so that the change history records each move.
    """
    from notifications.services import notifier_reaffectation
    from parcours.models import Parcours
    from participants.models import Participant

    participants = list(Participant.objects.filter(referent=ancien).select_for_update())
    for participant in participants:
        participant.referent = nouveau
        participant.save()
    parcours = list(Parcours.objects.ouverts().filter(referent=ancien).select_for_update())
    for p in parcours:
        p.referent = nouveau
        p.save()
    if participants or parcours:
        notifier_reaffectation(nouveau, len(participants), ancien)
    return len(participants), len(parcours)
