"""Collective sessions: the list, a session (invitations, attendance, sheet), creation. Every
page reads through `Atelier.objects.visible_to(user)`; a partner leading a session sees the names
of the people invited and nothing else."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.audit import log_access
from accounts.permissions import role_required
from participants.models import Participant
from plie_portal.fichiers import telecharger

from ..models import Atelier, Invitation, Parcours, Presence
from .forms import AtelierForm, FeuilleForm, InvitationsForm, PresencesForm

ROLES = ("coordination", "referent", "partenaire")
ROLES_CREATION = ("coordination", "referent")


@role_required(*ROLES)
def liste(request):
    """The sessions the user may see, upcoming first then past."""
    ateliers = Atelier.objects.visible_to(request.user).select_related("structure")
    a_venir = request.GET.get("periode") != "passes"
    maintenant = timezone.now()
    ateliers = (
        ateliers.filter(debut__gte=maintenant).order_by("debut", "id")
        if a_venir
        else ateliers.filter(debut__lt=maintenant).order_by("-debut", "-id")
    )
    page = Paginator(ateliers, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "parcours/ateliers/liste.html",
        {
            "page_obj": page,
            "ateliers": page.object_list,
            "a_venir": a_venir,
            "peut_creer": request.user.effective_role in ROLES_CREATION,
        },
    )


@role_required(*ROLES_CREATION)
def creer(request):
    form = AtelierForm(request.POST or None, initial={"structure": request.user.structure_id})
    if request.method == "POST" and form.is_valid():
        form.instance.cree_par = request.user
        atelier = form.save()
        messages.success(request, _("Atelier créé : invitez maintenant les participants."))
        return redirect("parcours:atelier", atelier.pk)
    return render(request, "parcours/ateliers/form.html", {"form": form})


def _invitables(request, atelier):
    """Open, entered participations of people the user may open, not invited yet, matching `q`."""
    personnes = Participant.objects.visible_to(request.user)
    if terme := request.GET.get("q", "").strip():
        personnes = personnes.recherche(terme)
    elif request.user.effective_role == "referent":
        personnes = personnes.filter(referent=request.user)  # their caseload, before any search
    return (
        Parcours.objects.ouverts()
        .filter(date_entree__isnull=False, participant__in=personnes)
        .exclude(invitations__atelier=atelier)
        .select_related("participant")
        .order_by("participant__nom", "participant__prenom", "pk")
    )


@role_required(*ROLES)
def detail(request, pk):
    """A session: what, when, where; its invitations (names; the record's link for who may open
    it) and their attendance; inviting, recording attendance, uploading the signed sheet."""
    user = request.user
    atelier = get_object_or_404(Atelier.objects.visible_to(user).select_related("structure", "cree_par"), pk=pk)
    modifiable = Atelier.objects.modifiables_par(user).filter(pk=pk).exists()
    invitations = list(atelier.invitations.select_related("parcours__participant"))
    ouvrables = (
        set(
            Participant.objects.visible_to(user)
            .filter(pk__in=[i.parcours.participant_id for i in invitations])
            .values_list("pk", flat=True)
        )
        if user.effective_role != "partenaire"
        else set()
    )
    if user.effective_role == "referent" and not modifiable:
        # A referent of another structure sees their own people only, and how many others came.
        autres = sum(1 for i in invitations if i.parcours.participant_id not in ouvrables)
        invitations = [i for i in invitations if i.parcours.participant_id in ouvrables]
    else:
        autres = 0
    log_access(request, "consultation", atelier)
    presences = PresencesForm(invitations=invitations) if modifiable and invitations else None
    invitables = None
    if user.effective_role in ROLES_CREATION and (modifiable or user.effective_role == "referent"):
        invitables = list(_invitables(request, atelier)[:50])
    return render(
        request,
        "parcours/ateliers/detail.html",
        {
            "atelier": atelier,
            "invitations": invitations,
            "ouvrables": ouvrables,
            "autres": autres,
            "modifiable": modifiable,
            "presences": presences,
            "invitables": invitables,
            "q": request.GET.get("q", ""),
            "choix_presence": Presence.choices,
        },
    )


@role_required(*ROLES_CREATION)
def inviter(request, pk):
    atelier = get_object_or_404(Atelier.objects.visible_to(request.user), pk=pk)
    form = InvitationsForm(request.POST or None, parcours=_invitables(request, atelier))
    if request.method == "POST" and form.is_valid():
        choisis = form.cleaned_data["parcours"]
        Invitation.objects.bulk_create(
            [Invitation(atelier=atelier, parcours=p) for p in choisis], ignore_conflicts=True
        )
        messages.success(
            request,
            ngettext("%(n)d personne invitée.", "%(n)d personnes invitées.", len(choisis)) % {"n": len(choisis)},
        )
    else:
        for erreur in form.errors.get("parcours", []):
            messages.error(request, erreur)
    return redirect("parcours:atelier", atelier.pk)


@role_required(*ROLES)
def presences(request, pk):
    atelier = get_object_or_404(Atelier.objects.modifiables_par(request.user), pk=pk)
    invitations = list(atelier.invitations.select_related("parcours__participant"))
    form = PresencesForm(request.POST or None, invitations=invitations)
    if request.method == "POST" and invitations and form.is_valid():
        n = form.enregistrer()
        messages.success(
            request, ngettext("%(n)d présence enregistrée.", "%(n)d présences enregistrées.", n) % {"n": n}
        )
    return redirect("parcours:atelier", atelier.pk)


@role_required(*ROLES)
def feuille(request, pk):
    """Upload (POST) or download (GET, logged) the signed attendance sheet."""
    if request.method == "POST":
        atelier = get_object_or_404(Atelier.objects.modifiables_par(request.user), pk=pk)
        ancienne = atelier.feuille_signee.name
        form = FeuilleForm(request.POST, request.FILES, instance=atelier)
        if form.is_valid() and request.FILES.get("feuille_signee"):
            with transaction.atomic():
                form.save()
                if ancienne:
                    transaction.on_commit(lambda: atelier.feuille_signee.storage.delete(ancienne))
            messages.success(request, _("Feuille d'émargement signée enregistrée."))
        else:
            erreurs = form.errors.get("feuille_signee") or [_("Choisissez le fichier de la feuille signée.")]
            for erreur in erreurs:
                messages.error(request, erreur)
        return redirect("parcours:atelier", atelier.pk)
    atelier = get_object_or_404(Atelier.objects.modifiables_par(request.user).exclude(feuille_signee=""), pk=pk)
    reponse = telecharger(atelier.feuille_signee)
    log_access(request, "telechargement", atelier)
    return reponse
