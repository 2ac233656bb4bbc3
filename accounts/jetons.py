"""The one kind of personal link the portal e-mails (first password, sign-up confirmation,
invitation of a colleague): Django's password-reset tokens, which expire after
PASSWORD_RESET_TIMEOUT and die once the password or the last login changes; a salt per use, so
that a link made for one purpose opens nothing else."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode


class JetonDeLien(PasswordResetTokenGenerator):
    """Django's token generator under a salt of its own."""

    def __init__(self, usage):
        super().__init__()
        self.key_salt = f"portail-plie.accounts.jetons.{usage}"


# The first password of an invited partner goes through Django's own reset page and token.
MOT_DE_PASSE = default_token_generator
INSCRIPTION = JetonDeLien("inscription")
INVITATION = JetonDeLien("invitation")


def parametres_du_lien(user, jeton=MOT_DE_PASSE):
    """The `uidb64` and `token` URL arguments of a personal link for `user`."""
    return {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": jeton.make_token(user)}


def utilisateur_du_lien(uidb64, token, jeton=MOT_DE_PASSE, **filtres):
    """The user a link was made for, among those matching `filtres`; None when it is forged,
    expired or already used."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = get_user_model().objects.filter(pk=pk, **filtres).first()
    return user if user is not None and jeton.check_token(user, token) else None
