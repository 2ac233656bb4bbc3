"""Steps: proposal and edit by the referent, answers and progress by the partner (or by the
referent for a structure without portal account). Every object is taken from a scoped queryset."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import log_access
from accounts.permissions import role_required
from participants.models import Participant
from plie_portal.redirections import adresse_suivante

from ..models import Etape, Parcours
from ..notifications import notifier_etape_proposee
from ..views.acces import fiche_url
from .actions import appliquer, etapes_actionnables, etapes_modifiables, formulaire_de_l_action, refus_de_l_action
from .forms import (
    FORMULAIRES,
    ModificationForm,
    PropositionForm,
)


@role_required("coordination", "referent", "partenaire")
def detail(request, pk):
    etape = get_object_or_404(
        Etape.objects.visible_to(request.user).select_related(
            "parcours__participant__commune", "parcours__referent", "type", "structure", "proposee_par"
        ),
        pk=pk,
    )
    return _rendre_detail(request, etape)


def _rendre_detail(request, etape, formulaire_lie=None, status=200):
    user = request.user
    participant = etape.parcours.participant
    log_access(request, "consultation", participant, description=f"Étape {etape.pk} : {etape.type}"[:255])
    modifiable = user.is_partenaire or participant.peut_modifier(user)
    a_portail = etape.structure.a_un_utilisateur_portail()
    formulaires = []
    if modifiable:
        for action in etape.actions_possibles(user, a_portail):
            if formulaire_lie is not None and formulaire_lie.action == action:
                formulaires.append(formulaire_lie)
            else:
                formulaires.append(FORMULAIRES[action](etape=etape))
    context = {
        "etape": etape,
        "participant": participant,
        "formulaires": formulaires,
        "modifiable": modifiable and not user.is_partenaire,
        "structure_a_portail": a_portail,
        # The transition log is part of the record's history, which a partner never sees.
        "transitions": None if user.is_partenaire else etape.transitions.select_related("par"),
    }
    return render(request, "parcours/etapes/detail.html", context, status=status)


@role_required("coordination", "referent")
def proposer(request, pk):
    parcours = get_object_or_404(
        Parcours.objects.ouverts()
        .filter(participant__in=Participant.objects.editable_by(request.user))
        .select_related("participant__commune"),
        pk=pk,
    )
    rafraichir = request.method == "POST" and "rafraichir" in request.POST
    if request.method == "POST" and not rafraichir:
        form = PropositionForm(request.POST, parcours=parcours)
        if form.is_valid():
            with transaction.atomic():
                etape = form.save(commit=False)
                etape.proposee_par = request.user
                etape.save()
                notifier_etape_proposee(etape)
            messages.success(
                request,
                _("L'étape « %(type)s » est proposée à %(structure)s.")
                % {"type": etape.type, "structure": etape.structure},
            )
            return redirect(fiche_url(parcours.participant))
    elif rafraichir:
        # Without JavaScript: the "update the list" button re-renders the form for the chosen type.
        form = PropositionForm(initial=request.POST.dict(), parcours=parcours)
    else:
        form = PropositionForm(initial={"type": request.GET.get("type")}, parcours=parcours)
    # HTMX refreshes the structures when the type changes; the button above does it without JS.
    form.fields["type"].widget.attrs.update({"hx-get": request.path, "hx-target": "#bloc-structure"})
    if request.htmx and request.method == "GET":
        return render(request, "parcours/etapes/_structures.html", {"form": form})
    return render(
        request,
        "parcours/etapes/proposer.html",
        {
            "form": form,
            "parcours": parcours,
            "participant": parcours.participant,
        },
    )


@role_required("coordination", "referent")
def modifier(request, pk):
    etape = get_object_or_404(etapes_modifiables(request.user), pk=pk)
    if not etape.est_ouverte:
        messages.error(request, _("Une étape close ne peut plus être modifiée."))
        return redirect("parcours:etape_detail", pk=etape.pk)
    form = ModificationForm(request.POST or None, instance=etape)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("L'étape est modifiée."))
        return redirect(fiche_url(etape.parcours.participant))
    return render(
        request,
        "parcours/etapes/modifier.html",
        {
            "form": form,
            "etape": etape,
            "participant": etape.parcours.participant,
        },
    )


@require_POST
@role_required("coordination", "referent", "partenaire")
def transition(request, pk, action):
    if action not in FORMULAIRES:
        raise Http404
    user = request.user
    etape = get_object_or_404(etapes_actionnables(user), pk=pk)
    refus = refus_de_l_action(etape, user, action)
    if refus:
        messages.error(request, refus)
        return redirect("parcours:etape_detail", pk=etape.pk)
    form = formulaire_de_l_action(etape, action, request.POST)
    if form.is_valid() and appliquer(form, etape, user, action):
        messages.success(
            request,
            _("Étape « %(type)s » : %(statut)s.") % {"type": etape.type, "statut": etape.get_statut_display().lower()},
        )
        return redirect(adresse_suivante(request, "suivant") or reverse("parcours:etape_detail", args=[etape.pk]))
    etape.refresh_from_db()
    return _rendre_detail(request, etape, formulaire_lie=form)
