"""Reading and checking the files of a historical import (docs/reprise.md): each file's lines,
typed, with every error naming its file, line and column."""

import datetime
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..choices import StatutEntretien, StatutEtape, TypeEntretien
from ..importation import COLONNES, OBLIGATOIRES, _date, _decoder, _Lecteur, entete_csv, lire_dates

PARTICIPANTS, COMPTES, ETAPES, ENTRETIENS = "participants.csv", "comptes.csv", "etapes.csv", "entretiens.csv"
FICHIERS = (COMPTES, PARTICIPANTS, ETAPES, ENTRETIENS)

COLONNES_COMPTES = ("email", "nom", "prenom", "role", "structure_siret")
ROLES = ("referent", "partenaire", "coordination")
COLONNES_ETAPES = (
    "identifiant_source",
    "parcours_source",
    "type_code",
    "type_libelle",
    "structure_siret",
    "structure_nom",
    "statut",
    "date_debut_prevue",
    "date_fin_prevue",
    "date_debut",
    "date_fin",
    "resultat",
    "commentaire",
)
COLONNES_ENTRETIENS = ("identifiant_source", "parcours_source", "date", "modalite", "statut", "note", "auteur_email")
DATE_HEURE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$")
DATE_HEURE_FR = re.compile(r"^(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2})$")
# A step's status that says it has started, or ended: the date it needs.
STATUTS_COMMENCES = (StatutEtape.EN_COURS, StatutEtape.TERMINEE, StatutEtape.ABANDONNEE)
STATUTS_FINIS = (StatutEtape.TERMINEE, StatutEtape.ABANDONNEE)
STATUTS_ENTRETIEN = (StatutEntretien.PLANIFIE, StatutEntretien.REALISE, StatutEntretien.ABSENT)


class FichiersLus(Mapping):
    """{file name: bytes} of a folder, each file read when asked for and not kept: `reprendre`
    reads each once, so the bytes of one are freed before the next is read."""

    def __init__(self, noms, lire):
        self._noms, self._lire = tuple(noms), lire

    def __getitem__(self, nom):
        if nom not in self._noms:
            raise KeyError(nom)
        return self._lire(nom)

    def __iter__(self):
        return iter(self._noms)

    def __len__(self):
        return len(self._noms)


@dataclass(frozen=True)
class Erreur:
    """An error of the folder: its file, line (None: the folder as a whole), column and reason."""

    fichier: str
    ligne: int | None
    colonne: str
    message: str

    def __str__(self):
        lieu = self.fichier if self.ligne is None else f"{self.fichier}, ligne {self.ligne}"
        return f"{lieu}{f', colonne « {self.colonne} »' if self.colonne else ''} : {self.message}"


def date_heure(texte):
    """A Paris date-time from AAAA-MM-JJ HH:MM or JJ/MM/AAAA HH:MM; ValueError otherwise."""
    from django.utils import timezone

    if match := DATE_HEURE_ISO.match(texte):
        annee, mois, jour, heure, minute = match.groups()
    elif match := DATE_HEURE_FR.match(texte):
        jour, mois, annee, heure, minute = match.groups()
    else:
        raise ValueError("format")
    moment = datetime.datetime(int(annee), int(mois), int(jour), int(heure), int(minute))
    return timezone.make_aware(moment)


class LecteurParticipants(_Lecteur):
    """participants.csv: the import's format and checks, plus the previous tool's ids and dates."""

    colonnes = (*COLONNES, "identifiant_source", "date_orientation", "date_creation")
    obligatoires = (*OBLIGATOIRES, "identifiant_source")

    def verifier(self, n, brut):
        valeurs = super().verifier(n, brut)
        lire_dates(valeurs, ("date_orientation", "date_creation"), n, self.erreur)
        orientation, entree = valeurs["date_orientation"], valeurs["date_entree"]
        if orientation and entree and orientation > entree:
            self.erreur(n, "date_orientation", "l'orientation est postérieure à l'entrée.")
        return valeurs


class Valeurs:
    """One line's values, read and written as `v["colonne"]`: slots rather than a dict, since a
    folder at scale holds 375,000 lines (a 13-key dict weighs five times its slots)."""

    __slots__ = ()

    def __getitem__(self, colonne):
        return getattr(self, colonne)

    def __setitem__(self, colonne, valeur):
        setattr(self, colonne, valeur)


