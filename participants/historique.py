"""Change history of a participant record (django-simple-history): who, when, each field before
and after, for the participant, their parcours and their steps. A constant number of queries."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

TYPES = {"+": _("Création"), "~": _("Modification"), "-": _("Suppression")}
IGNORES = {"version", "id", "cree_le", "modifie_le", "recherche", "cle_identite", "anonymise_le"}


@dataclass
class Changement:
    champ: str
    avant: str
    apres: str


@dataclass
class Evenement:
    date: object
    auteur: object
    objet: str
    type: str
    motif: str = ""
    changements: list = field(default_factory=list)


def _champs(modele):
    """The fields the history records (a kept column, excluded from it, has nothing to show)."""
    suivis = {f.name for f in modele.history.model._meta.fields}
    return [f for f in modele._meta.concrete_fields if f.name not in IGNORES and f.name in suivis]


def _afficher(champ, valeur, references):
    if valeur is None or valeur == "":
        return "—"
    if champ.is_relation:
        objet = references.get(champ.related_model, {}).get(valeur)
        return str(objet) if objet is not None else f"n° {valeur}"
    if champ.choices:
        return str(dict(champ.flatchoices).get(valeur, valeur))
    if isinstance(champ, models.BooleanField):
        return str(_("oui") if valeur else _("non"))
    if hasattr(valeur, "strftime"):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur)


def _references(modele, enregistrements):
    """The related objects named in the records, fetched once per related model."""
    references = {}
    for champ in _champs(modele):
        if not champ.is_relation or champ.related_model is None:
            continue
        ids = {getattr(e, champ.attname) for e in enregistrements} - {None}
        if ids:
            deja = references.setdefault(champ.related_model, {})
            deja.update(champ.related_model._base_manager.in_bulk(ids))
    return references


def _evenements(modele, enregistrements, libelle):
    champs = _champs(modele)
    references = _references(modele, enregistrements)
    precedent = {}
    evenements = []
    for enr in sorted(enregistrements, key=lambda e: (e.history_date, e.history_id)):
        avant = precedent.get(enr.id)
        changements = []
        for champ in champs:
            nouveau = getattr(enr, champ.attname)
            ancien = getattr(avant, champ.attname) if avant is not None else None
            if avant is None and enr.history_type == "+" and nouveau in (None, ""):
                continue
            if avant is not None and ancien == nouveau:
                continue
            if avant is None and enr.history_type != "+":
                continue
            changements.append(
                Changement(
                    str(champ.verbose_name),
                    _afficher(champ, ancien, references) if avant is not None else "—",
                    _afficher(champ, nouveau, references),
                )
            )
        precedent[enr.id] = enr
        if enr.history_type == "~" and not changements:
            continue
        evenements.append(
            Evenement(
                date=enr.history_date,
                auteur=enr.history_user,
                objet=libelle(enr),
                type=str(TYPES.get(enr.history_type, enr.history_type)),
                motif=enr.history_change_reason or "",
                changements=changements,
            )
        )
    return evenements


def historique_participant(participant, limite=100):
    """The most recent events of the record, its parcours and its steps, newest first."""
    from parcours.models import Etape, Parcours

    fiche = list(participant.history.select_related("history_user"))
    parcours = list(Parcours.history.filter(participant_id=participant.pk).select_related("history_user"))
    parcours_ids = {p.id for p in parcours}
    etapes = list(Etape.history.filter(parcours_id__in=parcours_ids).select_related("history_user"))
    evenements = (
        _evenements(type(participant), fiche, lambda e: str(_("Fiche du participant")))
        + _evenements(Parcours, parcours, lambda e: str(_("Parcours n° %(id)s") % {"id": e.id}))
        + _evenements(Etape, etapes, lambda e: str(_("Étape n° %(id)s") % {"id": e.id}))
    )
    evenements.sort(key=lambda e: e.date, reverse=True)
    return evenements[:limite]
