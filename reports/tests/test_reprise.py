"""A report whose worker died is taken over within about two minutes, completes once, and says
"reprise" to whoever follows it (issue 14: a killed worker no longer freezes a report for hours)."""

import datetime
import time

import pytest
from django.utils import timezone

from plie_portal import travaux
from reports import services
from reports.models import Rapport, StatutRapport
from reports.tasks import generer_rapport, relancer_rapports_bloques

pytestmark = pytest.mark.django_db


def silencieux_depuis(rapport, secondes):
    il_y_a = timezone.now() - datetime.timedelta(seconds=secondes)
    Rapport.objects.filter(pk=rapport.pk).update(statut=StatutRapport.EN_COURS, debut_le=il_y_a, battement_le=il_y_a)


def test_a_redelivered_task_leaves_a_report_whose_worker_still_beats(world):
    rapport = world.rapport_referent_en_cours
    silencieux_depuis(rapport, 5)
    assert generer_rapport.delay(rapport.pk).get() == StatutRapport.EN_COURS
    assert Rapport.objects.get(pk=rapport.pk).reprises == 0


def test_a_report_silent_past_the_delay_is_taken_over_and_completes_once(world):
    rapport = world.rapport_referent_en_cours
    silencieux_depuis(rapport, services.DELAI_REPRISE.total_seconds() + 5)
    assert relancer_rapports_bloques() == 1
    repris = Rapport.objects.get(pk=rapport.pk)
    assert (repris.statut, repris.reprises) == (StatutRapport.TERMINE, 1), repris.erreur
    # The dead worker's message, redelivered much later, finds it done and does nothing.
    assert generer_rapport.delay(rapport.pk).get() == StatutRapport.TERMINE
    assert Rapport.objects.get(pk=rapport.pk).reprises == 1


def test_the_report_taken_over_tells_its_follower_it_is_a_reprise(world):
    rapport = world.rapport_referent_en_cours
    silencieux_depuis(rapport, services.DELAI_REPRISE.total_seconds() + 5)
    assert services.reserver(rapport.pk)
    assert "Reprise" in Rapport.objects.get(pk=rapport.pk).message


@pytest.mark.django_db(transaction=True)
def test_a_working_report_beats_from_its_own_thread(world, monkeypatch):
    monkeypatch.setattr(travaux, "BATTEMENT", datetime.timedelta(seconds=0.05))
    rapport = world.rapport_referent_en_cours
    silencieux_depuis(rapport, 3600)
    with services.Battement(Rapport.objects.filter(pk=rapport.pk), actif=True):
        time.sleep(0.5)
    battement = Rapport.objects.get(pk=rapport.pk).battement_le
    assert timezone.now() - battement < datetime.timedelta(seconds=5)
