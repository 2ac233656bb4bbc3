"""Demo participants with their parcours, steps, interviews, exits and follow-ups (`seed_demo`).

Written with bulk inserts (and simple_history's bulk helper, so that the history exists) so that
`--participants 25000` finishes in minutes. Idempotent: nothing is added when demo participants
already exist.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from faker import Faker

from accounts.models import Role, User
from parcours.choices import (
    MOTIFS_SORTIE_POSITIVE,
    DecisionCommission,
    MotifSortie,
    Nationalite,
    NiveauFormation,
    SituationSortie,
    StatutEntretien,
    StatutEtape,
    StatutMarcheTravail,
    TypeEntretien,
)
from parcours.models import Entretien, Etape, Operation, Parcours, activite
from parcours.models.courant import recalculer
from partners.models import EtapeType, Structure
from plie_portal.copie import inserer_par_copy
from plie_portal.historique import creer_avec_historique
from territoire.models import Commune

from .models import Participant, Sexe

DOMAINE_DEMO = "demo-participant.fr"
LOT = 2000
MOTIFS_POSITIFS = sorted(MOTIFS_SORTIE_POSITIVE)
MOTIFS_AUTRES = sorted(set(MotifSortie.values) - set(MOTIFS_SORTIE_POSITIVE))
NOTES = [
    "Point sur la recherche d'emploi et les candidatures envoyées.",
    "Travail sur le CV et la lettre de motivation.",
    "Échange sur la mobilité : démarches pour le permis de conduire.",
    "Préparation de l'entretien d'embauche.",
    "Point sur la formation en cours, retours positifs de l'organisme.",
    "Difficultés de garde d'enfants évoquées, orientation vers le relais petite enfance.",
    "Bilan de l'immersion en entreprise.",
]
# Step types of a typical parcours, in order; one per category keeps parcours realistic.
SEQUENCE = [
    ["diagnostic-socio-pro", "bilan-competences"],
    ["mobilite-permis", "logement", "sante", "garde-enfants", "fle", "inclusion-numerique", "acces-droits"],
    ["atelier-remobilisation", "immersion-pmsmp", "savoirs-de-base", "formation-pre-qualifiante"],
    ["contrat-aci", "contrat-ei", "mission-etti", "mission-ai", "formation-qualifiante"],
    ["emploi-durable", "alternance", "creation-activite"],
]


def _referents(ctx):
    emails = [u for u in ctx.data.get("users", {}).values() if u.role == Role.REFERENT]
    return emails or list(User.objects.filter(role=Role.REFERENT, is_active=True))


def _structures_par_type(rng):
    """Structures offering each step type; active PLIE partners when the catalogue names none."""
    partenaires = list(Structure.objects.filter(actif=True, partenaire_plie=True).values_list("id", flat=True))
    offres = {}
    for type_id, structure_id in EtapeType.structures.through.objects.filter(structure__actif=True).values_list(
        "etapetype_id", "structure_id"
    ):
        offres.setdefault(type_id, []).append(structure_id)
    return offres, partenaires


def _date_dans(rng, debut, fin):
    jours = max((fin - debut).days, 0)
    return debut + timedelta(days=rng.randint(0, jours))


def _oui_non(rng, proba_oui, proba_inconnu=0.05):
    tirage = rng.random()
    if tirage < proba_inconnu:
        return None
    return rng.random() < proba_oui


FUSEAU = zoneinfo.ZoneInfo(settings.TIME_ZONE)
TYPES_ENTRETIEN = TypeEntretien.values


def _moment(jour, heure, sens=-1):
    """A time of a working day: a weekend day moves to the Friday before (sens=-1, the past stays
    past) or to the Monday after (sens=1, a planned interview stays ahead)."""
    while jour.weekday() >= 5:
        jour += timedelta(days=sens)
    # Europe/Paris read once (make_aware looks the current time zone up at each of ~250,000 calls).
    return datetime.combine(jour, time(heure, 30 if heure % 2 else 0), tzinfo=FUSEAU)


# (sex, first name, name) given to the first person of each referent.
NOMS_ACCENTUES = [
    (Sexe.FEMME, "Hélène", "Lefèvre"),
    (Sexe.HOMME, "Jérôme", "Bénard"),
    (Sexe.FEMME, "Maëlle", "Lemaître"),
    (Sexe.HOMME, "Noël", "Guérin"),
    (Sexe.FEMME, "Anaïs", "Hébert"),
    (Sexe.HOMME, "Loïc", "Dupré"),
]


@transaction.atomic
def seed(ctx):
    if ctx.participants <= 0:
        return
    if Participant.objects.filter(email__endswith=f"@{DOMAINE_DEMO}").exists():
        ctx.notes.append("Participants de démonstration déjà présents : aucun ajout.")
        return
    rng = ctx.rng
    faker = Faker("fr_FR")
    faker.seed_instance(ctx.seed)
    referents = _referents(ctx)
    if not referents:
        ctx.notes.append("Aucun référent : participants de démonstration non créés.")
        return
    communes = list(Commune.objects.all())
    poids = [max(c.population, 1) for c in communes]
    offres, partenaires = _structures_par_type(rng)
    types = {t.code: t for t in EtapeType.objects.filter(actif=True)}
    sequence = [[types[code] for code in groupe if code in types] for groupe in SEQUENCE]
    sequence = [groupe for groupe in sequence if groupe]
    prescripteurs = (
        list(
            Structure.objects.filter(
                actif=True,
                partenaire_plie=True,
                type__in=["france_travail", "mission_locale", "commune_ccas", "cap_emploi"],
            ).values_list("id", flat=True)
        )
        or partenaires
    )
    aujourd_hui = timezone.localdate()

    # --- Participants --------------------------------------------------------------------
    participants, plans_par_personne = [], []
    for numero in range(ctx.participants):
        sexe = rng.choices([Sexe.FEMME, Sexe.HOMME, Sexe.NON_BINAIRE, ""], weights=[50, 47, 1, 2])[0]
        prenom = faker.first_name_female() if sexe == Sexe.FEMME else faker.first_name_male()
        nom = faker.last_name()
        age = rng.randint(16, 64)
        naissance = aujourd_hui - timedelta(days=age * 365 + rng.randint(0, 364))
        referent = rng.choice(referents)
        if numero < len(referents):
            # Each referent follows at least one person whose name carries accents, to try the
            # search that ignores them ("lefevre" finds Lefèvre).
            referent = referents[numero]
            sexe, prenom, nom = NOMS_ACCENTUES[numero % len(NOMS_ACCENTUES)]
        plans = _plans(rng, aujourd_hui)
        plans_par_personne.append(plans)
        participant = Participant(
            sexe=sexe,
            nom=nom,
            nom_naissance=faker.last_name() if sexe == Sexe.FEMME and rng.random() < 0.15 else "",
            prenom=prenom,
            date_naissance=naissance,
            adresse=faker.street_address(),
            commune=rng.choices(communes, weights=poids)[0],
            telephone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"{_ascii(prenom)}.{_ascii(nom)}.{numero}@{DOMAINE_DEMO}",
            identifiant_france_travail=f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}"
            if rng.random() < 0.8
            else "",
            referent=referent,
            # The information notice is handed over at the first orientation, most of the time.
            date_information=plans[0][1] if rng.random() < 0.9 else None,
        )
        participant.fill_normalised_fields()
        participants.append(participant)
    participants = Participant.objects.creer_en_masse(participants, raison="Données de démonstration", batch_size=LOT)
    if not participants[0].pk:
        participants = list(Participant.objects.filter(email__endswith=f"@{DOMAINE_DEMO}").order_by("id"))

    # --- Parcours ------------------------------------------------------------------------
    parcours = []
    for participant, plans in zip(participants, plans_par_personne, strict=True):
        for plan in plans:
            parcours.append(_parcours(rng, participant, plan, prescripteurs, aujourd_hui))
    Operation.objects.rattacher(parcours)
    parcours = creer_avec_historique(
        parcours, Parcours, batch_size=LOT, default_change_reason="Données de démonstration"
    )
    if parcours and not parcours[0].pk:
        parcours = list(Parcours.objects.filter(participant__email__endswith=f"@{DOMAINE_DEMO}").order_by("id"))
    # Bulk inserts call no save(): the kept columns and the daily counters are written here.
    recalculer([p.pk for p in participants])
    activite.compter(ajoutes=[activite.etat(p) for p in parcours])

    # --- Steps and interviews ------------------------------------------------------------
    etapes, entretiens = [], []
    for p in parcours:
        if p.date_entree is None:
            continue
        fin = p.date_sortie or aujourd_hui
        etapes.extend(_etapes(rng, p, fin, sequence, offres, partenaires, aujourd_hui))
        entretiens.extend(_entretiens(rng, p, fin, aujourd_hui))
    creer_avec_historique(etapes, Etape, batch_size=LOT, default_change_reason="Données de démonstration")
    inserer_par_copy(Entretien, entretiens)
    sorties = [p for p in parcours if p.date_sortie]
    positives = sum(1 for p in sorties if p.motif_sortie in MOTIFS_SORTIE_POSITIVE)
    ctx.notes.append(
        f"Participants : {len(participants)} ; parcours : {len(parcours)} ; étapes : {len(etapes)} ; "
        f"entretiens : {len(entretiens)} ; sorties : {len(sorties)} dont {positives} positives."
    )


def _ascii(texte):
    from plie_portal.text import normalize

    return "".join(c for c in normalize(texte) if c.isalnum()) or "x"


def _plans(rng, aujourd_hui):
    """The parcours of one person: (kind, orientation date); sometimes an earlier exited one."""
    plans = []
    tirage = rng.random()
    if tirage < 0.08:
        genre = "attente"
        orientation = aujourd_hui - timedelta(days=rng.randint(3, 45))
    elif tirage < 0.11:
        genre = "refuse"
        orientation = aujourd_hui - timedelta(days=rng.randint(30, 400))
    elif tirage < 0.63:
        genre = "en_cours"
        orientation = aujourd_hui - timedelta(days=rng.randint(20, 900))
    else:
        genre = "sorti"
        orientation = aujourd_hui - timedelta(days=rng.randint(120, 1000))
    if genre in ("en_cours", "attente") and rng.random() < 0.06:
        # A person coming back: an older exited parcours before this one.
        anterieur = orientation - timedelta(days=rng.randint(500, 900))
        plans.append(("sorti_avant", anterieur, orientation - timedelta(days=30)))
    plans.append((genre, orientation, None))
    return plans


def _parcours(rng, participant, plan, prescripteurs, aujourd_hui):
    genre, orientation, borne = plan
    p = Parcours(
        participant=participant,
        referent=participant.referent,
        date_orientation=orientation,
        prescripteur_id=rng.choice(prescripteurs) if prescripteurs else None,
        statut_marche_travail=rng.choices(
            [StatutMarcheTravail.CHOMEUR, StatutMarcheTravail.INACTIF, StatutMarcheTravail.EN_EMPLOI, ""],
            weights=[78, 14, 3, 5],
        )[0],
        niveau_formation=rng.choices([*NiveauFormation.values, ""], weights=[6, 22, 30, 22, 8, 4, 2, 1, 5])[0],
        rsa=_oui_non(rng, 0.44),
        ass=_oui_non(rng, 0.08),
        aah=_oui_non(rng, 0.06),
        rqth=_oui_non(rng, 0.12),
        parent_isole=_oui_non(rng, 0.18),
        sans_domicile=_oui_non(rng, 0.05),
        qpv=_oui_non(rng, 0.35, 0.02),
        zone_rurale=_oui_non(rng, 0.04),
        nationalite=rng.choices([Nationalite.FRANCAISE, Nationalite.UE, Nationalite.HORS_UE, ""], [80, 4, 14, 2])[0],
        origine_etrangere=_oui_non(rng, 0.25, 0.2),
    )
    if p.statut_marche_travail == StatutMarcheTravail.CHOMEUR:
        p.date_debut_chomage = orientation - timedelta(days=rng.randint(30, 1500))
    if genre == "attente":
        p.decision_commission = rng.choices([DecisionCommission.EN_ATTENTE, DecisionCommission.AJOURNEE], [9, 1])[0]
        return p
    if genre == "refuse":
        p.decision_commission = DecisionCommission.REFUSEE
        p.motif_decision = "Public ne relevant pas du PLIE (orientation vers un autre dispositif)."
        return p
    p.decision_commission = DecisionCommission.VALIDEE
    p.date_entree = orientation + timedelta(days=rng.randint(7, 35))
    if genre == "en_cours":
        p.date_entree = min(p.date_entree, aujourd_hui)
        return p
    limite = borne or aujourd_hui
    debut_sortie = p.date_entree + timedelta(days=90)
    p.date_entree = min(p.date_entree, limite - timedelta(days=1))
    p.date_sortie = _date_dans(rng, min(debut_sortie, limite), limite)
    positive = rng.random() < 0.47
    p.motif_sortie = rng.choice(MOTIFS_POSITIFS if positive else MOTIFS_AUTRES)
    p.situation_sortie = (
        SituationSortie.EMPLOI
        if p.motif_sortie in ("emploi_cdi", "emploi_cdd_6_mois", "alternance", "creation_entreprise", "emploi_court")
        else SituationSortie.FORMATION
        if p.motif_sortie.startswith("formation")
        else rng.choice([SituationSortie.RECHERCHE_EMPLOI, SituationSortie.INACTIF, SituationSortie.INCONNUE])
    )
    p.qualification_obtenue = p.motif_sortie == MotifSortie.FORMATION_QUALIFIANTE or rng.random() < 0.15
    if aujourd_hui >= p.echeance_suivi_6_mois and rng.random() < 0.85:
        p.date_suivi_6_mois = min(p.echeance_suivi_6_mois + timedelta(days=rng.randint(0, 45)), aujourd_hui)
        p.emploi_6_mois = _oui_non(rng, 0.6 if positive else 0.25, 0.1)
        p.situation_amelioree_6_mois = _oui_non(rng, 0.7 if positive else 0.35, 0.1)
    return p


def _structure_pour(rng, type_etape, offres, partenaires):
    candidates = offres.get(type_etape.pk) or partenaires
    return rng.choice(candidates)


def _etapes(rng, p, fin, sequence, offres, partenaires, aujourd_hui):
    """About five steps spread over the parcours: ended ones in the past, current and planned ones."""
    etapes = []
    debut = p.date_entree
    duree_parcours = max((fin - debut).days, 30)
    nombre = rng.choice([4, 5, 5, 5, 6])
    curseur = debut
    for rang in range(nombre):
        groupe = sequence[min(rang, len(sequence) - 1)]
        type_etape = rng.choice(groupe)
        duree = rng.randint(20, max(30, duree_parcours // 3))
        debut_prevu = curseur
        fin_prevue = debut_prevu + timedelta(days=duree)
        etape = Etape(
            parcours=p,
            type=type_etape,
            structure_id=_structure_pour(rng, type_etape, offres, partenaires),
            date_debut_prevue=debut_prevu,
            date_fin_prevue=fin_prevue,
            proposee_par_id=p.referent_id,
            objectif="Lever les freins identifiés lors du diagnostic." if rang == 1 else "",
        )
        if p.date_sortie:
            # Exited: every step closed (finished, or abandoned at the exit).
            if fin_prevue <= p.date_sortie:
                etape.statut = StatutEtape.TERMINEE
                etape.date_debut, etape.date_fin = debut_prevu, fin_prevue
                etape.resultat = "Étape menée à son terme."
            elif debut_prevu <= p.date_sortie:
                etape.statut = StatutEtape.ABANDONNEE
                etape.date_debut, etape.date_fin = debut_prevu, p.date_sortie
                etape.motif_detail = "Étape close"
            else:
                break
        elif fin_prevue < aujourd_hui:
            # Mostly finished; some still running past their planned end (caseload alert).
            if rng.random() < 0.1:
                etape.statut = StatutEtape.EN_COURS
                etape.date_debut = debut_prevu
            else:
                etape.statut = rng.choices(
                    [StatutEtape.TERMINEE, StatutEtape.ABANDONNEE, StatutEtape.REFUSEE], [80, 12, 8]
                )[0]
                if etape.statut != StatutEtape.REFUSEE:
                    etape.date_debut, etape.date_fin = debut_prevu, fin_prevue
                else:
                    etape.motif_refus = "complet"
        elif debut_prevu <= aujourd_hui:
            etape.statut = StatutEtape.EN_COURS
            etape.date_debut = debut_prevu
        else:
            etape.statut = rng.choice([StatutEtape.PROPOSEE, StatutEtape.ACCEPTEE])
        etapes.append(etape)
        curseur = fin_prevue + timedelta(days=rng.randint(0, 20))
        if curseur > fin + timedelta(days=120):
            break
    return etapes


def _entretiens(rng, p, fin, aujourd_hui):
    """Realised interviews every month or so, a few no-shows, and a planned one for many open parcours."""
    entretiens = []
    jour = p.date_entree
    # Some people have not been seen for a while (caseload alert).
    pas = rng.choice([21, 30, 30, 45, 60])
    while jour <= min(fin, aujourd_hui - timedelta(days=1)):
        statut = StatutEntretien.ABSENT if rng.random() < 0.08 else StatutEntretien.REALISE
        entretiens.append(
            Entretien(
                parcours_id=p.pk,
                date=_moment(jour, rng.randint(9, 16)),
                type=rng.choices(TYPES_ENTRETIEN, [70, 25, 5])[0],
                statut=statut,
                note=rng.choice(NOTES) if statut == StatutEntretien.REALISE else "",
                auteur_id=p.referent_id,
            )
        )
        jour += timedelta(days=pas + rng.randint(-5, 10))
    if p.date_sortie is None and rng.random() < 0.45:
        entretiens.append(
            Entretien(
                parcours_id=p.pk,
                date=_moment(aujourd_hui + timedelta(days=rng.randint(1, 14)), rng.randint(9, 16), sens=1),
                type=TypeEntretien.PRESENTIEL,
                statut=StatutEntretien.PLANIFIE,
                auteur_id=p.referent_id,
            )
        )
    return entretiens
