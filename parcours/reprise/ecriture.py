"""Writing a checked historical import: each record created once, found again by the previous
tool's id on the next run, updated (with history) only where a value changed."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User

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

    from ..models import Parcours

    cles = {ligne.cle for ligne in dossier.participants}
    connus = _par_source(Participant.objects.order_by("pk"), cles, "cle_identite")
    sources = [ligne.valeurs["identifiant_source"] for ligne in dossier.participants]
    existants = _par_source(Parcours.objects.select_related("participant"), sources)
    nouveaux = {}
    creations = defaultdict(list)
    for ligne in dossier.participants:
        v = ligne.valeurs
        if v["date_creation"]:
            creations[ligne.cle].append(v["date_creation"])
        if ligne.cle not in connus and ligne.cle not in nouveaux:
            nouveaux[ligne.cle] = nouveau_participant(v, dossier.utilisateurs, par)
    # The previous tool's creation date is the record's, for the retention periods.
    for cle, participant in nouveaux.items():
        if creations[cle]:
            participant.cree_le = _minuit(min(creations[cle]))
    bulk_create_with_history(list(nouveaux.values()), Participant, batch_size=LOT, default_user=par)
    if any(p.pk is None for p in nouveaux.values()):
        ids = _par_source(Participant.objects.only("pk", "cle_identite"), list(nouveaux), "cle_identite")
        for cle, participant in nouveaux.items():
            participant.pk = ids[cle].pk
    _compter(rapport, "participants", crees=len(nouveaux))
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
            continue
        if existant is not None:
            modifies += _mettre_a_jour(existant, valeurs, par)
            parcours[v["identifiant_source"]] = existant
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
    bulk_create_with_history(a_creer, Parcours, batch_size=LOT, default_user=par)
    if any(p.pk is None for p in a_creer):
        ids = _par_source(Parcours.objects.only("pk", "identifiant_source"), [p.identifiant_source for p in a_creer])
        for objet in a_creer:
            objet.pk = ids[objet.identifiant_source].pk
    for objet in a_creer:
        parcours[objet.identifiant_source] = objet
    _compter(rapport, "parcours", crees=len(a_creer), modifies=modifies)
    return parcours


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


def ecrire_etapes(dossier, rapport, parcours, par):
    from ..models import Etape

    existantes = _par_source(Etape.objects.all(), [v["identifiant_source"] for _n, v in dossier.etapes])
    a_creer, modifies = [], 0
    for _n, v in dossier.etapes:
        structure = dossier.structures_siret.get(v["structure_siret"]) or dossier.structures[v["structure_nom"]]
        valeurs = {
            "type_id": dossier.types[v["type_code"] or v["type_libelle"]].pk,
            "structure_id": structure.pk,
            "statut": v["statut"],
            **{c: v[c] for c in ("date_debut_prevue", "date_fin_prevue", "date_debut", "date_fin")},
            "resultat": v["resultat"],
            "commentaire_partenaire": v["commentaire"],
        }
        existante = existantes.get(v["identifiant_source"])
        if existante is not None:
            modifies += _mettre_a_jour(existante, valeurs, par)
            continue
        etape = Etape(parcours=_parcours(parcours, v), identifiant_source=v["identifiant_source"], **valeurs)
        # A step keeps the date it was planned or started in the previous tool, not today.
        if jour := etape.date_debut or etape.date_debut_prevue:
            etape.cree_le = _minuit(jour)
        a_creer.append(etape)
    bulk_create_with_history(a_creer, Etape, batch_size=LOT, default_user=par)
    _compter(rapport, "etapes", crees=len(a_creer), modifies=modifies)


def _parcours(parcours, v):
    from ..models import Parcours

    objet = parcours.get(v["parcours_source"])
    if objet is None:  # a parcours of an earlier import, not in this folder
        objet = parcours[v["parcours_source"]] = Parcours.objects.get(identifiant_source=v["parcours_source"])
    return objet


def ecrire_entretiens(dossier, rapport, parcours):
    from ..models import Entretien

    existants = _par_source(Entretien.objects.all(), [v["identifiant_source"] for _n, v in dossier.entretiens])
    a_creer, modifies = [], 0
    for _n, v in dossier.entretiens:
        valeurs = {
            "date": v["date"],
            "type": v["modalite"],
            "statut": v["statut"],
            "note": v["note"],
            "auteur_id": getattr(dossier.utilisateurs.get(v["auteur_email"]), "pk", None),
        }
        existant = existants.get(v["identifiant_source"])
        if existant is not None:
            changes = [c for c, valeur in valeurs.items() if getattr(existant, c) != valeur]
            for champ in changes:
                setattr(existant, champ, valeurs[champ])
            if changes:
                existant.save(update_fields=changes)
                modifies += 1
            continue
        a_creer.append(
            Entretien(
                parcours=_parcours(parcours, v),
                identifiant_source=v["identifiant_source"],
                cree_le=v["date"],
                **valeurs,
            )
        )
    Entretien.objects.bulk_create(a_creer, batch_size=LOT)
    _compter(rapport, "entretiens", crees=len(a_creer), modifies=modifies)


def ecrire_tout(dossier, rapport, par):
    """Write the checked folder (inside the caller's transaction); an error found while writing
    (an overlap with the portal's own records) rolls everything back."""
    ecrire_comptes(dossier, rapport)
    parcours = ecrire_participants(dossier, rapport, par)
    if rapport.erreurs:
        transaction.set_rollback(True)
        rapport.crees, rapport.modifies = {}, {}
        return
    ecrire_etapes(dossier, rapport, parcours, par)
    ecrire_entretiens(dossier, rapport, parcours)
