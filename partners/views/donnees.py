"""The directory as open data for the national inclusion hub (data·inclusion, schema v1)."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .. import data_inclusion


def _json(donnees, nom):
    reponse = JsonResponse(donnees, safe=False, json_dumps_params={"ensure_ascii": False})
    reponse["Content-Disposition"] = f'inline; filename="{nom}"'
    return reponse


@login_not_required
@require_GET
def structures(request):
    """The PLIE's partner structures, as data·inclusion `Structure` records."""
    return _json(data_inclusion.structures(), "structures.json")


@login_not_required
@require_GET
def services(request):
    """The steps each structure offers, as data·inclusion `Service` records."""
    return _json(data_inclusion.services(), "services.json")
