"""The figures compared with the objectives are the same on every channel that shows them: the
coordination home, the reports dashboard and the activity report (parcours.indicators)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory
from parcours.indicators import personnes_accompagnees_en
from parcours.tests.factories import ParcoursFactory
from participants.tests.factories import ParticipantFactory
from reports.models import StatutRapport
from reports.tests.helpers import lire_pdf, produire

ANNEE = timezone.localdate().year
D = datetime.date


@pytest.fixture
def annee(db):
    """Four people accompanied this year, out of six records; two exits of complete participations."""

    def parcours(participant=None, **champs):
        return ParcoursFactory(
            participant=participant or ParticipantFactory(), date_orientation=champs["date_entree"], **champs
        )

    # Entered this year and left for a job: accompanied, a positive exit.
    parcours(date_entree=D(ANNEE, 1, 10), date_sortie=D(ANNEE, 2, 1), motif_sortie="emploi_cdi")
    # Entered last year, still in: accompanied.
    parcours(date_entree=D(ANNEE - 1, 6, 1))
    # Entered and left last year: not accompanied this year.
    parcours(date_entree=D(ANNEE - 1, 3, 1), date_sortie=D(ANNEE - 1, 12, 31), motif_sortie="abandon")
    # One person, two participations this year: accompanied once; the first exit counts.
    deux_fois = ParticipantFactory()
    parcours(deux_fois, date_entree=D(ANNEE - 1, 5, 1), date_sortie=D(ANNEE, 1, 5), motif_sortie="abandon")
    parcours(deux_fois, date_entree=D(ANNEE, 2, 1))
    # Incomplete FSE+ data: accompanied, but its exit is not in the rate's base.
    parcours(
        ParticipantFactory(sexe=""), date_entree=D(ANNEE, 1, 20), date_sortie=D(ANNEE, 2, 10), motif_sortie="emploi_cdi"
    )
    # Oriented, never entered: not accompanied.
    ParcoursFactory(date_orientation=D(ANNEE, 1, 3), date_entree=None, decision_commission="en_attente")
    return UserFactory(role=Role.COORDINATION)


def test_people_accompanied_are_distinct_persons_entered_by_the_year_end_and_not_exited_before_it(annee):
    assert personnes_accompagnees_en(ANNEE) == 4


def test_the_coordination_home_shows_the_shared_figures(annee, client_of):
    contexte = client_of(annee).get(reverse("home")).context

    assert (contexte["accompagnes"], contexte["sorties"], contexte["sorties_positives"]) == (4, 2, 1)


def test_the_dashboard_shows_the_same_figures(annee, client_of):
    contexte = client_of(annee).get(reverse("reports:tableau_de_bord")).context

    assert (contexte["accompagnes_annee"], contexte["sorties_completes"], contexte["sorties_positives_completes"]) == (
        4,
        2,
        1,
    )
    assert contexte["taux_pourcent"] == 50.0


def test_the_activity_report_of_the_year_shows_the_same_figures_each_labelled(
    annee, django_capture_on_commit_callbacks
):
    rapport = produire(
        annee, "activite", django_capture_on_commit_callbacks, debut=f"{ANNEE}-01-01", fin=f"{ANNEE}-12-31"
    )

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    texte = lire_pdf(rapport)[1]
    assert f"Personnes accompagnées en {ANNEE} (objectif 2 300 à 2 500) 4" in texte
    assert "Sorties sur la période (participations, complètes ou non) 3" in texte
    assert "Sorties de participations complètes 2" in texte
    assert "Dont sorties positives (participations complètes) 1" in texte
    assert "Taux de sorties positives (participations complètes) 50,0 %" in texte
