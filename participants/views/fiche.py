"""`/participants/<id>/`: the record, scoped and logged; sensitive parts only for who may see them.
`/participants/<id>/historique/`: the changes of the record, its parcours and its steps."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from accounts.audit import log_access
from accounts.permissions import role_required
from parcours.models import Etape
from parcours.portefeuille import ALERTES, avec_alertes, libelles_alertes

from ..historique import historique_participant
from ..models import Participant
from .liste import ROLES_PARTICIPANTS


@role_required(*ROLES_PARTICIPANTS)
def detail(request, pk):
    user = request.user
    participant = get_object_or_404(
        Participant.objects.visible_to(user).select_related("commune", "referent__structure", "cree_par"), pk=pk
    )
    log_access(request, "consultation", participant)
    voit_sensible = participant.voit_sensible(user)
    peut_modifier = participant.peut_modifier(user)
    tous_parcours = list(
        participant.parcours.select_related(
            "prescripteur", "referent", "session_commission", "operation"
        ).prefetch_related("pieces__document")
    )
    parcours_courant = next((p for p in tous_parcours if p.est_ouvert), None)
    parcours_anterieurs = [p for p in tous_parcours if p is not parcours_courant]
    etapes = Etape.objects.visible_to(user).filter(parcours__participant=participant)
    if user.effective_role != "partenaire":
        # The referent's view shows the steps of the current parcours (or of the latest one).
        reference = parcours_courant or (tous_parcours[0] if tous_parcours else None)
        etapes = etapes.filter(parcours=reference)
    etapes = list(etapes.select_related("type", "structure", "parcours"))
    context = {
        "participant": participant,
        "parcours_courant": parcours_courant,
        "parcours_anterieurs": parcours_anterieurs,
        "etapes": etapes,
        "peut_modifier": peut_modifier,
        "voit_sensible": voit_sensible,
        "documents": [],
        "peut_fusionner": user.effective_role == "coordination",
        "est_coordination": user.effective_role == "coordination",
    }
    if voit_sensible:
        context["documents"] = list(participant.documents.select_related("auteur"))
        # The journal of the current parcours, or of the latest one once it has ended.
        context["parcours_du_journal"] = parcours_courant or (tous_parcours[0] if tous_parcours else None)
        resume = avec_alertes(Participant.objects.filter(pk=participant.pk)).values(
            "dernier_entretien", *(f"alerte_{cle}" for cle in ALERTES)
        )[0]
        libelles = libelles_alertes()
        context["resume"] = resume
        context["resume_alertes"] = [libelles[cle] for cle in ALERTES if resume[f"alerte_{cle}"]]
    return render(request, "participants/detail.html", context)


@role_required(*ROLES_PARTICIPANTS)
def historique(request, pk):
    """The change history of a record, for whoever reads its sensitive part: a page of its own, or
    the fragment that the record's folded "Modifications" section loads when opened (HTMX)."""
    # The referent, read by voit_sensible for a colleague of the same structure.
    participant = get_object_or_404(Participant.objects.visible_to(request.user).select_related("referent"), pk=pk)
    if not participant.voit_sensible(request.user):
        raise PermissionDenied
    log_access(request, "consultation", participant, description=f"Historique : {participant}"[:255])
    context = {"participant": participant, "historique": historique_participant(participant)}
    if request.htmx:
        return render(request, "participants/includes/historique.html", context)
    return render(request, "participants/historique.html", context)
