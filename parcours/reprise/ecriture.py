"""Writing a checked historical import: each record created once, found again by the previous
tool's id on the next run, updated (with history) only where a value changed."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from plie_portal.historique import creer_avec_historique

from ..choices import DecisionCommission
from ..importation import CHAMPS_PARCOURS, LOT, _chevauche, _par_lots, nouveau_participant
from .fichiers import PARTICIPANTS, Erreur

MOTIF = "Reprise de l'historique"


def _par_source(queryset, valeurs, champ="identifiant_source"):
    """The rows of `queryset` whose `champ` is among `valeurs`, read in batches (a folder holds
    hundreds of thousands of ids: more than one query's parameters)."""
    resultat = {}
    for lot in _par_lots(valeurs, 2000):
        for objet in queryset.filter(**{f"{champ}__in": lot}):
            resultat.setdefault(getattr(objet, champ), objet)
    return resultat


def _minuit(jour):
    """A date as the date-time of its start in Paris (creation dates of the previous tool)."""
    return timezone.make_aware(datetime.datetime.combine(jour, datetime.time()))


def _mettre_a_jour(objet, valeurs, par):
    """Set the values that differ and save with history; False when nothing changed."""
    changes = [champ for champ, valeur in valeurs.items() if getattr(objet, champ) != valeur]
    if not changes:
        return False
    for champ in changes:
        setattr(objet, champ, valeurs[champ])
    objet._change_reason = MOTIF
    if par is not None:
        objet._history_user = par
    objet.save()
    return True


def _compter(rapport, genre, crees=0, modifies=0):
    rapport.crees[genre] = rapport.crees.get(genre, 0) + crees
    rapport.modifies[genre] = rapport.modifies.get(genre, 0) + modifies


def ecrire_comptes(dossier, rapport):
    """Accounts of comptes.csv not in the portal yet, inactive (to be invited later)."""
    nouveaux = []
    for _n, v in dossier.comptes:
        if v["email"] in dossier.utilisateurs:
            continue
        user = User(
            email=v["email"],
            first_name=v["prenom"],
            last_name=v["nom"],
            role=v["role"],
            structure=dossier.structures_siret.get(v["structure_siret"]),
            is_active=False,
        )
        user.set_unusable_password()
        nouveaux.append(user)
    for user in nouveaux:
        user.save()
        dossier.utilisateurs[user.email] = user
    _compter(rapport, "comptes", crees=len(nouveaux))


def ecrire_participants(dossier, rapport, par):
    """The people (found by their identity key, else created with the previous tool's creation
    date) and their parcours (found by `identifiant_source`, else created)."""
    from participants.models import Participant

    from ..models import Operation, Parcours, activite
    from ..models.courant import recalculer

    cles = {ligne.cle for ligne in dossier.participants}
    connus = _par_source(Participant.objects.order_by("pk"), cles, "cle_identite")
    sources = [ligne.valeurs["identifiant_source"] for ligne in dossier.participants]
    existants = _par_source(Parcours.objects.select_related("participant"), sources)
    recentes = _lignes_recentes(dossier)
    nouveaux = {}
    creations = defaultdict(list)
    for ligne in dossier.participants:
        v = ligne.valeurs
        if v["date_creation"]:
            creations[ligne.cle].append(v["date_creation"])
        if ligne.cle not in connus and ligne.cle not in nouveaux:
            # The line of the person's latest parcours, as a later run reads it (no change then).
            nouveaux[ligne.cle] = nouveau_participant(recentes[ligne.cle], dossier.utilisateurs, par)
    # The previous tool's creation date is the record's, for the retention periods.
    for cle, participant in nouveaux.items():
        if creations[cle]:
            participant.cree_le = _minuit(min(creations[cle]))
    Participant.objects.creer_en_masse(list(nouveaux.values()), par=par, raison=MOTIF, batch_size=LOT)
    if any(p.pk is None for p in nouveaux.values()):
        ids = _par_source(Participant.objects.only("pk", "cle_identite"), list(nouveaux), "cle_identite")
        for cle, participant in nouveaux.items():
            participant.pk = ids[cle].pk
    _compter(rapport, "participants", crees=len(nouveaux), modifies=_actualiser_personnes(recentes, connus, par))
    personnes = {**connus, **nouveaux}
    _refuser_les_chevauchements(dossier, rapport, personnes, existants)
    if rapport.erreurs:
        return {}

    a_creer, modifies, parcours = [], 0, {}
    for ligne in dossier.participants:
        v = ligne.valeurs
        personne = personnes[ligne.cle]
        referent = dossier.utilisateurs.get(v["referent_email"])
        prescripteur = dossier.structures_siret.get(v["prescripteur_siret"])
        valeurs = {
            "referent_id": referent.pk if referent else personne.referent_id,
            "date_orientation": v["date_orientation"] or v["date_entree"],
            "prescripteur_id": prescripteur.pk if prescripteur else None,
            "date_entree": v["date_entree"],
            **{champ: v[champ] for champ in CHAMPS_PARCOURS},
        }
        existant = existants.get(v["identifiant_source"])
        if existant is not None and existant.participant.anonymise_le:
            # The person was anonymised since the last import: the old tool's export must not
            # bring their data back.
            rapport.ignores.append((PARTICIPANTS, ligne.numero, "fiche anonymisée depuis la précédente reprise"))
            parcours[v["identifiant_source"]] = None  # nor its steps and interviews
            continue
        if existant is not None:
            modifies += _mettre_a_jour(existant, valeurs, par)
            parcours[v["identifiant_source"]] = existant.pk
            continue
        objet = Parcours(
            participant_id=personne.pk,
            identifiant_source=v["identifiant_source"],
            decision_commission=DecisionCommission.VALIDEE,
            motif_decision=MOTIF,
            **valeurs,
        )
        if v["date_creation"]:
            objet.cree_le = _minuit(v["date_creation"])
        a_creer.append(objet)
    Operation.objects.rattacher(a_creer)
    creer_avec_historique(a_creer, Parcours, batch_size=LOT, default_user=par)
    if any(p.pk is None for p in a_creer):
        ids = _par_source(Parcours.objects.only("pk", "identifiant_source"), [p.identifiant_source for p in a_creer])
        for objet in a_creer:
            objet.pk = ids[objet.identifiant_source].pk
    for objet in a_creer:
        parcours[objet.identifiant_source] = objet.pk
    # Bulk inserts call no save(): the kept columns and the daily counters are written here.
    recalculer({objet.participant_id for objet in a_creer})
    activite.compter(ajoutes=[activite.etat(objet) for objet in a_creer])
    _compter(rapport, "parcours", crees=len(a_creer), modifies=modifies)
    return parcours


CHAMPS_PERSONNE = ("sexe", "commune_id", "email", "telephone", "identifiant_france_travail")


def _lignes_recentes(dossier):
    """{identity key: values of the line of the person's latest parcours}: what a person's
    details are taken from, on creation as on a later update."""
    lignes = {}
    for ligne in sorted(dossier.participants, key=lambda lg: (lg.valeurs["date_entree"], lg.numero)):
        lignes[ligne.cle] = ligne.valeurs
    return lignes


def _actualiser_personnes(lignes, connus, par):
    """A person a reprise brought takes the details of a later export (from the line of its latest
    parcours), unless the record was changed in the portal since: the portal's values then win.
    Returns how many changed."""
    from participants.models import Participant

    derniers = {}  # person id -> (reason, date) of its latest history record
    for lot in _par_lots([p.pk for p in connus.values()], 2000):
        for pk, raison, quand in (
            Participant.history.filter(id__in=lot).order_by().values_list("id", "history_change_reason", "history_date")
        ):
            if pk not in derniers or quand > derniers[pk][1]:
                derniers[pk] = (raison, quand)
    modifies = 0
    for cle, personne in connus.items():
        if personne.anonymise_le or derniers.get(personne.pk, (None,))[0] != MOTIF:
            continue
        v = lignes[cle]
        valeurs = {champ: v[champ] for champ in CHAMPS_PERSONNE if champ != "commune_id"}
        modifies += _mettre_a_jour(personne, {**valeurs, "commune_id": v["commune_insee"]}, par)
    return modifies


def _refuser_les_chevauchements(dossier, rapport, personnes, existants):
    """A new parcours may not overlap one the person already has in the portal (entered by hand
    or by another import): listed as an error of its line, and nothing is written."""
    from ..models import Parcours

    sources = {ligne.valeurs["identifiant_source"] for ligne in dossier.participants}
    deja = defaultdict(list)
    for participant_id, source, orientation, entree, sortie in (
        Parcours.objects.filter(participant_id__in=[p.pk for p in personnes.values()])
        .exclude(decision_commission=DecisionCommission.REFUSEE)
        .order_by()
        .values_list("participant_id", "identifiant_source", "date_orientation", "date_entree", "date_sortie")
    ):
        if not source or source not in sources:
            deja[participant_id].append((entree or orientation, sortie))
    for ligne in dossier.participants:
        v = ligne.valeurs
        if v["identifiant_source"] in existants:
            continue
        autres = deja[personnes[ligne.cle].pk]
        if any(_chevauche(v["date_entree"], v["date_sortie"], debut, fin) for debut, fin in autres):
            rapport.erreurs.append(
                Erreur(
                    PARTICIPANTS,
                    ligne.numero,
                    "date_entree",
                    "ce parcours chevauche un parcours que la personne a déjà dans le portail.",
                )
            )


# Lines written per round: each round reads its existing records and creates the rest, so that
# memory stays that of one round (a folder holds 375,000 steps and interviews).
TRANCHE = 2 * LOT
CHAMPS_ETAPE = (
    "type_id",
    "structure_id",
    "statut",
    "date_debut_prevue",
    "date_fin_prevue",
    "date_debut",
    "date_fin",
    "resultat",
    "commentaire_partenaire",
)
CHAMPS_ENTRETIEN = ("date", "type", "statut", "note", "auteur_id")


def _tranches(lignes):
    for debut in range(0, len(lignes), TRANCHE):
        yield lignes[debut : debut + TRANCHE]


def _comparer(modele, champs, valeurs_par_source):
    """Split the round's lines: {source: values} of the records to create, and {pk: values} of
    the existing ones whose values differ (compared as rows, without building the objects)."""
    existantes = {
        ligne[0]: ligne[1:]
        for ligne in modele.objects.filter(identifiant_source__in=list(valeurs_par_source))
        .order_by()
        .values_list("identifiant_source", "pk", *champs)
    }
    a_creer, a_modifier = {}, {}
    for source, valeurs in valeurs_par_source.items():
        existante = existantes.get(source)
        if existante is None:
            a_creer[source] = valeurs
        elif tuple(valeurs[c] for c in champs) != existante[1:]:
            a_modifier[existante[0]] = valeurs
    return a_creer, a_modifier


def ecrire_etapes(dossier, rapport, parcours, par):
    """The steps, round by round: created, or updated with history where a value changed."""
    from ..models import Etape

    crees = modifies = 0
    for tranche in _tranches(dossier.etapes):
        lignes = {}
        for _n, v in tranche:
            if parcours[v["parcours_source"]] is None:
                continue
            structure = dossier.structures_siret.get(v["structure_siret"]) or dossier.structures[v["structure_nom"]]
            lignes[v["identifiant_source"]] = {
                "type_id": dossier.types[v["type_code"] or v["type_libelle"]].pk,
                "structure_id": structure.pk,
                "statut": v["statut"],
                **{c: v[c] for c in ("date_debut_prevue", "date_fin_prevue", "date_debut", "date_fin")},
                "resultat": v["resultat"],
                "commentaire_partenaire": v["commentaire"],
                "parcours_id": parcours[v["parcours_source"]],
            }
        a_creer, a_modifier = _comparer(Etape, CHAMPS_ETAPE, lignes)
        for etape in Etape.objects.filter(pk__in=a_modifier).order_by("pk"):
            valeurs = a_modifier[etape.pk]
            modifies += _mettre_a_jour(etape, {c: valeurs[c] for c in CHAMPS_ETAPE}, par)
        etapes = []
        for source, valeurs in a_creer.items():
            etape = Etape(identifiant_source=source, **valeurs)
            # A step keeps the date it was planned or started in the previous tool, not today.
            if jour := etape.date_debut or etape.date_debut_prevue:
                etape.cree_le = _minuit(jour)
            etapes.append(etape)
        creer_avec_historique(etapes, Etape, batch_size=LOT, default_user=par)
        crees += len(etapes)
    _compter(rapport, "etapes", crees=crees, modifies=modifies)


def ecrire_entretiens(dossier, rapport, parcours):
    """The interviews, round by round (the journal keeps no history of its own)."""
    from ..models import Entretien

    crees = modifies = 0
    for tranche in _tranches(dossier.entretiens):
        lignes = {
            v["identifiant_source"]: {
                "date": v["date"],
                "type": v["modalite"],
                "statut": v["statut"],
                "note": v["note"],
                "auteur_id": getattr(dossier.utilisateurs.get(v["auteur_email"]), "pk", None),
                "parcours_id": parcours[v["parcours_source"]],
            }
            for _n, v in tranche
            if parcours[v["parcours_source"]] is not None
        }
        a_creer, a_modifier = _comparer(Entretien, CHAMPS_ENTRETIEN, lignes)
        for entretien in Entretien.objects.filter(pk__in=a_modifier).order_by("pk"):
            valeurs = a_modifier[entretien.pk]
            changes = [c for c in CHAMPS_ENTRETIEN if getattr(entretien, c) != valeurs[c]]
            for champ in changes:
                setattr(entretien, champ, valeurs[champ])
            entretien.save(update_fields=changes)
            modifies += 1
        Entretien.objects.bulk_create(
            [Entretien(identifiant_source=s, cree_le=v["date"], **v) for s, v in a_creer.items()], batch_size=LOT
        )
        crees += len(a_creer)
    _compter(rapport, "entretiens", crees=crees, modifies=modifies)


def _parcours_anterieurs(dossier, parcours):
    """Add to {source: parcours id} the parcours of an earlier import that the steps and
    interviews name without this folder holding them."""
    from ..models import Parcours

    autres = {v["parcours_source"] for _n, v in dossier.etapes + dossier.entretiens} - set(parcours)
    for objet in _par_source(Parcours.objects.select_related("participant"), autres).values():
        # An anonymised person's record takes nothing more from the old tool.
        parcours[objet.identifiant_source] = None if objet.participant.anonymise_le else objet.pk


def ecrire_tout(dossier, rapport, par):
    """Write the checked folder (inside the caller's transaction); an error found while writing
    (an overlap with the portal's own records) rolls everything back."""
    ecrire_comptes(dossier, rapport)
    parcours = ecrire_participants(dossier, rapport, par)
    if rapport.erreurs:
        transaction.set_rollback(True)
        rapport.crees, rapport.modifies = {}, {}
        return
    _parcours_anterieurs(dossier, parcours)
    ecrire_etapes(dossier, rapport, parcours, par)
    ecrire_entretiens(dossier, rapport, parcours)
