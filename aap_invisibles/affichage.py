"""Cerfa fields as the French read them, for the dossier page, its frozen copy and the Cerfa PDF."""

import datetime
from decimal import Decimal

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def valeur_affichee(champ, valeur):
    """A value of model field `champ` as text: choices by label, Oui/Non, dates and amounts à la française."""
    if isinstance(valeur, bool):
        return _("Oui") if valeur else _("Non")
    if valeur in (None, "", []):
        return "—"
    if isinstance(valeur, list | tuple):
        return ", ".join(str(v) for v in valeur)
    if champ is not None and champ.choices:
        return str(dict(champ.flatchoices).get(valeur, valeur))
    if isinstance(valeur, datetime.date):
        return formats.date_format(valeur, "SHORT_DATE_FORMAT")
    if isinstance(valeur, Decimal):
        return formats.number_format(valeur, decimal_pos=2, force_grouping=True)
    return str(valeur)


def valeur_champ(objet, nom):
    """Field `nom` of `objet` as text (a many-to-many relation joined)."""
    champ = objet._meta.get_field(nom)
    if champ.many_to_many:
        return valeur_affichee(champ, [str(element) for element in getattr(objet, nom).all()])
    return valeur_affichee(champ, getattr(objet, nom))


def _euros(valeur):
    return "—" if valeur in (None, "") else f"{valeur_affichee(None, Decimal(str(valeur)))} €"


def champs_section(dossier, section):
    """(label, text) of each field of a Cerfa section of `dossier`."""
    return [(dossier._meta.get_field(nom).verbose_name, valeur_champ(dossier, nom)) for nom in section.champs]


def sections_cerfa(dossier):
    """The sections 1 to 7 with their fields (label, value), in the Cerfa's order."""
    from .models import SECTIONS_CERFA

    return [
        {"code": section.code, "titre": section.titre, "champs": champs_section(dossier, section)}
        for section in SECTIONS_CERFA
    ]


def copie_lisible(copie):
    """The sections of a copy frozen at submission (Dossier.copie_figee) in the form's order, each with
    label/value pairs (`lignes`), or the project budget for section 6 bis."""
    from .models import SECTIONS_CERFA, Dossier
    from .models.choices import Compte, TypePiece

    if not copie:
        return None
    comptes, types = dict(Compte.choices), dict(TypePiece.choices)
    date_consultation = Dossier._meta.get_field("date_debut")
    sections = []
    for section in SECTIONS_CERFA:
        contenu = {"titre": str(section.titre), "code": section.code}
        if section.code == "6bis":
            contenu["budget"] = [
                {
                    "compte": comptes.get(ligne["compte"], ligne["compte"]),
                    "libelle": ligne["libelle"],
                    "montant": _euros(ligne["montant"]),
                    "subvention_metropole": valeur_affichee(None, ligne.get("subvention_metropole")),
                }
                for ligne in copie.get("budget", [])
            ]
            contenu["montant_demande"] = _euros(copie.get("montant_demande"))
        elif section.code == "eps":
            eps = copie.get("eps") or {}
            contenu["lignes"] = [
                (_("Date de la consultation"), valeur_affichee(None, date_consultation.to_python(eps.get("date")))),
                (_("Communes consultées"), valeur_affichee(None, eps.get("communes"))),
            ]
        elif section.code == "pieces":
            contenu["lignes"] = [(types.get(p["type"], p["type"]), p["nom"]) for p in copie.get("pieces", [])]
        else:
            contenu["lignes"] = []
            for nom in section.champs:
                if nom in copie:
                    champ = Dossier._meta.get_field(nom)
                    valeur = copie[nom] if champ.many_to_many else champ.to_python(copie[nom])
                    contenu["lignes"].append((capfirst(str(champ.verbose_name)), valeur_affichee(champ, valeur)))
        sections.append(contenu)
    return sections
