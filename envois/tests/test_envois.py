"""The outbox: with the broker unreachable an action still succeeds, with a notice, and what it
must hand to the workers waits in the database until the broker is back (issue 14)."""

import pytest
from django.core import mail
from django.urls import reverse

from envois.models import EnvoiDiffere
from envois.services import relancer
from reports.models import Rapport, StatutRapport

pytestmark = pytest.mark.django_db(transaction=True)


def _oublier_les_connexions(app):
    """Celery and kombu keep their connections to the broker: drop them all, so that the next use
    opens new ones to the broker configured then."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def courtier_injoignable():
    """The broker is down: nothing listens where the portal publishes (a closed port)."""
    from plie_portal.celery import app

    # The write URL (what publishing uses): `broker_url` itself yields to the CELERY_BROKER_URL
    # variable, set on the services machine.
    avant = (app.conf.task_always_eager, app.conf.get("broker_write_url"))
    _oublier_les_connexions(app)
    app.conf.task_always_eager, app.conf.broker_write_url = False, "redis://127.0.0.1:1/0"
    yield app
    _oublier_les_connexions(app)
    app.conf.task_always_eager, app.conf.broker_write_url = avant


def test_a_report_asked_while_the_broker_is_down_is_kept_and_produced_once_it_is_back(
    world, client_of, courtier_injoignable
):
    client = client_of(world.coordination)
    reponse = client.post(reverse("reports:demander", kwargs={"type": "participants"}), {"statut": ""}, follow=True)
    assert reponse.status_code == 200
    assert "momentanément indisponible" in reponse.content.decode()
    rapport = Rapport.objects.latest("pk")
    assert rapport.statut == StatutRapport.EN_ATTENTE
    (envoi,) = EnvoiDiffere.objects.all()
    assert envoi.tache == "reports.tasks.generer_rapport" and envoi.tentatives == 1

    courtier_injoignable.conf.task_always_eager = True  # the broker is back (tasks run here)
    assert relancer() == (1, 0)
    rapport.refresh_from_db()
    assert rapport.statut == StatutRapport.TERMINE


def test_a_message_in_the_thread_is_saved_and_its_e_mail_leaves_once_the_broker_is_back(
    world, client_of, courtier_injoignable
):
    dossier = world.dossier_autre
    mail.outbox.clear()
    reponse = client_of(world.instructeur).post(
        reverse("aap_invisibles:dossier_message", args=[dossier.pk]),
        {"objet": "Pièce manquante", "texte": "Merci d'ajouter le budget signé."},
        follow=True,
    )
    assert reponse.status_code == 200 and "momentanément indisponible" in reponse.content.decode()
    assert dossier.messages.filter(objet="Pièce manquante").exists()
    assert mail.outbox == []
    courtier_injoignable.conf.task_always_eager = True
    relancer()
    assert any("Pièce manquante" in m.subject or "Pièce manquante" in m.body for m in mail.outbox)
    assert not EnvoiDiffere.objects.exists()


def test_nothing_waits_when_the_broker_answers(world, client_of):
    client_of(world.coordination).post(reverse("reports:demander", kwargs={"type": "participants"}), {"statut": ""})
    assert not EnvoiDiffere.objects.exists()


def test_the_health_page_counts_what_waits(client, courtier_injoignable):
    from envois.services import mettre_en_file
    from plie_portal.tasks import diagnostic

    mettre_en_file(diagnostic)
    assert client.get("/healthz").json()["envois_en_attente"] == 1


@pytest.mark.services
def test_with_a_real_worker_a_report_asked_while_redis_was_down_is_produced_once_it_is_back(
    communes, celery_worker_process, settings
):
    """Services suite: the broker unreachable, then back; a real worker produces what waited, and
    Celery's results in Redis hold none of the person's data (RGPD issue: Celery results)."""
    import time

    import redis

    from plie_portal.celery import app
    from reports import services
    from reports.kinds import get_kind
    from tests.world import build_world

    world = build_world()
    _oublier_les_connexions(app)
    app.conf.broker_write_url = "redis://127.0.0.1:1/0"
    try:
        rapport = services.demander(world.referent, get_kind("parcours"), {"participant": world.participant.pk})
        assert EnvoiDiffere.objects.filter(tache="reports.tasks.generer_rapport").count() == 1
    finally:
        _oublier_les_connexions(app)
        app.conf.broker_write_url = None
    assert relancer() == (1, 0)
    limite = time.monotonic() + 90
    while time.monotonic() < limite:
        rapport.refresh_from_db()
        if rapport.statut in (StatutRapport.TERMINE, StatutRapport.ECHEC):
            break
        time.sleep(0.3)
    assert rapport.statut == StatutRapport.TERMINE, rapport.erreur
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    valeurs = b" ".join(client.get(cle) or b"" for cle in client.scan_iter("celery-task-meta-*")).lower()
    assert valeurs  # the worker did store its results here
    for marqueur in (world.participant.nom, world.participant.prenom, world.participant.email):
        assert marqueur.lower().encode() not in valeurs


def test_under_make_run_a_report_is_produced_in_a_thread_and_the_request_does_not_wait(world, client_of, settings):
    from envois.services import FILS

    settings.PLIE_TACHES_EN_FIL = True
    FILS.clear()
    reponse = client_of(world.coordination).post(reverse("reports:demander", kwargs={"type": "participants"}), {})
    assert reponse.status_code == 302
    (fil,) = FILS
    fil.join(timeout=60)
    assert Rapport.objects.latest("pk").statut == StatutRapport.TERMINE
    assert not EnvoiDiffere.objects.exists()
