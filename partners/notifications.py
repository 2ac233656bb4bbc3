"""The notifications of the partner network: a caseload moved from one referent to another."""

from django.urls import reverse
from django.utils.translation import ngettext

from notifications.models import Categorie
from notifications.services import notifier


def notifier_reaffectation(referent, nombre, ancien):
    """A whole caseload was moved to `referent`: one summary notification."""
    return notifier(
        [referent],
        Categorie.AFFECTATION,
        ngettext("%(n)d participant vous a été réaffecté", "%(n)d participants vous ont été réaffectés", nombre)
        % {"n": nombre},
        ngettext(
            "La coordination vous a confié le portefeuille de %(ancien)s : %(n)d participant.",
            "La coordination vous a confié le portefeuille de %(ancien)s : %(n)d participants.",
            nombre,
        )
        % {"ancien": ancien, "n": nombre},
        reverse("notifications:liste"),
    )
