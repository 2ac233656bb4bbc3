"""Creation and edition of a participant record (duplicate warning), and merge of two records."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.audit import log_access
from accounts.permissions import role_required
from parcours.models import TransitionInvalide

from ..forms import FusionForm, ParticipantForm
from ..fusion import fusionner, verifier_fusion
from ..models import Participant
from ..notifications import notifier_affectation

ROLES_EDITION = ("coordination", "referent")


def _formulaire(request, form, participant=None):
    return render(
        request,
        "participants/formulaire.html",
        {
            "form": form,
            "participant": participant,
            "homonymes_visibles": form.homonymes_visibles,
            "homonymes_autres": form.homonymes_autres,
        },
    )


def _notifier_si_affecte(participant, ancien_referent_id, par):
    """Tell the new referent, unless they assigned the participant to themselves."""
    if participant.referent_id and participant.referent_id not in (ancien_referent_id, par.pk):
        notifier_affectation(participant, participant.referent)


@role_required(*ROLES_EDITION)
def creer(request):
    form = ParticipantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            participant = form.save(commit=False)
            participant.cree_par = request.user
            if request.user.effective_role == "referent":
                participant.referent = request.user
            participant.save()
            _notifier_si_affecte(participant, ancien_referent_id=None, par=request.user)
        messages.success(request, _("La fiche de %(nom)s a été créée.") % {"nom": participant})
        return redirect("participants:detail", pk=participant.pk)
    return _formulaire(request, form)


@role_required(*ROLES_EDITION)
def modifier(request, pk):
    participant = get_object_or_404(Participant.objects.editable_by(request.user), pk=pk)
    ancien_referent_id = participant.referent_id
    form = ParticipantForm(request.POST or None, instance=participant, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            enregistre = form.enregistrer()
            if enregistre is not None:
                _notifier_si_affecte(participant, ancien_referent_id, par=request.user)
                log_access(request, "modification", participant)
        if enregistre is not None:
            messages.success(request, _("La fiche a été enregistrée."))
            return redirect("participants:detail", pk=participant.pk)
    # The form shows the whole record: a consultation, as the record's page.
    log_access(request, "consultation", participant, description=_("Fiche en modification"))
    return _formulaire(request, form, participant)


@role_required("coordination")
def fusionner_fiches(request):
    """Step 1: choose the two records; step 2: confirm; then merge in one transaction."""
    donnees = request.POST if request.method == "POST" else (request.GET if "absorbe" in request.GET else None)
    form = FusionForm(donnees, initial={"conserve": request.GET.get("conserve")})
    context = {"form": form}
    if form.is_bound and form.is_valid():
        conserve, absorbe = form.cleaned_data["fiche_conservee"], form.cleaned_data["fiche_absorbee"]
        context.update(conserve=conserve, absorbe=absorbe)
        try:
            verifier_fusion(conserve, absorbe)
        except TransitionInvalide as erreur:
            form.add_error(None, erreur.messages[0])
            return render(request, "participants/fusion.html", context)
        if request.method == "POST" and request.POST.get("confirmer") == "1":
            try:
                fusion = fusionner(conserve, absorbe, request.user)
            except TransitionInvalide as erreur:
                form.add_error(None, erreur.messages[0])
                return render(request, "participants/fusion.html", context)
            log_access(request, "modification", conserve, description=str(fusion)[:255])
            messages.success(request, _("Les deux fiches ont été fusionnées."))
            return redirect("participants:detail", pk=conserve.pk)
        context.update(
            confirmation=True,
            parcours_conserve=list(conserve.parcours.all()),
            parcours_absorbe=list(absorbe.parcours.all()),
            documents_absorbe=absorbe.documents.count(),
        )
        return render(request, "participants/fusion.html", context)
    conserve_id = request.GET.get("conserve")
    if conserve_id and conserve_id.isdigit():
        fiche = Participant.objects.filter(pk=conserve_id).first()
        if fiche is not None:
            context["suggestions"] = list(
                Participant.objects.homonymes(fiche.nom, fiche.prenom, fiche.date_naissance)
                .exclude(pk=fiche.pk)
                .select_related("commune")
            )
            context["fiche"] = fiche
    return render(request, "participants/fusion.html", context)
