"""The directory: structures and the steps each offers."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from partners.models import EtapeType, Structure
from partners.views.annuaire import ROLES_ANNUAIRE

from ..schemas import StructureOut

router = Router(tags=["Annuaire"])


def _structures(request):
    if not request.user.has_role(*ROLES_ANNUAIRE):
        raise PermissionDenied
    return Structure.objects.visible_to(request.user).prefetch_related(
        Prefetch("offres", queryset=EtapeType.objects.order_by("categorie", "libelle"))
    )


@router.get("", response=list[StructureOut], url_name="structures", summary="Structures")
@paginate(LimitOffsetPagination)
def liste(request, q: str = ""):
    """The structures of your directory, by name; `q` searches the name or a SIRET."""
    structures = _structures(request).actives()
    if q.strip():
        structures = structures.recherche(q)
    return structures.order_by("nom", "id")


@router.get("/{int:pk}", response=StructureOut, url_name="structure", summary="Une structure et son offre")
def detail(request, pk: int):
    return get_object_or_404(_structures(request), pk=pk)
