"""What the parcours domain shows on a partner structure's page: the steps it carries and the
people its referents follow (a panel of the directory, `partners.panneaux`)."""

from django.db.models import Count, Q

from .choices import STATUTS_ETAPE_OUVERTS, StatutEtape
from .models import Etape, Parcours


def chiffres_de(structure):
    """Counts of a structure: participants followed by its referents, steps it carries by status."""
    compteurs = Etape.objects.filter(structure=structure).aggregate(
        total=Count("id"),
        ouvertes=Count("id", filter=Q(statut__in=STATUTS_ETAPE_OUVERTS)),
        **{statut.value: Count("id", filter=Q(statut=statut)) for statut in StatutEtape},
        participants=Count("parcours__participant", filter=Q(statut__in=STATUTS_ETAPE_OUVERTS), distinct=True),
    )
    compteurs["suivis"] = (
        Parcours.objects.ouverts().filter(referent__structure=structure).values("participant").distinct().count()
    )
    compteurs["par_statut"] = [(statut.label, compteurs[statut.value]) for statut in StatutEtape]
    return compteurs


def panneau_chiffres(structure, user):
    """The counts panel, for coordination only (DESIGN §1: partners do not see each other's activity)."""
    if not user.is_coordination:
        return None
    return {"chiffres": chiffres_de(structure)}
