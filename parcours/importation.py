"""Import of participants and their parcours from CSV (DESIGN §3, "Participant import CSV").

`importer(contenu, par=None, ecrire=True)` reads, checks every line and, when no line is in
error and `ecrire` is true, writes everything in one transaction with bulk inserts (history
rows included). Shared by the `import_participants` command and the upload page.
"""

import csv
import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from accounts.models import Role, User
from partners.models import Structure
from plie_portal.historique import creer_avec_historique
from plie_portal.text import CONTROLES_INVISIBLES

from .choices import DecisionCommission, MotifSortie, Nationalite, NiveauFormation, SituationSortie
from .choices import StatutMarcheTravail as Statut

COLONNES = (
    "nom",
    "prenom",
    "sexe",
    "date_naissance",
    "commune_insee",
    "email",
    "telephone",
    "identifiant_france_travail",
    "referent_email",
    "prescripteur_siret",
    "date_entree",
    "statut_marche_travail",
    "date_debut_chomage",
    "niveau_formation",
    "rsa",
    "ass",
    "aah",
    "rqth",
    "parent_isole",
    "sans_domicile",
    "qpv",
    "zone_rurale",
    "nationalite",
    "origine_etrangere",
    "date_sortie",
    "motif_sortie",
    "situation_sortie",
    "qualification_obtenue",
    "emploi_6_mois",
    "situation_amelioree_6_mois",
)
OBLIGATOIRES = ("nom", "prenom", "date_naissance", "commune_insee", "date_entree")
CODES = {
    "sexe": ("F", "M", "X"),
    "statut_marche_travail": tuple(Statut.values),
    "niveau_formation": tuple(NiveauFormation.values),
    "nationalite": tuple(Nationalite.values),
    "motif_sortie": tuple(MotifSortie.values),
    "situation_sortie": tuple(SituationSortie.values),
}
BOOLEENS = (
    "rsa",
    "ass",
    "aah",
    "rqth",
    "parent_isole",
    "sans_domicile",
    "qpv",
    "zone_rurale",
    "origine_etrangere",
    "qualification_obtenue",
    "emploi_6_mois",
    "situation_amelioree_6_mois",
)
VALEURS_BOOLEENNES = {"oui": True, "1": True, "non": False, "0": False, "": None}
# Exit details only make sense with an exit date.
CHAMPS_DE_SORTIE = (
    "motif_sortie",
    "situation_sortie",
    "qualification_obtenue",
    "emploi_6_mois",
    "situation_amelioree_6_mois",
)
LONGUEURS = {"nom": 100, "prenom": 100, "telephone": 20, "identifiant_france_travail": 20, "email": 254}
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_FR = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
LOT = 1000


@dataclass(frozen=True)
class Erreur:
    """An error of the file: `ligne` is None when it concerns the file as a whole."""

    ligne: int | None
    colonne: str
    message: str

    def __str__(self):
        if self.ligne is None:
            return f"Fichier : {self.message}"
        if self.colonne:
            return f"Ligne {self.ligne}, colonne « {self.colonne} » : {self.message}"
        return f"Ligne {self.ligne} : {self.message}"


@dataclass
class Ligne:
    numero: int
    valeurs: dict
    cle: str = ""


@dataclass
class RapportImport:
    """What an import did (or would do): counts and every error with its line and column."""

    lignes: int = 0
    nouvelles_personnes: int = 0
    personnes_connues: int = 0
    nouveaux_parcours: int = 0
    erreurs: list = field(default_factory=list)
    ecrit: bool = False

    @property
    def valide(self):
        return not self.erreurs

    def vers_json(self):
        """What the worker stores on the `Importation` (the page reads it back with `depuis_json`)."""
        return {
            "lignes": self.lignes,
            "nouvelles_personnes": self.nouvelles_personnes,
            "personnes_connues": self.personnes_connues,
            "nouveaux_parcours": self.nouveaux_parcours,
            "erreurs": [[e.ligne, e.colonne, e.message] for e in self.erreurs],
            "ecrit": self.ecrit,
        }

    @classmethod
    def depuis_json(cls, donnees):
        erreurs = [Erreur(ligne, colonne, message) for ligne, colonne, message in donnees.get("erreurs", [])]
        return cls(**{**{k: v for k, v in donnees.items() if k != "erreurs"}, "erreurs": erreurs})


