"""Historical import (`import_historique`, docs/reprise.md): accounts, people, parcours, steps and
interviews of the previous tool, from a folder of CSV files.

`reprendre(fichiers, par=None, ecrire=True)` checks every file together; with no error and
`ecrire`, it writes everything in one transaction. Records are matched by the previous tool's id
(`identifiant_source`): a second run of the same folder changes nothing, a later export updates
what changed (with history) and adds the rest. Original dates are kept (creation, interviews).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from partners.models import EtapeType, Structure

from ..importation import _chevauche, _decoder, _par_lots
from ..models import Parcours
from .ecriture import ecrire_tout
from .fichiers import (
    COLONNES_COMPTES,
    COLONNES_ENTRETIENS,
    COLONNES_ETAPES,
    COMPTES,
    ENTRETIENS,
    ETAPES,
    FICHIERS,
    PARTICIPANTS,
    Erreur,
    Lecteur,
    LecteurParticipants,
    verifier_comptes,
    verifier_entretiens,
    verifier_etapes,
)

__all__ = ["FICHIERS", "Erreur", "RapportReprise", "reprendre"]


@dataclass
class RapportReprise:
    """What a historical import did, or would do: lines per file, records created and updated per
    kind, and every error."""

    lignes: dict = field(default_factory=dict)
    crees: dict = field(default_factory=dict)
    modifies: dict = field(default_factory=dict)
    ignores: list = field(default_factory=list)
    erreurs: list = field(default_factory=list)
    ecrit: bool = False

    @property
    def valide(self):
        return not self.erreurs

    def vers_json(self):
        """What the worker stores on the `Importation` (the page reads it back with `depuis_json`)."""
        return {
            "lignes": self.lignes,
            "crees": self.crees,
            "modifies": self.modifies,
            "ignores": [list(i) for i in self.ignores],
            "erreurs": [[e.fichier, e.ligne, e.colonne, e.message] for e in self.erreurs],
            "ecrit": self.ecrit,
        }

    @classmethod
    def depuis_json(cls, donnees):
        return cls(
            lignes=donnees.get("lignes", {}),
            crees=donnees.get("crees", {}),
            modifies=donnees.get("modifies", {}),
            ignores=[tuple(i) for i in donnees.get("ignores", [])],
            erreurs=[Erreur(*e) for e in donnees.get("erreurs", [])],
            ecrit=donnees.get("ecrit", False),
        )


@dataclass
class Dossier:
    """The folder's checked lines, and what they refer to in the portal."""

    comptes: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    etapes: list = field(default_factory=list)
    entretiens: list = field(default_factory=list)
    utilisateurs: dict = field(default_factory=dict)  # e-mail -> existing User
    structures_siret: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)  # (code or label) -> EtapeType
    structures: dict = field(default_factory=dict)  # (siret or name) -> Structure


def _lignes_inconnues(lecteur, lignes, colonne, connu):
    """One error per unknown value of `colonne`, naming every line that uses it."""
    par_valeur = defaultdict(list)
    for n, v in lignes:
        if v[colonne] and not connu(v):
            par_valeur[v[colonne]].append(n)
    for valeur, numeros in par_valeur.items():
        suite = ", ".join(str(n) for n in numeros)
        lecteur.erreur(numeros[0], colonne, f"« {valeur} » inconnu (lignes {suite}).")


def _verifier(fichiers, maintenant):
    """Read and check the folder: (Dossier, errors)."""
    erreurs = []
    dossier = Dossier()
    if PARTICIPANTS not in fichiers:
        return dossier, [Erreur(PARTICIPANTS, None, "", "fichier obligatoire absent du dossier.")]

    comptes = Lecteur(COMPTES, COLONNES_COMPTES, ("email", "role"))
    if COMPTES in fichiers:
        dossier.comptes = comptes.lire(fichiers[COMPTES])
        verifier_comptes(comptes, dossier.comptes)
    emails_fichier = {v["email"]: v for _n, v in dossier.comptes}

    personnes = LecteurParticipants()
    # The referents' e-mails are checked below against the accounts of the file and the portal.
    dossier.participants = personnes.lire(_texte(fichiers[PARTICIPANTS], personnes))
    etapes = Lecteur(ETAPES, COLONNES_ETAPES, ("identifiant_source", "parcours_source", "statut"))
    if ETAPES in fichiers:
        dossier.etapes = etapes.lire(fichiers[ETAPES])
        verifier_etapes(etapes, dossier.etapes)
    entretiens = Lecteur(ENTRETIENS, COLONNES_ENTRETIENS, ("identifiant_source", "parcours_source", "date", "statut"))
    if ENTRETIENS in fichiers:
        dossier.entretiens = entretiens.lire(fichiers[ENTRETIENS])
        verifier_entretiens(entretiens, dossier.entretiens, maintenant)

    # What the files refer to in the portal, each read once.
    emails = set(emails_fichier) | personnes.emails | {v["auteur_email"] for _n, v in dossier.entretiens}
    dossier.utilisateurs = {u.email: u for u in User.objects.filter(email__in=emails - {""}).order_by()}
    sirets = personnes.sirets | {v["structure_siret"] for _n, v in dossier.comptes + dossier.etapes}
    dossier.structures_siret = {s.siret: s for s in Structure.objects.filter(siret__in=sirets - {""}).order_by()}
    for s in Structure.objects.filter(nom__in={v["structure_nom"] for _n, v in dossier.etapes} - {""}).order_by():
        dossier.structures.setdefault(s.nom, s)
    for t in EtapeType.objects.order_by():
        dossier.types.setdefault(t.libelle, t)
        dossier.types[t.code] = t

    _lignes_inconnues(
        comptes, dossier.comptes, "structure_siret", lambda v: v["structure_siret"] in dossier.structures_siret
    )
    _verifier_participants(personnes, dossier, emails_fichier)
    sources = {ligne.valeurs["identifiant_source"] for ligne in dossier.participants}
    # Parcours of an earlier import that the steps and interviews name without this folder holding them.
    autres = {v["parcours_source"] for _n, v in dossier.etapes + dossier.entretiens} - sources
    connus = set()
    for lot in _par_lots(autres, 2000):
        connus |= set(Parcours.objects.filter(identifiant_source__in=lot).values_list("identifiant_source", flat=True))
    # One set for every line (a union per line was 375,000 unions of 26,000 ids at scale).
    references = sources | connus
    for lecteur, lignes in ((etapes, dossier.etapes), (entretiens, dossier.entretiens)):
        _lignes_inconnues(lecteur, lignes, "parcours_source", lambda v: v["parcours_source"] in references)
    _lignes_inconnues(
        etapes, dossier.etapes, "type_code", lambda v: (v["type_code"] or v["type_libelle"]) in dossier.types
    )
    for _n, v in dossier.etapes:
        if not v["type_code"] and v["type_libelle"] not in dossier.types:
            v["type_code"] = v["type_libelle"]  # listed once under type_code with its lines
    _lignes_inconnues(
        etapes,
        dossier.etapes,
        "structure_siret",
        lambda v: (
            v["structure_siret"] in dossier.structures_siret
            or (not v["structure_siret"] and v["structure_nom"] in dossier.structures)
        ),
    )
    _lignes_inconnues(
        entretiens,
        dossier.entretiens,
        "auteur_email",
        lambda v: v["auteur_email"] in emails_fichier or v["auteur_email"] in dossier.utilisateurs,
    )
    erreurs += comptes.erreurs + etapes.erreurs + entretiens.erreurs
    erreurs += [Erreur(PARTICIPANTS, e.ligne, e.colonne, e.message) for e in personnes.erreurs]
    ordre = {nom: i for i, nom in enumerate(FICHIERS)}
    erreurs.sort(key=lambda e: (ordre[e.fichier], e.ligne or 0, e.colonne))
    return dossier, erreurs


