"""A report produced by a real Celery worker through Redis (CI services suite)."""

import time

import pytest

from reports import services
from reports.kinds import get_kind
from reports.models import Rapport, StatutRapport

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_produces_the_parcours_sheet_and_records_its_progress(communes, celery_worker_process):
    from tests.world import build_world

    world = build_world()
    rapport = services.demander(world.referent, get_kind("parcours"), {"participant": world.participant.pk})

    etats = set()
    limite = time.monotonic() + 90
    while time.monotonic() < limite:
        rapport.refresh_from_db()
        etats.add(rapport.statut)
        if rapport.statut in (StatutRapport.TERMINE, StatutRapport.ECHEC):
            break
        time.sleep(0.2)

    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert rapport.progression == 100 and rapport.tentatives == 1
    with rapport.fichier.open("rb") as fichier:
        assert fichier.read(5) == b"%PDF-"
    assert Rapport.objects.filter(pk=rapport.pk, statut=StatutRapport.TERMINE).count() == 1
