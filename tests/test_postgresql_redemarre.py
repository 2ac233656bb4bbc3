"""PostgreSQL restarted while referents write (issue 14, services suite): no write answered as
done is lost, none is written twice, no error page but the French "retry" page (503), and the
portal writes again as soon as the database is back (persistent connections are health-checked)."""

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.db import close_old_connections, connections
from django.test import Client
from django.urls import reverse

from parcours.models import Entretien

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ECRIVAINS = 4
DUREE = 8  # seconds of writing; PostgreSQL restarts after 2


def _pg_ctl():
    """`pg_ctl` of the cluster `scripts/services.sh` started (CI), or None."""
    donnees = Path(os.environ.get("PLIE_SERVICES_DIR", "/nonexistent")) / "pg"
    racine = Path("/usr/lib/postgresql")
    if not (donnees / "PG_VERSION").exists() or not racine.exists() or os.geteuid() != 0:
        return None
    version = sorted(racine.iterdir(), key=lambda p: int(p.name))[-1]
    return ["runuser", "-u", "postgres", "--", str(version / "bin" / "pg_ctl"), "-D", str(donnees)]


def test_a_postgresql_restart_under_writes_loses_and_duplicates_nothing(communes):
    from tests.world import build_world

    pg_ctl = _pg_ctl()
    if pg_ctl is None:
        pytest.skip("le cluster PostgreSQL de scripts/services.sh n'est pas pilotable ici")
    world = build_world()
    url = reverse("parcours:entretien_ajouter", args=[world.parcours.pk])
    clients = []
    for _ in range(ECRIVAINS):
        client = Client(raise_request_exception=False)
        client.force_login(world.referent)
        clients.append(client)
    reponses = []  # (note, status, moment)
    debut = time.monotonic()

    def ecrire(numero):
        try:
            n = 0
            while time.monotonic() - debut < DUREE:
                note = f"Ecriture-{numero}-{n}"
                # What Django's WSGI handler does at each request's start and end (the test client
                # turns it off): drop a connection that errored or aged, check the others.
                close_old_connections()
                reponse = clients[numero].post(
                    url,
                    {
                        "entretien-date": "2026-02-03T10:00",
                        "entretien-type": "telephone",
                        "entretien-statut": "realise",
                        "entretien-note": note,
                    },
                )
                close_old_connections()
                reponses.append((note, reponse.status_code, time.monotonic()))
                n += 1
                time.sleep(0.02)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=ecrire, args=(n,)) for n in range(ECRIVAINS)]
    for fil in fils:
        fil.start()
    time.sleep(2)
    # The new server logs to its file: inheriting our pipes, it would keep `run` waiting forever.
    redemarrage = subprocess.run(
        [*pg_ctl, "restart", "-m", "fast", "-w", "-l", pg_ctl[-1] + "/server.log"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    revenu = time.monotonic()
    for fil in fils:
        fil.join()
    connections.close_all()  # this thread's connection died with the restart
    assert redemarrage.returncode == 0, redemarrage.stderr

    codes = {status for _, status, _ in reponses}
    assert codes <= {302, 503}, codes  # done, or the "retry" page: never a 500
    ecrites = dict.fromkeys((note for note, _, _ in reponses), 0)
    for note in Entretien.objects.filter(note__startswith="Ecriture-").values_list("note", flat=True):
        ecrites[note] += 1
    for note, status, _ in reponses:
        if status == 302:
            assert ecrites[note] == 1, f"{note} : réponse « fait » mais {ecrites[note]} ligne(s)"
        else:
            assert ecrites[note] <= 1, f"{note} écrit {ecrites[note]} fois"
    assert any(status == 302 and moment < debut + 2 for _, status, moment in reponses)
    # Writing again as soon as PostgreSQL is back: stale persistent connections are replaced.
    apres = [status for _, status, moment in reponses if moment > revenu + 0.5]
    assert apres and set(apres) == {302}, apres