def _texte(contenu, lecteur):
    try:
        return _decoder(contenu)
    except UnicodeDecodeError:
        lecteur.erreur(1, "", "le fichier n'est pas encodé en UTF-8.")
        return ""


def _verifier_participants(personnes, dossier, emails_fichier):
    """The people's lines against each other and the portal: a known referent, a known prescriber,
    ids unique in the file, no two parcours of a person overlapping."""
    from participants.models import identity_key

    vus = {}
    for ligne in dossier.participants:
        v, n = ligne.valeurs, ligne.numero
        source = v["identifiant_source"]
        if source in vus:
            personnes.erreur(n, "identifiant_source", f"« {source} » figure déjà ligne {vus[source]}.")
        vus.setdefault(source, n)
        email = v["referent_email"]
        if email:
            compte = emails_fichier.get(email)
            existant = dossier.utilisateurs.get(email)
            role = compte["role"] if compte else (existant.role if existant else None)
            if role is None:
                personnes.erreur(n, "referent_email", f"« {email} » n'est ni dans comptes.csv ni dans le portail.")
            elif role != "referent":
                personnes.erreur(n, "referent_email", f"« {email} » n'est pas un compte de référent·e.")
        siret = v["prescripteur_siret"]
        if siret and siret not in dossier.structures_siret:
            personnes.erreur(n, "prescripteur_siret", f"aucune structure avec le SIRET « {siret} ».")
        if v["nom"] and v["prenom"] and v["date_naissance"]:
            ligne.cle = identity_key(v["nom"], v["prenom"], v["date_naissance"])
    par_cle = defaultdict(list)
    for ligne in dossier.participants:
        if ligne.cle and ligne.valeurs["date_entree"]:
            par_cle[ligne.cle].append(ligne)
    for groupe in par_cle.values():
        intervalles = []
        for ligne in sorted(groupe, key=lambda lg: (lg.valeurs["date_entree"], lg.numero)):
            entree, sortie = ligne.valeurs["date_entree"], ligne.valeurs["date_sortie"]
            if any(_chevauche(entree, sortie, debut, fin) for debut, fin in intervalles):
                personnes.erreur(
                    ligne.numero, "date_entree", "ce parcours chevauche un autre parcours de la même personne."
                )
            intervalles.append((entree, sortie))


def reprendre(fichiers, par=None, ecrire=True, progression=None):
    """Check the folder `fichiers` ({file name: bytes}) and, when nothing is wrong and `ecrire`,
    write it in one transaction. `progression(phase)` is told "verification", then "ecriture"
    (or "simulation" for a check, which writes in a transaction rolled back).
    Returns a `RapportReprise`."""
    progression = progression or (lambda _phase: None)
    rapport = RapportReprise()
    progression("verification")
    dossier, erreurs = _verifier(fichiers, timezone.now())
    rapport.lignes = {
        COMPTES: len(dossier.comptes),
        PARTICIPANTS: len(dossier.participants),
        ETAPES: len(dossier.etapes),
        ENTRETIENS: len(dossier.entretiens),
    }
    rapport.erreurs = erreurs
    if erreurs:
        return rapport
    progression("ecriture" if ecrire else "simulation")
    with transaction.atomic():
        ecrire_tout(dossier, rapport, par)
        if not ecrire:
            # A dry run writes in a transaction rolled back: its counts are those of the real run.
            transaction.set_rollback(True)
            return rapport
    rapport.ecrit = True
    return rapport
