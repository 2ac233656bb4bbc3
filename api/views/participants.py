"""Participants: list with search, detail. Identity and contact only (see `schemas`)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.audit import log_access
from participants.models import Participant
from participants.views.liste import ROLES_PARTICIPANTS

from ..schemas import ParticipantOut

router = Router(tags=["Participants"])


def _participants(request):
    if not request.user.has_role(*ROLES_PARTICIPANTS):
        raise PermissionDenied
    return Participant.objects.visible_to(request.user).select_related("commune", "referent")


@router.get("", response=list[ParticipantOut], url_name="participants", summary="Participants")
@paginate(LimitOffsetPagination)
def liste(request, q: str = ""):
    """The participants you may open, by name; `q` searches names, France Travail id, e-mail, phone."""
    participants = _participants(request)
    if q.strip():
        participants = participants.recherche(q)
    log_access(request, "consultation", objet_type="participants.Participant", description=f"API : liste {q}"[:255])
    return participants.order_by("nom", "prenom", "id")


@router.get("/{int:pk}", response=ParticipantOut, url_name="participant", summary="Un participant")
def detail(request, pk: int):
    participant = get_object_or_404(_participants(request), pk=pk)
    log_access(request, "consultation", participant, description=f"API : {participant}"[:255])
    return participant
