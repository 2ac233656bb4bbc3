"""Staff login through the Métropole's OpenID Connect provider (ProConnect is a federation of
them), with mozilla-django-oidc. Off unless configured (`connexion_oidc_active`).

The provider never creates an account: the portal's active account of a staff role with the same
e-mail is the one logged in, or nobody. Its login counts as the second factor only when the
provider says it used two (`acr` among PLIE_OIDC_ACR_DEUX_FACTEURS, or `mfa` in `amr`);
otherwise the portal's own second factor is asked as after a password."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import otp
from .backends import PortailBackend
from .models import Role

# Who may log in through the provider: public agents of the Métropole and its partners' referents.
ROLES_OIDC = (Role.COORDINATION, Role.INSTRUCTEUR, Role.REFERENT)


def connexion_oidc_active():
    """Whether a provider is configured (its endpoints and the portal's client id)."""
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


def deux_facteurs(claims):
    """Whether the provider's ID token says the person gave two factors."""
    return claims.get("acr") in settings.PLIE_OIDC_ACR_DEUX_FACTEURS or "mfa" in (claims.get("amr") or ())


class ProConnectBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, matching accounts by e-mail and creating none."""

    def __init__(self, *args, **kwargs):
        # Listed in AUTHENTICATION_BACKENDS for good: unconfigured, it answers nothing (the library
        # would refuse to start without a provider).
        self.actif = connexion_oidc_active()
        if self.actif:
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        return super().authenticate(request, **kwargs) if self.actif else None

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True, role__in=ROLES_OIDC)

    def create_user(self, claims):
        return None

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            user.oidc_deux_facteurs = deux_facteurs(payload)
        return user

    def get_user(self, user_id):
        return PortailBackend().get_user(user_id)


@method_decorator(login_not_required, name="dispatch")
class Connexion(OIDCAuthenticationRequestView):
    """`/comptes/proconnect/` : off to the provider (a 404 when none is configured)."""

    def __init__(self, *args, **kwargs):
        if connexion_oidc_active():
            super().__init__(*args, **kwargs)

    def get(self, request):
        if not connexion_oidc_active():
            raise Http404
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class Retour(OIDCAuthenticationCallbackView):
    """The provider's answer: the matching account logged in, or the reason it is not."""

    def get(self, request):
        if not connexion_oidc_active():
            raise Http404
        return super().get(request)

    def login_success(self):
        reponse = super().login_success()
        if getattr(self.user, "oidc_deux_facteurs", False):
            otp.verifier_par_le_fournisseur(self.request, self.user)
        else:
            # The library keeps the session of a user logging in again: an earlier two-factor
            # login must not outlive a later one-factor one.
            self.request.session.pop(otp.CLE_FOURNISSEUR, None)
        return reponse

    def login_failure(self):
        messages.error(
            self.request,
            _(
                "La connexion par %(fournisseur)s n'a pas abouti : aucun compte actif du portail ne correspond à "
                "cette adresse e-mail, ou la connexion a été interrompue. Connectez-vous avec votre mot de passe, "
                "ou demandez à la coordination du PLIE de créer votre compte."
            )
            % {"fournisseur": settings.PLIE_OIDC_LIBELLE},
        )
        return redirect("accounts:login")
