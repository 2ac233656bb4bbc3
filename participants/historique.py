"""Change history of a participant record (django-simple-history): who, when, each field before
and after, for the participant, their parcours and their steps. A constant number of queries."""

from collections import defaultdict
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


def _references(historiques, connus):
    """The related objects named in the records of each (model, records) pair, fetched in one query
    per related model whichever model names it; the objects of `connus` are not fetched again."""
    ids = defaultdict(set)
    for modele, enregistrements in historiques:
        for champ in _champs(modele):
            if champ.is_relation and champ.related_model is not None:
                ids[champ.related_model] |= {getattr(e, champ.attname) for e in enregistrements} - {None}
    references = defaultdict(dict)
    for objet in connus:
        references[type(objet)][objet.pk] = objet
    for modele, cles in ids.items():
        if manquants := cles - references[modele].keys():
            references[modele].update(modele._base_manager.in_bulk(manquants))
    return references


def _evenements(modele, enregistrements, libelle, references):
    champs = _champs(modele)
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
    historiques = [(type(participant), fiche), (Parcours, parcours), (Etape, etapes)]
    references = _references(historiques, connus=[participant])
    for objet in references[Parcours].values():
        if objet.participant_id == participant.pk:
            objet.participant = participant  # named by each parcours: not read again per parcours
    evenements = (
        _evenements(type(participant), fiche, lambda e: str(_("Fiche du participant")), references)
        + _evenements(Parcours, parcours, lambda e: str(_("Parcours n° %(id)s") % {"id": e.id}), references)
        + _evenements(Etape, etapes, lambda e: str(_("Étape n° %(id)s") % {"id": e.id}), references)
    )
    evenements.sort(key=lambda e: e.date, reverse=True)
    return evenements[:limite]