def _date(texte):
    """A date from AAAA-MM-JJ or JJ/MM/AAAA; ValueError when the format or the date is impossible."""
    if match := DATE_ISO.match(texte):
        annee, mois, jour = match.groups()
    elif match := DATE_FR.match(texte):
        jour, mois, annee = match.groups()
    else:
        raise ValueError("format")
    return datetime.date(int(annee), int(mois), int(jour))


def _decoder(contenu):
    if isinstance(contenu, str):
        return contenu.removeprefix("\ufeff")
    return contenu.decode("utf-8-sig")


def _separateur(entete):
    return ";" if entete.count(";") >= entete.count(",") else ","


def _lignes(texte):
    """The lines of `texte`, ends kept (for quoted line breaks), one at a time: a StringIO of a
    250,000-line file would copy it four bytes per character."""
    if "\n" not in texte:
        yield from texte.splitlines(keepends=True)  # one line, or an old Mac file ending lines with \r
        return
    debut, taille = 0, len(texte)
    while debut < taille:
        fin = texte.find("\n", debut)
        fin = taille if fin < 0 else fin + 1
        yield texte[debut:fin]
        debut = fin


def entete_csv(texte, colonnes, obligatoires, erreur):
    """(csv reader past the header, header) of a CSV text whose header names known columns, each
    once, the mandatory ones included; (None, None) after calling `erreur(line, column, message)`."""
    fin = texte.find("\n")  # the header only: splitlines() would copy every line of a 250,000-line file
    premiere = (texte if fin < 0 else texte[:fin]).rstrip("\r")
    if not premiere.strip():
        erreur(1, "", "le fichier est vide : une ligne d'en-tête est attendue.")
        return None, None
    lecteur = csv.reader(_lignes(texte), delimiter=_separateur(premiere))
    entete = [colonne.strip().lower() for colonne in next(lecteur)]
    fautes = 0
    for colonne in entete:
        if colonne not in colonnes:
            erreur(1, colonne, "colonne inconnue.")
            fautes += 1
    for colonne in sorted({colonne for colonne in entete if entete.count(colonne) > 1}):
        erreur(1, colonne, "colonne présente plusieurs fois.")
        fautes += 1
    for colonne in obligatoires:
        if colonne not in entete:
            erreur(1, colonne, "colonne obligatoire absente.")
            fautes += 1
    return (None, None) if fautes else (lecteur, entete)


def lire_dates(valeurs, colonnes, n, erreur, lecture=_date, attendu="AAAA-MM-JJ ou JJ/MM/AAAA"):
    """Replace the texts of `colonnes` by dates read with `lecture` (None when empty); a text that
    is no date is an error of its column."""
    for colonne in colonnes:
        texte = valeurs[colonne]
        valeurs[colonne] = None
        if texte:
            try:
                valeurs[colonne] = lecture(texte)
            except ValueError as exc:
                raison = f"format attendu {attendu}" if str(exc) == "format" else "date impossible"
                erreur(n, colonne, f"« {texte} » : {raison}.")


