"""A report produced by a real Celery worker through Redis (CI services suite)."""

import time

import pytest

from reports import services
from reports.kinds import get_kind
from reports.models import Rapport, StatutRapport

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def rapport_pris_par_un_worker(world):
    """An activity report asked for and already being produced by a worker (`en_cours`)."""
    rapport = services.demander(world.coordination, get_kind("activite"), {"debut": "2026-01-01", "fin": "2026-12-31"})
    limite = time.monotonic() + 60
    while Rapport.objects.get(pk=rapport.pk).statut == StatutRapport.EN_ATTENTE and time.monotonic() < limite:
        time.sleep(0.005)
    assert Rapport.objects.get(pk=rapport.pk).statut == StatutRapport.EN_COURS, "le worker n'a pas pris le rapport"
    return rapport


def reprendre_jusqu_a_la_fin(rapport, delai=120):
    """The periodic takeover (beat runs it every minute; here every 2 s) until the report ends."""
    from reports.tasks import relancer_rapports_bloques

    debut = time.monotonic()
    while time.monotonic() < debut + delai:
        relancer_rapports_bloques.delay()
        rapport.refresh_from_db()
        if rapport.statut in (StatutRapport.TERMINE, StatutRapport.ECHEC):
            break
        time.sleep(2)


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


def test_a_report_whose_whole_worker_is_killed_is_taken_over_and_completes_once(
    communes, celery_worker_process, settings, tmp_path
):
    """The worker dies (SIGKILL) while producing the report: its message stays unacknowledged in
    Redis for hours, yet a second worker takes the report over within the delay and completes it once."""
    import signal

    from tests.services import lancer_worker
    from tests.world import build_world

    world = build_world()
    rapport = rapport_pris_par_un_worker(world)
    celery_worker_process.send_signal(signal.SIGKILL)
    celery_worker_process.wait(timeout=10)
    assert Rapport.objects.get(pk=rapport.pk).statut == StatutRapport.EN_COURS  # frozen by the death

    # A second worker, and the periodic takeover (here called by hand, as beat does every minute);
    # a short delay for the test (60 s in production): the second worker judges the silence.
    second = lancer_worker(settings, tmp_path / "second-worker.log", PLIE_RAPPORT_DELAI_REPRISE_SECONDES="8")
    try:
        debut = time.monotonic()
        reprendre_jusqu_a_la_fin(rapport)
        assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
        assert rapport.reprises == 1 and rapport.tentatives == 2
        assert time.monotonic() - debut < 120
    finally:
        second.terminate()
        second.wait(timeout=20)


@pytest.fixture
def worker_prefork(transactional_db, settings, tmp_path):
    """A real worker with a prefork pool of one child (production's pool), the takeover delay
    shortened to 8 s for the test (60 s in production)."""
    from plie_portal.celery import app
    from tests.services import attendre_worker_pret, lancer_worker

    app.control.purge()
    log_path = tmp_path / "prefork.log"
    process = lancer_worker(settings, log_path, pool="prefork", PLIE_RAPPORT_DELAI_REPRISE_SECONDES="8")
    app.conf.task_always_eager = False
    try:
        attendre_worker_pret(process, log_path)
        yield process, log_path
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        process.wait(timeout=20)


def test_a_report_whose_pool_child_is_killed_is_completed_once_by_the_same_worker(communes, worker_prefork):
    """Only the child process producing the report dies (SIGKILL, as the kernel's OOM killer does):
    the worker starts another child, and the report completes once, within the takeover delay."""
    import os
    import signal

    from tests.services import enfants
    from tests.world import build_world

    process, log_path = worker_prefork
    world = build_world()
    rapport = rapport_pris_par_un_worker(world)
    (enfant,) = enfants(process)
    os.kill(enfant, signal.SIGKILL)

    reprendre_jusqu_a_la_fin(rapport)
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur + log_path.read_text(errors="replace")[-3000:]
    assert process.poll() is None  # the worker itself lived on
    assert enfants(process) and enfants(process) != [enfant]  # …with a new child
    assert rapport.tentatives == 2 and rapport.reprises <= 1
    assert Rapport.objects.filter(pk=rapport.pk, statut=StatutRapport.TERMINE).count() == 1
