"""Shared helpers of the views: role gates, scoped lookups, pagination."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from accounts.models import Role

from ..models import AppelAProjets, Dossier

ROLES_DOSSIER = (Role.COORDINATION, Role.INSTRUCTEUR, Role.PORTEUR)
ROLES_INSTRUCTION = (Role.COORDINATION, Role.INSTRUCTEUR)
PAR_PAGE = 25


def exiger_role(request, *roles):
    if not request.user.has_role(*roles):
        raise PermissionDenied


def dossier_visible(request, pk, *roles):
    """The dossier if the user's role uses such pages (403 otherwise) and it is in their scope (404 otherwise)."""
    exiger_role(request, *(roles or ROLES_DOSSIER))
    queryset = Dossier.objects.visible_to(request.user).select_related("appel", "porteur")
    return get_object_or_404(queryset, pk=pk)


def appel_instruit(request, pk, *roles):
    """A call the user instructs (coordination: all; instructor: assigned), 404 otherwise."""
    exiger_role(request, *(roles or ROLES_INSTRUCTION))
    return get_object_or_404(AppelAProjets.objects.visible_to(request.user), pk=pk)


def paginer(request, queryset):
    return Paginator(queryset, PAR_PAGE).get_page(request.GET.get("page"))
