"""What the calls for projects put in a staff member's calendar feed (plie_portal.agenda)."""

from .models import AppelAProjets, CreneauAudition


def auditions(user, debut, fin):
    """The hearings of the calls `user` instructs (coordination: every call)."""
    creneaux = CreneauAudition.objects.filter(
        dossier__appel__in=AppelAProjets.objects.visible_to(user), date__range=(debut.date(), fin.date())
    ).select_related("dossier__porteur", "dossier__appel")
    return [creneau.evenement() for creneau in creneaux]