class _Lecteur:
    """Reads and checks the lines; collects errors; knows the referential (communes, users, structures).

    `colonnes` and `obligatoires` are the file's format: the historical import (parcours.reprise)
    reads the same lines with three more columns."""

    colonnes = COLONNES
    obligatoires = OBLIGATOIRES

    def __init__(self):
        from territoire.models import Commune

        self.erreurs = []
        self.communes = set(Commune.objects.values_list("code_insee", flat=True))
        self.emails = set()
        self.sirets = set()

    def erreur(self, ligne, colonne, message):
        self.erreurs.append(Erreur(ligne, colonne, message))

    def lire(self, texte):
        lecteur, entete = entete_csv(texte, self.colonnes, self.obligatoires, self.erreur)
        if lecteur is None:
            return []
        lignes = []
        for cellules in lecteur:
            numero = lecteur.line_num
            if not any(cellule.strip() for cellule in cellules):
                continue
            if len(cellules) != len(entete):
                self.erreur(numero, "", f"{len(cellules)} valeurs au lieu de {len(entete)} (vérifiez le séparateur).")
                continue
            brut = {colonne: cellule.strip() for colonne, cellule in zip(entete, cellules, strict=True)}
            lignes.append(Ligne(numero, self.verifier(numero, brut)))
        if not lignes and not self.erreurs:
            self.erreur(2, "", "le fichier ne contient aucune ligne de données.")
        return lignes

    def verifier(self, n, brut):
        """Typed values of one line; each problem is an error on its column."""
        valeurs = {colonne: brut.get(colonne, "") for colonne in self.colonnes}
        for colonne in self.obligatoires:
            if not valeurs[colonne]:
                self.erreur(n, colonne, "valeur obligatoire manquante.")
        for colonne, longueur in LONGUEURS.items():
            if len(valeurs[colonne]) > longueur:
                self.erreur(n, colonne, f"{longueur} caractères au plus.")
        for colonne in ("nom", "nom_naissance", "prenom"):
            if any(ord(c) in CONTROLES_INVISIBLES for c in valeurs.get(colonne) or ""):
                self.erreur(n, colonne, "caractère invisible qui modifie l'affichage (inversion du sens…).")
        lire_dates(valeurs, ("date_naissance", "date_entree", "date_debut_chomage", "date_sortie"), n, self.erreur)
        valeurs["sexe"] = valeurs["sexe"].upper()
        for colonne in ("statut_marche_travail", "niveau_formation", "nationalite", "motif_sortie", "situation_sortie"):
            valeurs[colonne] = valeurs[colonne].lower()
        for colonne, codes in CODES.items():
            if valeurs[colonne] and valeurs[colonne] not in codes:
                self.erreur(n, colonne, f"code inconnu « {valeurs[colonne]} » (attendu : {', '.join(codes)}).")
        for colonne in BOOLEENS:
            texte = valeurs[colonne].lower()
            if texte not in VALEURS_BOOLEENNES:
                self.erreur(n, colonne, f"« {valeurs[colonne]} » : attendu oui, non, 1, 0 ou vide.")
                valeurs[colonne] = None
            else:
                valeurs[colonne] = VALEURS_BOOLEENNES[texte]
        if valeurs["commune_insee"] and valeurs["commune_insee"] not in self.communes:
            self.erreur(n, "commune_insee", f"commune inconnue « {valeurs['commune_insee']} » (hors Métropole).")
        if valeurs["email"]:
            try:
                validate_email(valeurs["email"])
            except ValidationError:
                self.erreur(n, "email", f"adresse e-mail invalide « {valeurs['email']} ».")
        valeurs["referent_email"] = valeurs["referent_email"].lower()
        if valeurs["referent_email"]:
            self.emails.add(valeurs["referent_email"])
        valeurs["prescripteur_siret"] = valeurs["prescripteur_siret"].replace(" ", "")
        if valeurs["prescripteur_siret"]:
            self.sirets.add(valeurs["prescripteur_siret"])
        entree, sortie = valeurs["date_entree"], valeurs["date_sortie"]
        if entree and sortie and sortie < entree:
            self.erreur(n, "date_sortie", "la date de sortie précède la date d'entrée.")
        if entree and valeurs["date_naissance"] and entree < valeurs["date_naissance"]:
            self.erreur(n, "date_entree", "la date d'entrée précède la date de naissance.")
        if valeurs["date_debut_chomage"] and entree and valeurs["date_debut_chomage"] > entree:
            self.erreur(n, "date_debut_chomage", "le début du chômage est postérieur à la date d'entrée.")
        if sortie is None and not brut.get("date_sortie"):
            for colonne in CHAMPS_DE_SORTIE:
                if valeurs[colonne] not in ("", None):
                    self.erreur(n, colonne, "renseigné alors que la date de sortie est vide.")
        # An exit without a reason is accepted (the old tools did not always keep it): it counts
        # among the exits, never as a positive one, and shows as "motif non renseigné".
        return valeurs


# The columns of a line that are fields of its parcours, as they are.
CHAMPS_PARCOURS = (
    "statut_marche_travail",
    "date_debut_chomage",
    "niveau_formation",
    *BOOLEENS,
    "nationalite",
    "date_sortie",
    "motif_sortie",
    "situation_sortie",
)


