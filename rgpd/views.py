"""The right-of-access page (RGPD article 15): what the portal holds on a participant."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from accounts.audit import log_access
from accounts.models import AccesDonnees, Role
from accounts.permissions import role_required
from participants.models import Participant
from reports.kinds import get_kind

from .droit_acces import donnees_participant
from .forms import RechercheDemandeForm


@role_required(Role.DPO)
@never_cache
def accueil_dpo(request):
    """The DPO's home: find the person who asks (name, first name, birth date) and open what the
    portal holds on them; the journal of accesses is one click away. Each search is logged."""
    form = RechercheDemandeForm(request.GET or None)
    personnes = None
    if form.is_valid():
        personnes = form.personnes(Participant.objects.visible_to(request.user))
        log_access(
            request,
            AccesDonnees.Action.CONSULTATION,
            objet_type="participants.Participant",
            description=ngettext(
                "Recherche d'une personne (droit des personnes) : %(n)d résultat",
                "Recherche d'une personne (droit des personnes) : %(n)d résultats",
                len(personnes),
            )
            % {"n": len(personnes)},
        )
    return render(request, "rgpd/accueil_dpo.html", {"form": form, "personnes": personnes})


@role_required(Role.COORDINATION, Role.DPO)
@never_cache
def droit_acces(request, pk):
    """Coordination and the DPO: a participant's request of access (RGPD art. 15) — JSON now, PDF in background."""
    participant = get_object_or_404(Participant.objects.visible_to(request.user), pk=pk)
    donnees = donnees_participant(participant)
    if request.GET.get("format") == "json":
        log_access(
            request, AccesDonnees.Action.EXPORT, participant, description=f"Droit d'accès (JSON) – {participant}"
        )
        response = JsonResponse(donnees, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'attachment; filename="droit-acces-participant-{participant.pk}.json"'
        return response
    log_access(request, AccesDonnees.Action.CONSULTATION, participant, description=f"Droit d'accès – {participant}")
    resume = {
        "parcours": len(donnees["parcours"]),
        "etapes": sum(len(un["etapes"]) for un in donnees["parcours"]),
        "entretiens": sum(len(un["entretiens"]) for un in donnees["parcours"]),
        "documents": len(donnees["documents"]),
        "historique": sum(len(lignes) for lignes in donnees["historique"].values()),
        "acces": len(donnees["acces"]),
        "traces": sum(
            len(donnees[cle])
            for cle in ("fusions", "commissions", "notifications", "documents_produits", "recherches_et_exports")
        )
        + len(donnees["journal_administration"]),
    }
    return render(
        request,
        "rgpd/droit_acces.html",
        {"participant": participant, "donnees": donnees, "resume": resume, "pdf_disponible": get_kind("droit_acces")},
    )
