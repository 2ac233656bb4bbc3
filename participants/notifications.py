"""The notifications of participants' records: a person assigned to a referent."""

from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.models import Categorie
from notifications.services import notifier


def notifier_affectation(participant, referent):
    """`participant` was assigned to `referent`: the new referent is told, if they may open the record."""
    from .models import Participant

    if referent is None:
        return []
    return notifier(
        [referent],
        Categorie.AFFECTATION,
        _("Nouveau participant suivi : %(personne)s") % {"personne": participant},
        _("%(personne)s vous a été affecté·e comme référent·e de parcours.") % {"personne": participant},
        reverse("participants:detail", kwargs={"pk": participant.pk}),
        peut_voir=lambda user: Participant.objects.visible_to(user).filter(pk=participant.pk).exists(),
    )