def nouveau_participant(v, referents, par):
    """The person of a checked line (not saved), for `Participant.objects.creer_en_masse`."""
    from participants.models import Participant

    participant = Participant(
        sexe=v["sexe"],
        nom=v["nom"],
        prenom=v["prenom"],
        date_naissance=v["date_naissance"],
        commune_id=v["commune_insee"],
        email=v["email"],
        telephone=v["telephone"],
        identifiant_france_travail=v["identifiant_france_travail"],
        referent=referents.get(v["referent_email"]),
        cree_par=par,
    )
    # Its search and identity columns are filled by the bulk door, `creer_en_masse`.
    return participant


def _chevauche(entree, sortie, autre_debut, autre_fin):
    """Two parcours overlap unless one ends (on or) before the other starts; an open one never ends."""
    if entree == autre_debut:
        return True
    finit_avant = sortie is not None and sortie <= autre_debut
    autre_finit_avant = autre_fin is not None and autre_fin <= entree
    return not (finit_avant or autre_finit_avant)


def _par_lots(valeurs, taille=500):
    valeurs = list(valeurs)
    for debut in range(0, len(valeurs), taille):
        yield valeurs[debut : debut + taille]


def importer(contenu, par=None, ecrire=True, nom_fichier=""):
    """Check the CSV `contenu` (bytes or str) and, when every line is valid and `ecrire`, write it.

    Nothing is written when any line is invalid. Returns a `RapportImport`.
    """
    from participants.models import Participant, identity_key

    from .models import Parcours

    rapport = RapportImport()
    try:
        texte = _decoder(contenu)
    except UnicodeDecodeError:
        rapport.erreurs.append(Erreur(1, "", "le fichier n'est pas encodé en UTF-8."))
        return rapport
    lecteur = _Lecteur()
    lignes = lecteur.lire(texte)
    rapport.lignes = len(lignes)

    referents = {user.email: user for user in User.objects.filter(email__in=lecteur.emails, is_active=True).order_by()}
    structures = {s.siret: s for s in Structure.objects.filter(siret__in=lecteur.sirets).order_by()}
    for ligne in lignes:
        valeurs = ligne.valeurs
        email = valeurs["referent_email"]
        if email:
            referent = referents.get(email)
            if referent is None:
                lecteur.erreur(ligne.numero, "referent_email", f"aucun compte actif « {email} ».")
            elif referent.role != Role.REFERENT:
                lecteur.erreur(ligne.numero, "referent_email", f"« {email} » n'est pas un compte de référent·e.")
        siret = valeurs["prescripteur_siret"]
        if siret and siret not in structures:
            lecteur.erreur(ligne.numero, "prescripteur_siret", f"aucune structure avec le SIRET « {siret} ».")
        if valeurs["nom"] and valeurs["prenom"] and valeurs["date_naissance"]:
            ligne.cle = identity_key(valeurs["nom"], valeurs["prenom"], valeurs["date_naissance"])

    with transaction.atomic():
        # Known people and their parcours, read inside the transaction that writes.
        par_cle = defaultdict(list)
        for lot in _par_lots({ligne.cle for ligne in lignes if ligne.cle}):
            for personne in Participant.objects.filter(cle_identite__in=lot).order_by("pk"):
                par_cle[personne.cle_identite].append(personne)
        connus = {cle: personnes[0] for cle, personnes in par_cle.items()}
        existants = defaultdict(list)
        for lot in _par_lots([p.pk for p in connus.values()]):
            for participant_id, orientation, entree, sortie in (
                Parcours.objects.filter(participant_id__in=lot)
                .exclude(decision_commission=DecisionCommission.REFUSEE)
                .order_by()
                .values_list("participant_id", "date_orientation", "date_entree", "date_sortie")
            ):
                existants[participant_id].append((entree or orientation, sortie))

        groupes = defaultdict(list)
        for ligne in lignes:
            if ligne.cle:
                groupes[ligne.cle].append(ligne)
        a_creer = []
        for cle, groupe in groupes.items():
            if len(par_cle.get(cle, ())) > 1:
                for ligne in groupe:
                    lecteur.erreur(
                        ligne.numero,
                        "nom",
                        "plusieurs personnes enregistrées ont cette identité : fusionnez-les avant l'import.",
                    )
                continue
            personne = connus.get(cle)
            intervalles = list(existants[personne.pk]) if personne else []
            for ligne in sorted(groupe, key=lambda lg: (lg.valeurs["date_entree"] or datetime.date.min, lg.numero)):
                entree, sortie = ligne.valeurs["date_entree"], ligne.valeurs["date_sortie"]
                if entree is None:
                    continue
                if any(_chevauche(entree, sortie, debut, fin) for debut, fin in intervalles):
                    lecteur.erreur(
                        ligne.numero,
                        "date_entree",
                        "ce parcours chevauche un autre parcours de la même personne "
                        "(entrée avant la sortie précédente, ou un parcours est encore ouvert).",
                    )
                    continue
                intervalles.append((entree, sortie))
                a_creer.append((ligne, personne))

        rapport.erreurs = sorted(
            lecteur.erreurs, key=lambda e: (e.ligne, COLONNES.index(e.colonne) if e.colonne in COLONNES else -1)
        )
        rapport.personnes_connues = len({cle for cle in groupes if cle in connus})
        rapport.nouvelles_personnes = len(groupes) - rapport.personnes_connues
        rapport.nouveaux_parcours = len(a_creer)
        if rapport.erreurs or not ecrire:
            return rapport

        _ecrire(a_creer, referents, structures, par, nom_fichier)
        rapport.ecrit = True
    return rapport


