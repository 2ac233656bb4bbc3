"""Calls for projects: public, as the `/aap/` pages."""

from django.shortcuts import get_object_or_404
from ninja import Router

from aap_invisibles.models import AppelAProjets

from ..schemas import AppelOut

router = Router(tags=["Appels à projets"], auth=None)


@router.get("", response=list[AppelOut], url_name="appels", summary="Appels à projets publiés")
def liste(request):
    return AppelAProjets.objects.publies().order_by("-date_cloture", "id")


@router.get("/{slug}", response=AppelOut, url_name="appel", summary="Un appel à projets")
def detail(request, slug: str):
    return get_object_or_404(AppelAProjets.objects.publies(), slug=slug)
