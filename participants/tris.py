"""The sort columns of the participant list (`Participant.tri_commune`, `tri_referent`, issue 20): a
commune's and a referent's name copied on the participant, so that sorting a million rows by them reads
an index. Written by `recalculer_tris` (save, migration, renaming) or, for rows inserted in bulk, set
before the insert from `nom_de_tri` (`ParticipantQuerySet.creer_en_masse`)."""

from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Concat


def nom_de_tri(referent):
    """A referent's name as the referent sort reads it ("Nom Prénom"): the Python form of the
    expression of `recalculer_tris`, for the rows written in bulk before they exist."""
    return f"{referent.last_name} {referent.first_name}"


def recalculer_tris(participants):
    """Write the sort columns of these participants (a queryset) from their commune's name and their
    referent's: one UPDATE, whatever their number (every bulk writer calls it)."""
    from accounts.models import User
    from territoire.models import Commune

    # The SQL form of `nom_de_tri`.
    nom_du_referent = Concat("last_name", Value(" "), "first_name", output_field=models.CharField())
    return participants.order_by().update(
        tri_commune=Subquery(Commune.objects.filter(pk=OuterRef("commune_id")).values("nom")[:1]),
        tri_referent=Subquery(
            User.objects.filter(pk=OuterRef("referent_id")).annotate(_nom=nom_du_referent).values("_nom")[:1]
        ),
    )


def apres_renommage(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """A commune or a referent renamed: the sort columns of their participants follow (a signal:
    territory and accounts, below participants, cannot call it)."""
    if created or raw or (update_fields is not None and not {"nom", "first_name", "last_name"} & set(update_fields)):
        return
    from django.apps import apps

    champ = "commune" if sender._meta.label == "territoire.Commune" else "referent"
    recalculer_tris(apps.get_model("participants", "Participant").objects.filter(**{champ: instance.pk}))
