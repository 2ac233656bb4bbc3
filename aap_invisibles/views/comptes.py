"""Applicant accounts: sign-up with email verification, invitation of a colleague."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import jetons
from accounts.jetons import parametres_du_lien, utilisateur_du_lien
from accounts.models import Role, User
from partners.models import Structure, TypeStructure
from plie_portal.courriels import envoyer_apres_commit

from ..forms import ActivationInvitationForm, InscriptionForm, InvitationForm
from .base import exiger_role


def utilisateur_invite(uidb64, token, jeton):
    """The inactive account a link of the e-mail was made for; 404 once used, expired or forged."""
    user = utilisateur_du_lien(uidb64, token, jeton, is_active=False)
    if user is None:
        raise Http404
    return user


def envoyer_lien(request, user, sujet, texte, url):
    envoyer_apres_commit(sujet, f"{texte}\n\n{request.build_absolute_uri(url)}\n", [user.email])


@login_not_required
@require_http_methods(["GET", "POST"])
def inscription(request):
    """Sign-up of an applicant organisation; the account stays inactive until the email is verified."""
    form = InscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            structure = Structure.objects.create(
                nom=data["structure_nom"],
                type=TypeStructure.ASSOCIATION,
                siret=data["siret"] or None,
                rna=data["rna"] or None,
                commune=data.get("commune"),
                email=data["email"],
                partenaire_plie=False,
            )
            user = User(
                email=data["email"],
                first_name=data["prenom"],
                last_name=data["nom"],
                role=Role.PORTEUR,
                structure=structure,
                is_active=False,
            )
            user.set_password(data["password1"])
            user.save()
            url = reverse("aap_invisibles:inscription_verifier", kwargs=parametres_du_lien(user, jetons.INSCRIPTION))
            envoyer_lien(
                request,
                user,
                _("Confirmez votre adresse e-mail"),
                _("Bonjour, confirmez votre adresse e-mail pour activer votre compte de porteur de projet :"),
                url,
            )
        return render(request, "aap_invisibles/comptes/inscription_envoyee.html", {"email": user.email})
    return render(request, "aap_invisibles/comptes/inscription.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def inscription_verifier(request, uidb64, token):
    """The link of the email: GET shows a button, POST activates (mail scanners do not activate)."""
    user = utilisateur_invite(uidb64, token, jetons.INSCRIPTION)
    if request.method == "POST":
        user.is_active = True
        user.save(update_fields=["is_active"])
        messages.success(request, _("Votre adresse est confirmée : vous pouvez vous connecter."))
        return redirect("accounts:login")
    return render(request, "aap_invisibles/comptes/verifier.html", {"compte": user})


@require_http_methods(["GET", "POST"])
def invitation(request):
    """A member of an applicant organisation invites a colleague by email."""
    exiger_role(request, Role.PORTEUR)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User(
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["prenom"],
                last_name=form.cleaned_data["nom"],
                role=Role.PORTEUR,
                structure_id=request.user.structure_id,
                is_active=False,
            )
            user.set_unusable_password()
            user.save()
            url = reverse("aap_invisibles:invitation_accepter", kwargs=parametres_du_lien(user, jetons.INVITATION))
            envoyer_lien(
                request,
                user,
                _("Invitation au Portail PLIE"),
                _("%(qui)s vous invite à rejoindre %(structure)s sur le Portail PLIE. Choisissez votre mot de passe :")
                % {"qui": request.user.get_full_name() or request.user.email, "structure": request.user.structure},
                url,
            )
        messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": user.email})
        return redirect("aap_invisibles:mes_dossiers")
    membres = User.objects.filter(structure_id=request.user.structure_id, role=Role.PORTEUR).order_by("email")
    return render(request, "aap_invisibles/comptes/invitation.html", {"form": form, "membres": membres})


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accepter(request, uidb64, token):
    """The invited colleague chooses a password; the account becomes active."""
    user = utilisateur_invite(uidb64, token, jetons.INVITATION)
    form = ActivationInvitationForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["password1"])
        user.is_active = True
        user.save()
        messages.success(request, _("Votre compte est activé : vous pouvez vous connecter."))
        return redirect("accounts:login")
    return render(request, "aap_invisibles/comptes/invitation_accepter.html", {"form": form, "compte": user})