def _ecrire(a_creer, referents, structures, par, nom_fichier):
    """Write the checked lines (`a_creer`: each line and its known person, else None): the new
    people, the parcours, their kept columns and daily counters, the commission's transitions."""
    from participants.models import Participant

    from .models import Operation, Parcours, Transition, activite
    from .models.courant import poser_premiere_participation, recalculer

    nouveaux = {}
    for ligne, personne in sorted(a_creer, key=lambda item: item[0].valeurs["date_entree"]):
        if personne is None and ligne.cle not in nouveaux:
            nouveaux[ligne.cle] = nouveau_participant(ligne.valeurs, referents, par)
    lignes_par_personne = Counter(ligne.cle for ligne, personne in a_creer if personne is None)
    parcours, a_recalculer = [], []
    for ligne, personne in a_creer:
        v = ligne.valeurs
        participant = personne or nouveaux[ligne.cle]
        objet = Parcours(
            participant=participant,
            referent=referents.get(v["referent_email"]) or participant.referent,
            date_orientation=v["date_entree"],
            prescripteur=structures.get(v["prescripteur_siret"]),
            decision_commission=DecisionCommission.VALIDEE,
            motif_decision="Import" + (f" ({nom_fichier})" if nom_fichier else ""),
            date_entree=v["date_entree"],
            **{champ: v[champ] for champ in CHAMPS_PARCOURS},
        )
        if personne is None and lignes_par_personne[ligne.cle] == 1:
            # Most lines: a new person and their one parcours, inserted with their kept columns.
            poser_premiere_participation(participant, objet)
        else:
            a_recalculer.append(objet)
        parcours.append(objet)
    Participant.objects.creer_en_masse(list(nouveaux.values()), par=par, batch_size=LOT)
    if any(p.pk is None for p in nouveaux.values()):
        # Databases that cannot return keys from bulk inserts: read them back by identity key.
        ids = dict(Participant.objects.filter(cle_identite__in=list(nouveaux)).values_list("cle_identite", "pk"))
        for cle, participant in nouveaux.items():
            participant.pk = ids[cle]
    for objet in parcours:
        objet.participant_id = objet.participant.pk
    Operation.objects.rattacher(parcours)
    crees = creer_avec_historique(parcours, Parcours, batch_size=LOT, default_user=par)
    # Bulk inserts call no save(): the kept columns of known people (and of new ones with several
    # parcours) and the daily counters are written here.
    recalculer({p.participant_id for p in a_recalculer})
    activite.compter(ajoutes=[activite.etat(p) for p in parcours])
    if par is not None and all(p.pk for p in crees):
        Transition.objects.bulk_create(
            [
                Transition(
                    parcours_id=p.pk,
                    par=par,
                    de=DecisionCommission.EN_ATTENTE,
                    vers=DecisionCommission.VALIDEE,
                    motif=p.motif_decision,
                )
                for p in crees
            ],
            batch_size=LOT,
        )
