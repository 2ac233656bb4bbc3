"""Applicant accounts: sign-up with email verification, invitation of a colleague."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import jetons
from accounts.jetons import parametres_du_lien, utilisateur_du_lien
from accounts.models import Role, User
from plie_portal.courriels import envoyer_apres_commit

from ..forms import ActivationInvitationForm, DecisionAdhesionForm, InscriptionForm, InvitationForm
from ..models import DemandeAdhesion, StatutDemande, TransitionInvalide
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
    """Sign-up of an applicant: an inactive account and the organisation it claims, kept apart until
    the address is verified. The answer is the same whether or not the address has an account."""
    form = InscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            existant = User.objects.filter(email__iexact=data["email"]).first()
            if existant is not None:
                # Told to the address itself, never on the page; the password is hashed all the same,
                # so that the answer takes as long as a real sign-up.
                make_password(data["password1"])
                envoyer_lien(
                    request,
                    existant,
                    _("Un compte existe déjà avec votre adresse"),
                    _(
                        "Bonjour, une inscription au Portail PLIE vient d'être demandée avec votre adresse, qui a déjà "
                        "un compte. Si c'était vous, connectez-vous ou choisissez un nouveau mot de passe :"
                    ),
                    reverse("accounts:password_reset"),
                )
            else:
                user = User(
                    email=data["email"],
                    first_name=data["prenom"],
                    last_name=data["nom"],
                    role=Role.PORTEUR,
                    is_active=False,
                )
                user.set_password(data["password1"])
                user.save()
                DemandeAdhesion.objects.create(
                    utilisateur=user,
                    structure_nom=data["structure_nom"],
                    siret=data["siret"] or "",
                    rna=data["rna"] or "",
                    commune=data.get("commune"),
                )
                url = reverse(
                    "aap_invisibles:inscription_verifier", kwargs=parametres_du_lien(user, jetons.INSCRIPTION)
                )
                envoyer_lien(
                    request,
                    user,
                    _("Confirmez votre adresse e-mail"),
                    _("Bonjour, confirmez votre adresse e-mail pour activer votre compte de porteur de projet :"),
                    url,
                )
        return render(request, "aap_invisibles/comptes/inscription_envoyee.html", {"email": data["email"]})
    return render(request, "aap_invisibles/comptes/inscription.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def inscription_verifier(request, uidb64, token):
    """The link of the email: GET shows a button, POST confirms (mail scanners confirm nothing). A new
    organisation is created with the account; one already on the portal waits for its members."""
    user = utilisateur_invite(uidb64, token, jetons.INSCRIPTION)
    demande = getattr(user, "demande_adhesion", None)
    if demande is None or demande.statut not in (StatutDemande.A_VERIFIER, StatutDemande.A_APPROUVER):
        raise Http404
    if request.method == "POST":
        deja_confirmee = demande.statut == StatutDemande.A_APPROUVER
        if demande.confirmer_adresse() == StatutDemande.ACCEPTEE:
            messages.success(request, _("Votre adresse est confirmée : vous pouvez vous connecter."))
            return redirect("accounts:login")
        if not deja_confirmee:  # the link followed twice does not write to the members twice
            prevenir_les_membres(request, demande)
        return render(request, "aap_invisibles/comptes/adhesion_en_attente.html", {"demande": demande})
    return render(request, "aap_invisibles/comptes/verifier.html", {"compte": user})


def prevenir_les_membres(request, demande):
    """Tell the organisation's active members (coordination when it has none) that someone asks to join."""
    membres = list(
        User.objects.filter(structure=demande.structure, role=Role.PORTEUR, is_active=True).values_list(
            "email", flat=True
        )
    ) or list(User.objects.filter(role=Role.COORDINATION, is_active=True).values_list("email", flat=True))
    envoyer_apres_commit(
        _("Demande d'adhésion à %(structure)s") % {"structure": demande.structure},
        _(
            "%(qui)s (%(email)s) demande à rejoindre %(structure)s sur le Portail PLIE. Acceptez ou refusez la "
            "demande :\n\n%(url)s\n"
        )
        % {
            "qui": demande.utilisateur.get_full_name(),
            "email": demande.utilisateur.email,
            "structure": demande.structure,
            "url": request.build_absolute_uri(reverse("aap_invisibles:adhesions")),
        },
        membres,
    )


@require_http_methods(["GET"])
def adhesions(request):
    """The requests to join the organisation (coordination: of every organisation), to decide."""
    exiger_role(request, Role.PORTEUR, Role.COORDINATION)
    demandes = DemandeAdhesion.objects.a_decider_par(request.user).select_related("utilisateur", "structure")
    return render(request, "aap_invisibles/comptes/adhesions.html", {"demandes": demandes})


@require_http_methods(["POST"])
def adhesion_decider(request, pk):
    """Accept or refuse one request; the applicant is told by e-mail."""
    exiger_role(request, Role.PORTEUR, Role.COORDINATION)
    demande = get_object_or_404(DemandeAdhesion.objects.a_decider_par(request.user), pk=pk)
    form = DecisionAdhesionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez d'accepter ou de refuser la demande."))
        return redirect("aap_invisibles:adhesions")
    accepter = form.cleaned_data["decision"] == "accepter"
    try:
        # The decision and the e-mail that tells it, in one transaction.
        with transaction.atomic():
            demande.decider(request.user, accepter)
            envoyer_apres_commit(
                _("Votre demande d'adhésion à %(structure)s") % {"structure": demande.structure},
                (
                    _("Votre demande est acceptée : vous pouvez vous connecter au Portail PLIE.\n\n%(url)s\n")
                    % {"url": request.build_absolute_uri(reverse("accounts:login"))}
                    if accepter
                    else _("Votre demande n'a pas été acceptée. Pour en savoir plus, contactez l'organisation.")
                ),
                [demande.utilisateur.email],
            )
    except TransitionInvalide as exc:
        # Decided meanwhile by another member or by coordination: said, nothing written twice.
        messages.error(request, exc.message)
        return redirect("aap_invisibles:adhesions")
    if accepter:
        messages.success(request, _("%(qui)s a rejoint l'organisation.") % {"qui": demande.utilisateur})
    else:
        messages.success(request, _("La demande de %(qui)s est refusée.") % {"qui": demande.utilisateur})
    return redirect("aap_invisibles:adhesions")


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
    return render(
        request,
        "aap_invisibles/comptes/invitation.html",
        {
            "form": form,
            "membres": membres,
            "demandes_en_attente": DemandeAdhesion.objects.a_decider_par(request.user).count(),
        },
    )


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