class Lecteur:
    """A file other than participants.csv: its header checked, then each line given to `verifier`."""

    def __init__(self, fichier, colonnes, obligatoires):
        self.fichier, self.colonnes, self.obligatoires = fichier, colonnes, obligatoires
        self.erreurs = []
        self.valeurs = type("Valeurs", (Valeurs,), {"__slots__": colonnes})
        self._lus = {}  # date texts already read: the same date object for each repetition

    def erreur(self, ligne, colonne, message):
        self.erreurs.append(Erreur(self.fichier, ligne, colonne, message))

    def lire(self, contenu):
        """[(line number, {column: stripped text})], or [] with errors when the header is wrong."""
        try:
            texte = _decoder(contenu)
        except UnicodeDecodeError:
            self.erreur(1, "", "le fichier n'est pas encodé en UTF-8.")
            return []
        lecteur, entete = entete_csv(texte, self.colonnes, self.obligatoires, self.erreur)
        if lecteur is None:
            return []
        lignes = []
        for cellules in lecteur:
            if not any(cellule.strip() for cellule in cellules):
                continue
            if len(cellules) != len(entete):
                self.erreur(lecteur.line_num, "", f"{len(cellules)} valeurs au lieu de {len(entete)}.")
                continue
            valeurs = self.valeurs()
            for colonne in self.colonnes:
                setattr(valeurs, colonne, "")
            for colonne, cellule in zip(entete, cellules, strict=True):
                # Statuses, ids of parcours, e-mails and SIRETs repeat line after line: one copy each.
                setattr(valeurs, colonne, sys.intern(cellule.strip()))
            for colonne in self.obligatoires:
                if not valeurs[colonne]:
                    self.erreur(lecteur.line_num, colonne, "valeur obligatoire manquante.")
            lignes.append((lecteur.line_num, valeurs))
        return lignes

    def dates(self, n, valeurs, colonnes, lecture=_date):
        attendu = "AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM" if lecture is date_heure else "AAAA-MM-JJ ou JJ/MM/AAAA"
        lus = self._lus

        def lire(texte):
            if texte not in lus:
                lus[texte] = lecture(texte)
            return lus[texte]

        lire_dates(valeurs, colonnes, n, self.erreur, lire, attendu)

    def unique(self, lignes, colonne="identifiant_source"):
        vus = {}
        for n, valeurs in lignes:
            valeur = valeurs[colonne]
            if valeur and valeur in vus:
                self.erreur(n, colonne, f"« {valeur} » figure déjà ligne {vus[valeur]}.")
            vus.setdefault(valeur, n)


def verifier_comptes(lecteur, lignes):
    for n, v in lignes:
        v["email"] = v["email"].lower()
        try:
            validate_email(v["email"])
        except ValidationError:
            lecteur.erreur(n, "email", f"adresse e-mail invalide « {v['email']} ».")
        v["role"] = v["role"].lower()
        if v["role"] not in ROLES:
            lecteur.erreur(n, "role", f"rôle inconnu « {v['role']} » (attendu : {', '.join(ROLES)}).")
        v["structure_siret"] = v["structure_siret"].replace(" ", "")
    lecteur.unique(lignes, "email")


def verifier_etapes(lecteur, lignes):
    for n, v in lignes:
        lecteur.dates(n, v, ("date_debut_prevue", "date_fin_prevue", "date_debut", "date_fin"))
        v["statut"] = v["statut"].lower()
        if v["statut"] not in StatutEtape.values:
            lecteur.erreur(
                n, "statut", f"statut inconnu « {v['statut']} » (attendu : {', '.join(StatutEtape.values)})."
            )
        if not v["type_code"] and not v["type_libelle"]:
            lecteur.erreur(n, "type_code", "le type d'étape manque (type_code ou type_libelle).")
        if not v["structure_siret"] and not v["structure_nom"]:
            lecteur.erreur(n, "structure_siret", "la structure manque (structure_siret ou structure_nom).")
        v["structure_siret"] = v["structure_siret"].replace(" ", "")
        if v["date_debut_prevue"] and v["date_fin_prevue"] and v["date_fin_prevue"] < v["date_debut_prevue"]:
            lecteur.erreur(n, "date_fin_prevue", "la fin prévue précède le début prévu.")
        if v["date_debut"] and v["date_fin"] and v["date_fin"] < v["date_debut"]:
            lecteur.erreur(n, "date_fin", "la fin précède le début.")
        if v["statut"] in STATUTS_COMMENCES and not v["date_debut"]:
            lecteur.erreur(n, "date_debut", f"une étape « {v['statut']} » a commencé : la date de début manque.")
        if v["statut"] in STATUTS_FINIS and not v["date_fin"]:
            lecteur.erreur(n, "date_fin", f"une étape « {v['statut']} » est finie : la date de fin manque.")
        if v["statut"] not in STATUTS_FINIS and v["date_fin"]:
            lecteur.erreur(n, "date_fin", f"une étape « {v['statut']} » n'est pas finie : pas de date de fin.")
    lecteur.unique(lignes)


def verifier_entretiens(lecteur, lignes, maintenant):
    for n, v in lignes:
        lecteur.dates(n, v, ("date",), lecture=date_heure)
        v["modalite"] = v["modalite"].lower() or TypeEntretien.PRESENTIEL
        if v["modalite"] not in TypeEntretien.values:
            lecteur.erreur(
                n, "modalite", f"modalité inconnue « {v['modalite']} » (attendu : {', '.join(TypeEntretien.values)})."
            )
        v["statut"] = v["statut"].lower()
        if v["statut"] not in STATUTS_ENTRETIEN:
            lecteur.erreur(n, "statut", f"statut inconnu « {v['statut']} » (attendu : {', '.join(STATUTS_ENTRETIEN)}).")
        if v["date"] and v["statut"] in (StatutEntretien.REALISE, StatutEntretien.ABSENT) and v["date"] > maintenant:
            lecteur.erreur(n, "date", f"un entretien « {v['statut']} » ne peut pas être dans le futur.")
        v["auteur_email"] = v["auteur_email"].lower()
    lecteur.unique(lignes)
