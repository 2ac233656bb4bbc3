"""The expert's pages: the opinions asked of them, and one dossier with its question and the answer
form. Nothing else of the call: no other dossier, no thread, no annotation, no score."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.audit import log_access
from accounts.models import Role

from .. import forms as f
from ..models import DemandeAvis, Dossier, TransitionInvalide
from .base import exiger_role, paginer
from .dossier import contenu_dossier


def _demandes(request):
    exiger_role(request, Role.EXPERT)
    return DemandeAvis.objects.filter(
        expert=request.user, dossier__in=Dossier.objects.visible_to(request.user)
    ).select_related("dossier__appel", "dossier__porteur", "demandee_par")


@require_GET
def mes_avis(request):
    """The expert's home: each opinion asked, its due date, answered or not."""
    return render(request, "aap_invisibles/avis/mes_avis.html", {"page": paginer(request, _demandes(request))})


@require_http_methods(["GET", "POST"])
def avis(request, pk):
    demande = get_object_or_404(_demandes(request), pk=pk)
    form = f.ReponseAvisForm(request.POST or None, request.FILES or None, instance=demande)
    if request.method == "POST" and form.is_valid():
        try:
            d = form.cleaned_data
            demande.repondre(d["avis"], d["texte"], d.get("piece_jointe"))
        except TransitionInvalide as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Votre avis est transmis à l'équipe d'instruction. Merci."))
            return redirect("aap_invisibles:mes_avis")
    log_access(request, "consultation", demande.dossier, description=f"Avis demandé – {demande.dossier}"[:255])
    contexte = {**contenu_dossier(demande.dossier, pour_expert=True), "demande": demande, "form": form}
    return render(request, "aap_invisibles/avis/avis.html", contexte, status=400 if form.errors else 200)
