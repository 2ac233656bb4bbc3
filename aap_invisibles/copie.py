"""The copy of a dossier frozen at submission, put back into the form's sections for reading."""

import datetime

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import SECTIONS_CERFA, Dossier
from .models.choices import Compte, TypePiece


def _valeur(champ, valeur):
    if valeur in (None, "", []):
        return "—"
    if isinstance(valeur, bool):
        return _("Oui") if valeur else _("Non")
    if isinstance(valeur, list):
        return ", ".join(str(v) for v in valeur)
    if champ is not None and champ.choices:
        return str(dict(champ.flatchoices).get(valeur, valeur))
    if champ is not None and champ.get_internal_type() == "DateField":
        return formats.date_format(datetime.date.fromisoformat(valeur), "SHORT_DATE_FORMAT")
    if champ is not None and champ.get_internal_type() == "DecimalField":
        return formats.number_format(valeur, 2, force_grouping=True)
    return str(valeur)


def _euros(valeur):
    return "—" if valeur in (None, "") else f"{formats.number_format(valeur, 2, force_grouping=True)} €"


def copie_lisible(copie):
    """The sections of a frozen copy in the form's order, each with its kind: label/value pairs
    (`champs`), the project budget (`budget`), the EPS consultation (`eps`) or the attachments."""
    if not copie:
        return None
    comptes, types = dict(Compte.choices), dict(TypePiece.choices)
    sections = []
    for section in SECTIONS_CERFA:
        contenu = {"titre": str(section.titre), "code": section.code}
        if section.code == "6bis":
            contenu["budget"] = [
                {
                    "compte": comptes.get(ligne["compte"], ligne["compte"]),
                    "libelle": ligne["libelle"],
                    "montant": _euros(ligne["montant"]),
                    "subvention_metropole": _valeur(None, ligne.get("subvention_metropole")),
                }
                for ligne in copie.get("budget", [])
            ]
            contenu["montant_demande"] = _euros(copie.get("montant_demande"))
        elif section.code == "eps":
            eps = copie.get("eps") or {}
            contenu["lignes"] = [
                (_("Date de la consultation"), _valeur(Dossier._meta.get_field("date_debut"), eps.get("date"))),
                (_("Communes consultées"), _valeur(None, eps.get("communes"))),
            ]
        elif section.code == "pieces":
            contenu["lignes"] = [(types.get(p["type"], p["type"]), p["nom"]) for p in copie.get("pieces", [])]
        else:
            contenu["lignes"] = [
                (
                    capfirst(str(Dossier._meta.get_field(nom).verbose_name)),
                    _valeur(Dossier._meta.get_field(nom), copie[nom]),
                )
                for nom in section.champs
                if nom in copie
            ]
        sections.append(contenu)
    return sections
