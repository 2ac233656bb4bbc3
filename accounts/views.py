"""Account security pages: second factor enrolment and verification, backup codes."""

from datetime import timedelta

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from plie_portal.agenda import calendrier, evenements_de
from plie_portal.redirections import adresse_suivante
from plie_portal.session import inactivity_timeout, refresh_expiry

from . import otp
from .filters import TRIS, AccesDonneesFilter
from .forms import CodeVerificationForm, JetonForm
from .models import AccesDonnees, JetonPersonnel, Role
from .oidc import connexion_oidc_active
from .permissions import RoleRequiredMixin


@otp.second_factor_exempt
@never_cache
@sensitive_post_parameters("code")
def verification(request):
    """Second step of the login: a code from the application or a backup code."""
    if request.user.is_verified():
        return redirect(adresse_suivante(request) or "home")
    if not otp.has_confirmed_device(request.user):
        return redirect("accounts:otp_enrolement")
    form = CodeVerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            if device.name == otp.NOM_CODES_SECOURS:
                messages.warning(
                    request,
                    _("Vous avez utilisé un code de secours ; il vous en reste %(n)d.")
                    % {"n": otp.backup_codes_left(request.user)},
                )
            return redirect(adresse_suivante(request) or "home")
        form.add_error("code", _("Code incorrect ou expiré. Réessayez avec le code affiché maintenant."))
    return render(request, "accounts/otp_verification.html", {"form": form, "next": adresse_suivante(request)})


@otp.second_factor_exempt
@never_cache
@sensitive_post_parameters("code")
def enrolement(request):
    """Enrol an authenticator application: QR code or secret key, then a first code to confirm."""
    user = request.user
    # With a password alone, nobody may replace an enrolled device: verify first.
    if otp.has_confirmed_device(user) and not user.is_verified():
        return redirect("accounts:otp_verification")
    device = otp.pending_totp_device(user, request.session)
    form = CodeVerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            otp.confirm_totp_device(user, device, request.session)
            codes = otp.new_backup_codes(user)
            django_otp.login(request, device)
            messages.success(request, _("La double authentification est activée."))
            return render(
                request, "accounts/otp_codes_secours.html", {"codes": codes, "next": adresse_suivante(request)}
            )
        form.add_error("code", _("Ce code ne correspond pas. Vérifiez l'heure de votre téléphone et réessayez."))
    context = {
        "form": form,
        "qr_code": otp.qr_code_data_uri(device),
        "secret": otp.secret_key_text(device),
        "obligatoire": otp.second_factor_required(user),
        "next": adresse_suivante(request),
    }
    return render(request, "accounts/otp_enrolement.html", context)


class Connexion(LoginView):
    """Django's login page, offering the identity provider's button when one is configured."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "oidc_actif": connexion_oidc_active(),
            "oidc_libelle": settings.PLIE_OIDC_LIBELLE,
        }


@never_cache
def securite(request):
    """The user's second factor: state, backup codes left, renewal, deactivation if optional."""
    user = request.user
    context = {
        "active": otp.has_confirmed_device(user),
        "obligatoire": otp.second_factor_required(user),
        "codes_restants": otp.backup_codes_left(user),
    }
    return render(request, "accounts/securite.html", context)


@require_POST
@never_cache
def codes_secours(request):
    """New backup codes (the previous ones stop working), shown once."""
    if not request.user.is_verified():
        raise PermissionDenied
    codes = otp.new_backup_codes(request.user)
    return render(request, "accounts/otp_codes_secours.html", {"codes": codes, "next": ""})


@require_POST
def desactiver(request):
    """Remove the second factor of a user whose role does not require it."""
    # The gate already demands the second factor from a user who has a device.
    if otp.second_factor_required(request.user):
        raise PermissionDenied
    otp.disable_second_factor(request.user)
    messages.success(request, _("La double authentification est désactivée."))
    return redirect("accounts:securite")


@require_POST
@never_cache
def prolonger_session(request):
    """Keep-alive of the "Votre session va expirer" dialog: a real activity, the session goes on."""
    refresh_expiry(request, force=True)
    return JsonResponse({"secondes": inactivity_timeout(request.user)})


