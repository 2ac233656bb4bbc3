"""Parcours: coordination and referents only, as the parcours pages."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.audit import log_access
from parcours.etapes.actions import avec_portail
from parcours.models import Etape, Parcours
from parcours.views.acces import ROLES_PARCOURS

from ..schemas import ParcoursDetailOut, ParcoursOut

router = Router(tags=["Parcours"])


def _parcours(request):
    if not request.user.has_role(*ROLES_PARCOURS):
        raise PermissionDenied
    return Parcours.objects.visible_to(request.user).select_related(
        "participant__referent__structure", "referent", "operation"
    )


@router.get("", response=list[ParcoursOut], url_name="parcours", summary="Parcours")
@paginate(LimitOffsetPagination)
def liste(request, participant: int | None = None):
    """The parcours you may open, latest orientation first; `participant` keeps one person's."""
    parcours = _parcours(request)
    if participant is not None:
        parcours = parcours.filter(participant_id=participant)
    log_access(request, "consultation", objet_type="parcours.Parcours", description="API : liste des parcours")
    return parcours.order_by("-date_orientation", "-id")


@router.get("/{int:pk}", response=ParcoursDetailOut, url_name="parcours_detail", summary="Un parcours et ses étapes")
def detail(request, pk: int):
    parcours = get_object_or_404(
        _parcours(request).prefetch_related(
            Prefetch(
                "etapes",
                queryset=avec_portail(
                    Etape.objects.visible_to(request.user).select_related("type", "structure", "parcours")
                ),
            )
        ),
        pk=pk,
    )
    log_access(request, "consultation", parcours.participant, description=f"API : parcours {parcours.pk}")
    return parcours
