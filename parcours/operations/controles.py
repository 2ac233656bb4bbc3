"""What the portal already holds for each participation of a contrôle de service fait: the
proposal its checklist starts from (the controller confirms or corrects each tick)."""

from django.db.models import Count, Q

from ..models import Invitation, Parcours, Presence


def constats(parcours_ids):
    """[{parcours_id, eligibilite_prouvee, questionnaire_signe, participation_prouvee,
    sortie_prouvee}] for the sampled participations, in three queries."""
    parcours = {
        p.pk: p
        for p in Parcours.objects.filter(pk__in=parcours_ids)
        .annotate(realises=Count("entretiens", filter=Q(entretiens__statut="realise")))
        .prefetch_related("pieces__document")
        .order_by()
    }
    presents = set(
        Invitation.objects.filter(parcours_id__in=parcours_ids, presence=Presence.PRESENT).values_list(
            "parcours_id", flat=True
        )
    )
    lignes = []
    for pk in parcours_ids:
        p = parcours[pk]
        types = {piece.document.type for piece in p.pieces.all()}
        lignes.append(
            {
                "parcours_id": pk,
                "eligibilite_prouvee": "eligibilite" in types,
                "questionnaire_signe": "questionnaire" in types,
                "participation_prouvee": bool(p.realises) or pk in presents,
                # Still in the PLIE: nothing to prove yet at the exit.
                "sortie_prouvee": p.date_sortie is None or "sortie" in types,
            }
        )
    return lignes