class JournalAcces(RoleRequiredMixin, ListView):
    """Coordination and the DPO: who viewed, exported or downloaded which personal data, and when."""

    allowed_roles = (Role.COORDINATION, Role.DPO)
    template_name = "accounts/acces.html"
    context_object_name = "acces"
    paginate_by = 25

    def get_tri(self):
        tri = self.request.GET.get("tri", "-le")
        return tri if tri in TRIS else "-le"

    def get_queryset(self):
        objet_types = AccesDonnees.objects.order_by("objet_type").values_list("objet_type", flat=True).distinct()
        self.filterset = AccesDonneesFilter(
            self.request.GET or None, queryset=AccesDonnees.objects.all(), objet_types=list(objet_types)
        )
        queryset = self.filterset.qs if self.filterset.is_bound else AccesDonnees.objects.all()
        return queryset.order_by(*TRIS[self.get_tri()])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(filtre=self.filterset, tri=self.get_tri())
        return context


# Who has a calendar: the roles whose interviews, sessions or hearings the portal plans.
ROLES_AGENDA = (Role.COORDINATION, Role.REFERENT, Role.INSTRUCTEUR)
# Who the API gives data to beyond the public calls (api/): participants, parcours, steps.
ROLES_API = (Role.COORDINATION, Role.REFERENT, Role.PARTENAIRE)
CLE_SECRET_NEUF = "jeton_secret_neuf"


def _formulaires_jeton(user, lie=None):
    usages = []
    if user.has_role(*ROLES_API):
        usages.append(JetonPersonnel.Usage.API)
    if user.has_role(*ROLES_AGENDA):
        usages.append(JetonPersonnel.Usage.AGENDA)
    return {usage: lie if lie is not None and lie.usage == usage else JetonForm(usage=usage) for usage in usages}


@never_cache
def jetons(request):
    """The user's personal tokens (API, calendar): list, creation, revocation. A secret just
    created is shown once, from the session, then forgotten."""
    neuf = request.session.pop(CLE_SECRET_NEUF, None)
    if neuf:
        cree = request.user.jetons.filter(pk=neuf["pk"]).first()
        if cree is not None:
            return _page_jetons(request, secret=neuf["secret"], cree=cree)
    return _page_jetons(request)


def _page_jetons(request, lie=None, secret=None, cree=None, status=200):
    formulaires = _formulaires_jeton(request.user, lie)
    tous = list(request.user.jetons.all())
    context = {
        "sections": [
            {"usage": usage, "formulaire": form, "jetons": [j for j in tous if j.usage == usage]}
            for usage, form in formulaires.items()
        ],
        "secret": secret,
        "cree": cree,
        "adresse_agenda": request.build_absolute_uri(reverse("accounts:agenda", args=[secret]))
        if cree is not None and cree.usage == JetonPersonnel.Usage.AGENDA
        else "",
    }
    return render(request, "accounts/jetons.html", context, status=status)


@require_POST
@never_cache
def jeton_creer(request, usage):
    """Create a token; the page shows its secret this once."""
    if usage not in _formulaires_jeton(request.user):
        raise PermissionDenied
    form = JetonForm(request.POST, usage=usage)
    if not form.is_valid():
        return _page_jetons(request, lie=form, status=400)
    jeton, secret = JetonPersonnel.creer(
        request.user, usage, form.cleaned_data["nom"], timedelta(days=form.cleaned_data["duree"])
    )
    # Post/redirect/get: reloading the page does not create a second token.
    request.session[CLE_SECRET_NEUF] = {"pk": jeton.pk, "secret": secret}
    return redirect("accounts:jetons")


@require_POST
def jeton_revoquer(request, pk):
    """Revoke one of the user's own tokens (another's is a 404)."""
    jeton = get_object_or_404(request.user.jetons, pk=pk)
    jeton.revoquer()
    messages.success(request, _("Le jeton « %(nom)s » est révoqué : il ne fonctionne plus.") % {"nom": jeton.nom})
    return redirect("accounts:jetons")


@login_not_required
@never_cache
def agenda(request, secret):
    """A staff member's private calendar feed, opened by its secret (no session: calendar software
    polls it); a revoked, expired or unknown secret is a 404, as if the address never existed."""
    jeton = JetonPersonnel.objects.authentifier(secret, JetonPersonnel.Usage.AGENDA)
    if jeton is None or not jeton.utilisateur.has_role(*ROLES_AGENDA):
        raise Http404
    user = jeton.utilisateur
    contenu = calendrier(
        evenements_de(user), nom=_("Portail PLIE – %(nom)s") % {"nom": user.get_full_name() or user.email}
    )
    reponse = HttpResponse(contenu, content_type="text/calendar; charset=utf-8")
    reponse["Content-Disposition"] = 'inline; filename="agenda-portail-plie.ics"'
    return reponse
