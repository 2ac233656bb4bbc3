"""Actions of coordination on the users of structures."""

from django.urls import reverse

from accounts.jetons import parametres_du_lien
from envois.services import mettre_en_file


def lien_mot_de_passe(user, base_url):
    """The one-time link with which `user` chooses a password (accounts.jetons)."""
    chemin = reverse("accounts:password_reset_confirm", kwargs=parametres_du_lien(user))
    return f"{base_url.rstrip('/')}{chemin}"


def envoyer_invitation(user, base_url, invite_par):
    """Enqueue the invitation email once the account is committed (the worker reads it by id)."""
    from .tasks import envoyer_invitation as tache

    mettre_en_file(tache, user.pk, base_url, str(invite_par))
