"""Merge of two records of the same person (DESIGN §2): everything moves to the record kept."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from parcours.models import TransitionInvalide

from .models import Fusion, Participant


def identite(participant):
    """The identity and contact of a record, as kept in the merge log."""
    return {
        "nom": participant.nom,
        "nom_naissance": participant.nom_naissance,
        "prenom": participant.prenom,
        "date_naissance": participant.date_naissance.isoformat() if participant.date_naissance else "",
        "sexe": participant.sexe,
        "commune": participant.commune_id,
        "email": participant.email,
        "telephone": participant.telephone,
        "identifiant_france_travail": participant.identifiant_france_travail,
        "referent": participant.referent_id,
    }


def verifier_fusion(conserve, absorbe):
    """Refuse a merge that cannot be done, with a French message."""
    if conserve.pk == absorbe.pk:
        raise TransitionInvalide(_("Choisissez deux fiches différentes."))
    if conserve.parcours.ouverts().exists() and absorbe.parcours.ouverts().exists():
        raise TransitionInvalide(
            _("Les deux fiches ont un parcours ouvert : clôturez l'un des deux parcours avant de fusionner.")
        )


@transaction.atomic
def fusionner(conserve, absorbe, par):
    """Move every object pointing to `absorbe` (parcours, documents…) onto `conserve`, delete
    `absorbe` and log the merge. All or nothing."""
    conserve = Participant.objects.select_for_update().get(pk=conserve.pk)
    absorbe = Participant.objects.select_for_update().get(pk=absorbe.pk)
    verifier_fusion(conserve, absorbe)
    deplaces = {}
    # Every reverse foreign key, so that a relation added later by another app moves too.
    for relation in Participant._meta.related_objects:
        if not relation.one_to_many:
            continue
        champ = relation.field.name
        objets = list(relation.related_model._base_manager.filter(**{champ: absorbe}))
        for objet in objets:
            setattr(objet, champ, conserve)
            # save() rather than update() so that django-simple-history records the move.
            objet.save(update_fields=[champ])
        if objets:
            deplaces[relation.related_model._meta.label] = len(objets)
    fusion = Fusion.objects.create(
        par=par,
        conserve=conserve,
        conserve_numero=conserve.pk,
        absorbe_numero=absorbe.pk,
        absorbe_identite=identite(absorbe),
        elements_deplaces=deplaces,
    )
    absorbe._change_reason = f"Fusion dans la fiche {conserve.pk}"
    absorbe.delete()
    return fusion
