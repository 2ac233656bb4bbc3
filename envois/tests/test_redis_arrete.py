"""Redis itself stopped (not a closed port) while people work, then restarted: every action
answers normally with a notice, and what it had to send leaves once Redis is back, produced by a
real worker (issue 14, services suite)."""

import re
import shutil
import socket
import subprocess
import time

import pytest
from django.urls import reverse

from envois.models import EnvoiDiffere
from envois.services import relancer
from reports.models import Rapport, StatutRapport

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _port_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisAPart:
    """A Redis server of this test's own, which it can stop and start again on the same port."""

    def __init__(self, dossier):
        self.port, self.dossier, self.process = _port_libre(), dossier, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def demarrer(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.dossier,
            stdout=subprocess.DEVNULL,
        )
        limite = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout != b"PONG\n":
            assert time.monotonic() < limite, "Redis n'a pas démarré"
            time.sleep(0.1)

    def arreter(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_a_part(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server absent")
    serveur = RedisAPart(tmp_path)
    serveur.demarrer()
    yield serveur
    if serveur.process.poll() is None:
        serveur.arreter()


def _oublier_les_connexions(app):
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def portail_et_worker_sur(redis_a_part, settings, tmp_path):
    """The portal publishes to that Redis and a real worker consumes from it."""
    from plie_portal.celery import app
    from tests.services import attendre_worker_pret, lancer_worker

    log_path = tmp_path / "worker.log"
    worker = lancer_worker(settings, log_path, CELERY_BROKER_URL=redis_a_part.url)
    avant = (app.conf.task_always_eager, app.conf.get("broker_write_url"))
    _oublier_les_connexions(app)
    app.conf.task_always_eager, app.conf.broker_write_url = False, redis_a_part.url
    try:
        attendre_worker_pret(worker, log_path)
        yield log_path
    finally:
        _oublier_les_connexions(app)
        app.conf.task_always_eager, app.conf.broker_write_url = avant
        worker.terminate()
        worker.wait(timeout=20)


def test_with_redis_stopped_a_report_a_step_update_and_a_message_succeed_and_leave_once_it_restarts(
    communes, redis_a_part, portail_et_worker_sur, client_of
):
    from tests.world import build_world

    world = build_world()
    log_path = portail_et_worker_sur
    redis_a_part.arreter()

    reponses = [
        client_of(world.referent).post(
            reverse("reports:demander", kwargs={"type": "parcours"}), {"participant": world.participant.pk}, follow=True
        ),
        client_of(world.partenaire).post(
            reverse("parcours:etape_transition", args=[world.etape.pk, "mettre_a_jour"]),
            {
                "mettre_a_jour-date_debut": world.etape.date_debut.isoformat(),
                "mettre_a_jour-commentaire_partenaire": "Point d'étape pendant la panne",
            },
            follow=True,
        ),
        client_of(world.instructeur).post(
            reverse("aap_invisibles:dossier_message", args=[world.dossier_autre.pk]),
            {"objet": "Pendant la panne", "texte": "Merci d'ajouter le budget signé."},
            follow=True,
        ),
    ]
    for reponse in reponses:
        assert reponse.status_code == 200
        assert "momentanément indisponible" in reponse.content.decode()
    rapport = Rapport.objects.latest("pk")
    assert rapport.statut == StatutRapport.EN_ATTENTE
    world.etape.refresh_from_db()
    assert world.etape.commentaire_partenaire == "Point d'étape pendant la panne"
    assert world.dossier_autre.messages.filter(objet="Pendant la panne").exists()
    attendus = EnvoiDiffere.objects.count()
    assert attendus >= 3  # the report, the referent's e-mail, the applicant's message

    redis_a_part.demarrer()
    assert relancer() == (attendus, 0)  # as the task does every minute
    limite = time.monotonic() + 90
    while time.monotonic() < limite:
        rapport.refresh_from_db()
        journal = log_path.read_text(errors="replace")
        courriels = re.findall(
            r"Task (?:notifications\.tasks\.envoyer_email|aap_invisibles\.tasks\.\w+)\[.*\] succeeded", journal
        )
        if rapport.statut == StatutRapport.TERMINE and len(courriels) >= 2:
            break
        time.sleep(0.3)
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    assert len(courriels) >= 2, journal[-3000:]
    assert not EnvoiDiffere.objects.exists()
