"""Parcours transitions: each valid move, each refusal (nothing changes, the reason is in French),
and the database constraints."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory
from parcours.choices import DecisionCommission, MotifSortie, StatutEntretien, StatutEtape
from parcours.models import Parcours, SessionCommission, Transition, TransitionInvalide
from parcours.tests.factories import EntretienFactory, EtapeFactory, ParcoursFactory

pytestmark = pytest.mark.usefixtures("communes")

D = datetime.date


@pytest.fixture
def coord(db):
    return UserFactory(role=Role.COORDINATION)


def en_attente(**kwargs):
    return ParcoursFactory(decision_commission=DecisionCommission.EN_ATTENTE, date_entree=None, **kwargs)


def inchange(parcours):
    """The stored row equals the object before the refused move, and no transition was logged."""
    stocke = Parcours.objects.get(pk=parcours.pk)
    champs = ["decision_commission", "date_entree", "date_sortie", "motif_sortie", "motif_decision"]
    return [getattr(stocke, c) for c in champs] == [getattr(parcours, c) for c in champs] and not (
        Transition.objects.filter(parcours=parcours).exists()
    )


def test_validation_enters_the_participant_and_logs_who_and_when(coord):
    parcours = en_attente()
    session = SessionCommission.objects.create(date=D(2026, 1, 10), membres_presents="X", cree_par=coord)
    parcours.valider(coord, D(2026, 1, 12), session=session)
    parcours.refresh_from_db()
    assert (parcours.decision_commission, parcours.date_entree) == ("validee", D(2026, 1, 12))
    assert parcours.session_commission == session
    transition = parcours.transitions.get()
    assert (transition.de, transition.vers, transition.par) == ("en_attente", "validee", coord)


@pytest.mark.parametrize(
    ("date_entree", "message"),
    [(None, "La date d'entrée est obligatoire"), (D(2026, 1, 4), "ne peut pas précéder la date d'orientation")],
)
def test_validation_is_refused_without_a_valid_entry_date(coord, date_entree, message):
    parcours = en_attente()
    with pytest.raises(TransitionInvalide, match=message):
        parcours.valider(coord, date_entree)
    parcours = Parcours.objects.get(pk=parcours.pk)
    assert inchange(parcours)


def test_a_validated_orientation_cannot_be_validated_refused_or_postponed_again(coord):
    parcours = ParcoursFactory()
    for methode, args in [("valider", (D(2026, 2, 1),)), ("refuser", ("motif",)), ("ajourner", ("motif",))]:
        with pytest.raises(TransitionInvalide, match="Seule une orientation en attente ou ajournée"):
            getattr(parcours, methode)(coord, *args)
    assert inchange(parcours)


def test_refusal_closes_without_entry_and_needs_a_reason(coord):
    parcours = en_attente()
    with pytest.raises(TransitionInvalide, match="Le motif du refus est obligatoire"):
        parcours.refuser(coord, "  ")
    assert inchange(Parcours.objects.get(pk=parcours.pk))
    parcours.refuser(coord, "Hors public")
    parcours.refresh_from_db()
    assert parcours.decision_commission == DecisionCommission.REFUSEE
    assert not parcours.est_ouvert and parcours.date_entree is None


def test_postponement_keeps_the_orientation_pending_and_needs_a_reason(coord):
    parcours = en_attente()
    with pytest.raises(TransitionInvalide, match="Le motif de l'ajournement est obligatoire"):
        parcours.ajourner(coord, "")
    parcours.ajourner(coord, "Pièces manquantes")
    parcours.refresh_from_db()
    assert parcours.decision_commission == DecisionCommission.AJOURNEE
    assert Parcours.objects.en_attente_commission().filter(pk=parcours.pk).exists()
    parcours.valider(coord, D(2026, 2, 1))
    assert parcours.decision_commission == DecisionCommission.VALIDEE


def test_exit_records_the_reason_and_closes_the_parcours(coord):
    parcours = ParcoursFactory()
    parcours.sortir(coord, D(2026, 6, 30), MotifSortie.EMPLOI_CDI, situation_sortie="emploi")
    parcours.refresh_from_db()
    assert parcours.date_sortie == D(2026, 6, 30) and parcours.sortie_positive
    assert not parcours.est_ouvert
    assert parcours.transitions.get().vers == "sorti"


@pytest.mark.parametrize(
    ("date_sortie", "motif", "message"),
    [
        (D(2026, 1, 14), MotifSortie.ABANDON, "postérieure ou égale à la date d'entrée"),
        (D(2026, 6, 30), "inconnu", "Choisissez un motif de sortie"),
    ],
)
def test_exit_is_refused_before_entry_or_without_a_known_reason(coord, date_sortie, motif, message):
    parcours = ParcoursFactory()
    with pytest.raises(TransitionInvalide, match=message):
        parcours.sortir(coord, date_sortie, motif)
    assert inchange(parcours)


def test_exit_is_refused_for_a_parcours_not_entered(coord):
    parcours = en_attente()
    with pytest.raises(TransitionInvalide, match="Seul un parcours en cours"):
        parcours.sortir(coord, D(2026, 6, 30), MotifSortie.ABANDON)
    assert inchange(parcours)


def test_exit_with_open_steps_is_refused_unless_they_are_closed_at_exit(coord):
    parcours = ParcoursFactory()
    en_cours = EtapeFactory(parcours=parcours, statut=StatutEtape.EN_COURS, date_debut=D(2026, 2, 1))
    proposee = EtapeFactory(parcours=parcours, statut=StatutEtape.PROPOSEE)
    with pytest.raises(TransitionInvalide, match="2 étapes sont encore ouvertes"):
        parcours.sortir(coord, D(2026, 6, 30), MotifSortie.ABANDON)
    assert inchange(parcours)
    parcours.sortir(coord, D(2026, 6, 30), MotifSortie.ABANDON, clore_etapes=True)
    en_cours.refresh_from_db()
    proposee.refresh_from_db()
    assert (en_cours.statut, en_cours.date_fin, en_cours.motif_detail) == (
        "abandonnee",
        D(2026, 6, 30),
        "Étape close",
    )
    assert proposee.statut == StatutEtape.ANNULEE


def test_the_follow_up_needs_an_exit(coord):
    parcours = ParcoursFactory()
    with pytest.raises(TransitionInvalide, match="ne concerne qu'un parcours sorti"):
        parcours.enregistrer_suivi_6_mois(coord, True, True)
    parcours.sortir(coord, D(2026, 2, 1), MotifSortie.EMPLOI_COURT)
    parcours.enregistrer_suivi_6_mois(coord, True, None, D(2026, 8, 1))
    parcours.refresh_from_db()
    assert (parcours.emploi_6_mois, parcours.situation_amelioree_6_mois) == (True, None)


def test_the_follow_up_is_refused_before_six_calendar_months(coord):
    parcours = ParcoursFactory()
    parcours.sortir(coord, D(2026, 2, 1), MotifSortie.EMPLOI_COURT)

    with pytest.raises(TransitionInvalide, match="à partir du 1er août 2026"):
        parcours.enregistrer_suivi_6_mois(coord, True, None, D(2026, 7, 31))

    parcours.refresh_from_db()
    assert parcours.date_suivi_6_mois is None


@pytest.mark.parametrize(
    ("sortie", "echeance"),
    [(D(2026, 8, 31), D(2027, 2, 28)), (D(2027, 8, 31), D(2028, 2, 29)), (D(2026, 1, 15), D(2026, 7, 15))],
)
def test_the_follow_up_is_due_six_calendar_months_after_the_exit(sortie, echeance):
    assert ParcoursFactory.build(date_sortie=sortie).echeance_suivi_6_mois == echeance


def test_the_caseload_alert_and_the_record_agree_on_the_day_the_follow_up_is_due(coord):
    sortis = [ParcoursFactory(date_sortie=D(2026, 8, 1) + datetime.timedelta(days=n)) for n in range(0, 62, 3)]
    for jour in (D(2027, 2, 27), D(2027, 2, 28), D(2027, 3, 1), D(2027, 3, 31)):
        en_sql = set(Parcours.objects.filter(pk__in=[p.pk for p in sortis]).suivi_6_mois_du(jour))
        en_python = {p for p in sortis if jour >= p.echeance_suivi_6_mois}
        assert en_sql == en_python, jour


def test_an_orientation_is_refused_while_a_parcours_is_open(coord):
    ouvert = ParcoursFactory()
    with pytest.raises(TransitionInvalide, match="déjà un parcours ouvert"):
        Parcours.orienter(ouvert.participant, coord, D(2026, 5, 1))
    assert ouvert.participant.parcours.count() == 1
    ouvert.sortir(coord, D(2026, 4, 30), MotifSortie.DEMENAGEMENT)
    nouveau = Parcours.orienter(ouvert.participant, coord, D(2026, 5, 1))
    assert nouveau.decision_commission == DecisionCommission.EN_ATTENTE
    assert nouveau.referent == ouvert.participant.referent


def test_a_refused_parcours_does_not_block_a_new_orientation(coord):
    refuse = en_attente()
    refuse.refuser(coord, "Hors public")
    assert Parcours.orienter(refuse.participant, coord, D(2026, 5, 1)).est_ouvert


def test_the_database_allows_one_open_parcours_per_participant(db):
    ouvert = ParcoursFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ParcoursFactory(participant=ouvert.participant)


def test_the_database_refuses_an_exit_before_the_entry(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        ParcoursFactory(date_sortie=D(2026, 1, 1), motif_sortie=MotifSortie.ABANDON)


def test_the_database_refuses_a_step_ending_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        EtapeFactory(date_debut=D(2026, 3, 1), date_fin=D(2026, 2, 1), statut=StatutEtape.TERMINEE)


def test_a_planned_interview_is_marked_and_only_once(db):
    entretien = EntretienFactory(statut=StatutEntretien.PLANIFIE)
    entretien.marquer(StatutEntretien.ABSENT)
    assert entretien.statut == StatutEntretien.ABSENT
    with pytest.raises(TransitionInvalide, match="Seul un entretien planifié"):
        entretien.marquer(StatutEntretien.REALISE)


def test_an_interview_to_come_cannot_be_marked(db):
    entretien = EntretienFactory(statut=StatutEntretien.PLANIFIE, date=timezone.now() + datetime.timedelta(hours=2))
    with pytest.raises(TransitionInvalide, match="à venir"):
        entretien.marquer(StatutEntretien.REALISE)


def test_the_transition_log_reads_in_french(coord):
    parcours = en_attente()
    parcours.valider(coord, D(2026, 2, 1))
    transition = parcours.transitions.get()
    assert (str(transition.de_libelle), str(transition.vers_libelle)) == ("En attente de commission", "Validée")
