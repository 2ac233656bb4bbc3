"""Access to a parcours for changing it: scoped (404 outside), then editable (403 for a colleague)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from participants.models import Participant

from ..models import Entretien, Parcours

ROLES_PARCOURS = ("coordination", "referent")


def parcours_modifiable(user, pk):
    """The parcours `pk` if `user` may change it: outside the scope 404, read-only 403."""
    parcours = get_object_or_404(
        Parcours.objects.visible_to(user).select_related("participant__referent", "prescripteur", "referent"), pk=pk
    )
    if not parcours.participant.peut_modifier(user):
        raise PermissionDenied
    return parcours


def participant_modifiable(user, pk):
    participant = get_object_or_404(Participant.objects.visible_to(user).select_related("referent"), pk=pk)
    if not participant.peut_modifier(user):
        raise PermissionDenied
    return participant


def entretien_modifiable(user, pk):
    entretien = get_object_or_404(
        Entretien.objects.filter(parcours__in=Parcours.objects.visible_to(user)).select_related(
            "parcours__participant"
        ),
        pk=pk,
    )
    if not entretien.parcours.participant.peut_modifier(user):
        raise PermissionDenied
    return entretien


def fiche_url(participant, ancre=""):
    return reverse("participants:detail", kwargs={"pk": participant.pk}) + (f"#{ancre}" if ancre else "")
